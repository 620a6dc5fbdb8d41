import { containsUnknown } from "./unknown";

/** null and undefined both mean "not set" in inputs and in API answers. */
export function isAbsent(v: unknown): v is null | undefined {
    return v === undefined || v === null;
}

/** A plain object: not null, an array or a Date. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Structural equality for inputs/outputs: absent members equal missing ones, list order counts,
 * and anything not known yet (preview) is never equal, so it is reported as a change.
 */
export function sameValue(a: unknown, b: unknown): boolean {
    if (containsUnknown(a) || containsUnknown(b)) {
        return false;
    }
    return equal(a, b);
}

function equal(a: unknown, b: unknown): boolean {
    if (isAbsent(a) || isAbsent(b)) {
        return isAbsent(a) && isAbsent(b);
    }
    if (a instanceof Date || b instanceof Date) {
        return toPlain(a) === toPlain(b);
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => equal(a[k], b[k]));
    }
    return a === b;
}

/** JSON-safe copy (Dates become ISO strings, absent members dropped) for state. */
export function toPlain(v: unknown): unknown {
    if (v instanceof Date) {
        return v.toISOString();
    }
    if (Array.isArray(v)) {
        return v.map(toPlain);
    }
    if (isPlainObject(v)) {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
            if (!isAbsent(x)) {
                out[k] = toPlain(x);
            }
        }
        return out;
    }
    return v;
}

/** The members of `inputs` that are set, without our own keys: what an API request is built from. */
export function pick(inputs: Record<string, unknown>, members: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const m of members) {
        if (!isAbsent(inputs[m])) {
            out[m] = inputs[m];
        }
    }
    return out;
}

/** A copy without undefined members (the engine's Struct rejects them). */
export function withoutUndefined(props: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(props)) {
        if (v !== undefined) {
            out[k] = v;
        }
    }
    return out;
}

/** What a resource keeps in state: its inputs (not the engine's `__provider`) plus what we compute. */
export function stateOutputs(inputs: Record<string, unknown>, computed: Record<string, unknown>): Record<string, unknown> {
    const { __provider: _provider, ...rest } = inputs;
    return withoutUndefined({ ...rest, ...computed });
}
