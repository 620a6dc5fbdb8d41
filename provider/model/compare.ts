import { isUnknown } from "../common/unknown";

/**
 * Value comparison for model members. SageMaker fills in defaults that the user may leave out
 * (container Mode "SingleModel", EnableNetworkIsolation false, an empty Environment...), so
 * values are normalized first: absent, null, empty and default mean the same thing.
 */

const CONTAINER_DEFAULTS: Record<string, unknown> = { Mode: "SingleModel" };

/** JSON-like copy without null/undefined/empty values; Dates become ISO strings. */
export function clean(value: unknown): unknown {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (value instanceof Date) {
        return value.toISOString();
    }
    if (Array.isArray(value)) {
        const items = value.map((v) => clean(v) ?? {});
        return items.length === 0 ? undefined : items;
    }
    if (typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
            const c = clean(v);
            if (c !== undefined) {
                out[k] = c;
            }
        }
        return Object.keys(out).length === 0 ? undefined : out;
    }
    return value;
}

function withoutDefaults(value: unknown, defaults: Record<string, unknown>): unknown {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
        return value;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!(k in defaults && defaults[k] === v)) {
            out[k] = v;
        }
    }
    return Object.keys(out).length === 0 ? undefined : out;
}

/** A CreateModelInput member in canonical form, for comparison only. */
export function normalizeMember(member: string, value: unknown): unknown {
    const v = clean(value);
    switch (member) {
        case "PrimaryContainer":
            return withoutDefaults(v, CONTAINER_DEFAULTS);
        case "Containers":
            return Array.isArray(v) ? v.map((c) => withoutDefaults(c, CONTAINER_DEFAULTS) ?? {}) : v;
        case "EnableNetworkIsolation":
            return v === false ? undefined : v;
        case "InferenceExecutionConfig":
            return withoutDefaults(v, { Mode: "Serial" });
        default:
            return v;
    }
}

function stableStringify(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(stableStringify).join(",")}]`;
    }
    if (value && typeof value === "object") {
        const keys = Object.keys(value).sort();
        return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "undefined";
}

export function deepEqual(a: unknown, b: unknown): boolean {
    return stableStringify(a) === stableStringify(b);
}

/** True when the member's old and new values are the same after normalization. */
export function memberEqual(member: string, olds: unknown, news: unknown): boolean {
    return deepEqual(normalizeMember(member, olds), normalizeMember(member, news));
}

/**
 * Paths where `declared` is not matched by `actual`. Objects match when every declared member
 * matches (the actual side may carry extra, server-filled members); lists match item by item.
 * Unknown declared values always match. Paths only: values may be secrets.
 */
export function mismatches(declared: unknown, actual: unknown, path: string): string[] {
    if (isUnknown(declared) || declared === undefined) {
        return [];
    }
    if (Array.isArray(declared)) {
        if (!Array.isArray(actual) || actual.length !== declared.length) {
            return [path];
        }
        return declared.flatMap((d, i) => mismatches(d, actual[i], `${path}[${i}]`));
    }
    if (declared && typeof declared === "object") {
        if (!actual || typeof actual !== "object" || Array.isArray(actual)) {
            return [path];
        }
        const a = actual as Record<string, unknown>;
        return Object.entries(declared as Record<string, unknown>)
            .flatMap(([k, v]) => mismatches(v, a[k], path ? `${path}.${k}` : k));
    }
    return declared === actual ? [] : [path];
}
