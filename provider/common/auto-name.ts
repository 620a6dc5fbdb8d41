import { createHash } from "crypto";
import { stableJson } from "../identity/stable-json";
import { checkFailure, type Failure } from "./check-failures";
import { containsUnknown, isUnknown, UNKNOWN } from "./unknown";

/** SageMaker names are at most 63 characters (the pattern itself is the API model's, checked by the shapes). */
const NAME_MAX = 63;
const SUFFIX_LENGTH = 7;

/**
 * A physical name from the logical name plus a suffix, like Pulumi's auto-naming. Chosen once, in
 * `check`, and then carried in the inputs (olds) so later checks reuse it.
 */
export function autoName(logicalName: string, suffix: () => string): string {
    let base = logicalName.replace(/[^a-zA-Z0-9-]/g, "-").replace(/-+/g, "-").replace(/^-+|-+$/g, "");
    if (base === "") {
        base = "sagemaker";
    }
    base = base.slice(0, NAME_MAX - SUFFIX_LENGTH - 1).replace(/-+$/, "");
    return `${base}-${suffix()}`;
}

/**
 * Keys left out of the hash: the engine's and ours, and `region` (check records the stack's region
 * after naming; a name is unique per region, so the same name in another region is no clash).
 */
const NOT_DEFINING = new Set(["__provider", "logicalName", "autoNamed", "clientTokenScope", "adopt", "region"]);

/**
 * The name a first check derives: the logical name and a hash of the inputs that define the
 * resource. Why not random: the dynamic-provider host gets no random seed, and `pulumi preview`
 * and `pulumi up` each check a new resource with no olds, so a random suffix showed one name at
 * preview and created another. A hash of the same inputs gives the same name at both; a
 * replacement (the engine re-checks with no olds) has different inputs, hence a new name beside
 * the old one. While an input is unknown (preview), the name is unknown too: up derives it from
 * the known values, and a name shown at preview would be a guess.
 */
export function derivedName(logicalName: string, inputs: Record<string, unknown>, member: string): string {
    const defining = Object.fromEntries(Object.entries(inputs).filter(([k, v]) => k !== member && !NOT_DEFINING.has(k) && v !== undefined && v !== null));
    if (containsUnknown(defining)) {
        return UNKNOWN;
    }
    const hash = createHash("sha256").update(logicalName).update("\u0000").update(stableJson(defining)).digest("hex");
    return autoName(logicalName, () => hash.slice(0, SUFFIX_LENGTH));
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
 * else one derived from the logical name and the inputs (derivedName). The engine re-checks with
 * empty olds when it replaces, so a replacement gets a new name. Returns a failure when there is nothing to name from.
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
        inputs[member] = derivedName(logical, inputs, member);
        return undefined;
    }
    delete inputs[AUTO_NAME_KEYS.autoNamed];
    return checkFailure(member, "required", `it is missing and there is no ${AUTO_NAME_KEYS.logicalName} to derive it from`,
        `set ${member}, or create the resource with \`new ${kind}(name, args)\`, which passes the logical name`);
}
