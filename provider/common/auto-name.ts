import { createHash, randomBytes } from "crypto";
import { checkFailure, type Failure } from "./check-failures";
import { INTERNAL_KEYS } from "./internal-keys";
import { containsUnknown, isUnknown, UNKNOWN } from "./unknown";

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

/** JSON with object keys sorted, so equal inputs hash equally whatever order the program wrote them in. */
function sortedJson(value: unknown): string {
    return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === "object" && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v));
}

/**
 * A suffix from where the resource is declared (project, stack, parent, logical name) and what it
 * is declared with: the same at preview and at up (check runs again at up, and a random suffix
 * would differ from the one shown), different in another stack of the same program (the same
 * account and region may hold both), and different for a replacement (it is replaced because a
 * member changed, and the new resource must not take the old one's name while both exist).
 */
export function scopedSuffix(scope: string, declared: Record<string, unknown>): string {
    return createHash("sha256").update(scope).update("\n").update(sortedJson(declared)).digest("hex").slice(0, SUFFIX_LENGTH);
}

/** Our own inputs for auto-naming, the same keys for every resource kind (internal-keys.ts: hidden from diffs). */
export const AUTO_NAME_KEYS = {
    /** The logical name, passed by the resource constructor because `check` gets no URN. */
    logicalName: INTERNAL_KEYS.logicalName,
    /** Set by `check`: true when the physical name was generated rather than given. */
    autoNamed: INTERNAL_KEYS.autoNamed,
    /** Where the resource is declared (project, stack, parent URN, logical name), passed by the constructor: the name's seed. */
    scope: INTERNAL_KEYS.autoNameScope,
} as const;

/** Inputs that are ours, not what the resource is declared with: left out of the name's seed. */
const NOT_DECLARED: readonly string[] = [AUTO_NAME_KEYS.logicalName, AUTO_NAME_KEYS.autoNamed, AUTO_NAME_KEYS.scope, "__provider", INTERNAL_KEYS.clientTokenScope];

/**
 * Fills `inputs[member]` in `check`: the user's name, else the one generated earlier (olds),
 * else a new one from the logical name. With a scope (the resource constructors pass one) the
 * suffix is `scopedSuffix` of the scope and the other inputs, so preview shows the name up creates;
 * while one of those inputs is unknown (preview), so is the name, rather than a name up would not
 * use. Without a scope, a random suffix. The engine re-checks with empty olds when it replaces
 * (because a member changed), so a replacement gets a new name. Returns a failure when there is
 * nothing to name from.
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
        const scope = inputs[AUTO_NAME_KEYS.scope];
        if (scope === undefined || scope === null) {
            inputs[member] = autoName(logical);
            return undefined;
        }
        const declared = Object.fromEntries(Object.entries(inputs).filter(([k]) => k !== member && !NOT_DECLARED.includes(k)));
        inputs[member] = containsUnknown(scope) || containsUnknown(declared) ? UNKNOWN : autoName(logical, () => scopedSuffix(String(scope), declared));
        return undefined;
    }
    delete inputs[AUTO_NAME_KEYS.autoNamed];
    return checkFailure(member, "required", "it is missing and there is no logical name to derive it from",
        `set ${member}, or create the resource with \`new ${kind}(name, args)\`, which passes the logical name`);
}
