import { randomBytes } from "crypto";
import { checkFailure, type Failure } from "./check-failures";
import { isUnknown } from "./unknown";

/** SageMaker names are at most 63 characters (the pattern itself is the API model's, checked by the shapes). */
const NAME_MAX = 63;
const SUFFIX_LENGTH = 7;

/**
 * A physical name from the logical name plus a random suffix, like Pulumi's auto-naming. Chosen
 * once, in `check`, and then carried in the inputs so retries and previews reuse it.
 */
export function autoName(logicalName: string, random: () => string = randomSuffix): string {
    let base = logicalName.replace(/[^a-zA-Z0-9-]/g, "-").replace(/-+/g, "-").replace(/^-+|-+$/g, "");
    if (base === "") {
        base = "sagemaker";
    }
    base = base.slice(0, NAME_MAX - SUFFIX_LENGTH - 1).replace(/-+$/, "");
    return `${base}-${random()}`;
}

function randomSuffix(): string {
    return randomBytes(4).toString("hex").slice(0, SUFFIX_LENGTH);
}

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
