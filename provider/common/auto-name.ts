import { checkFailure, type Failure } from "./check-failures";
import { autoName } from "./naming";
import { isUnknown } from "./unknown";

/** Our own inputs for auto-naming, the same keys for every resource kind. */
export const AUTO_NAME_KEYS = {
    /** The logical name, passed by the resource constructor because `check` gets no URN. */
    logicalName: "logicalName",
    /** Set by `check`: true when the physical name was generated rather than given. */
    autoNamed: "autoNamed",
} as const;

/**
 * Fills `inputs[member]` in `check`: the user's name, else the one generated earlier (olds),
 * else a new one from the logical name. The engine re-checks with empty olds when it replaces,
 * so a replacement gets a fresh name. Returns a failure when there is nothing to name from.
 */
export function resolveAutoName(olds: Record<string, unknown>, inputs: Record<string, unknown>, member: string, kind: string): Failure | undefined {
    if (inputs[member] !== undefined && inputs[member] !== null) {
        inputs[AUTO_NAME_KEYS.autoNamed] = false;
        return undefined;
    }
    inputs[AUTO_NAME_KEYS.autoNamed] = true;
    const previous = olds[member];
    if (olds[AUTO_NAME_KEYS.autoNamed] === true && typeof previous === "string" && previous !== "" && !isUnknown(previous)) {
        inputs[member] = previous;
        return undefined;
    }
    const logical = inputs[AUTO_NAME_KEYS.logicalName];
    if (typeof logical === "string" && logical !== "" && !isUnknown(logical)) {
        inputs[member] = autoName(logical);
        return undefined;
    }
    delete inputs[AUTO_NAME_KEYS.autoNamed];
    return checkFailure(member, "required", `it is missing and there is no ${AUTO_NAME_KEYS.logicalName} to derive it from`,
        `set ${member}, or create the resource with \`new ${kind}(name, args)\`, which passes the logical name`);
}
