// Preview-time unknown values, read without crashing.
//
// The analyzer wraps resource props in a proxy that throws `UnknownValueError` when a computed
// value is read; left alone, that turns a whole policy into a non-blocking advisory. We catch it
// per value instead, so each policy decides (config `onUnknown`) what an unknown means for it.

/** The engine's wire sentinels for unknown values (stable across the Pulumi protocol). */
const UNKNOWN_SENTINELS = {
    boolean: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    asset: "030794c1-ac77-496b-92df-f27374a8bd58",
    archive: "e48ece36-62e2-4504-bad9-02848725956a",
    object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

const sentinelValues = new Set<string>(Object.values(UNKNOWN_SENTINELS));

/** A value that cannot be known until the update runs; `path` is in the resource's own property names. */
export interface Unknown {
    readonly unknown: true;
    readonly path: string;
    /** The sentinel the engine sent, kept so remediation can hand it back unchanged. */
    readonly sentinel: string;
}

/** Known value, unknown value, or absent. */
export type Maybe<T> = T | Unknown | undefined;

export function isUnknown(v: unknown): v is Unknown {
    return typeof v === "object" && v !== null && (v as { unknown?: unknown }).unknown === true
        && typeof (v as { path?: unknown }).path === "string";
}

function isUnknownValueError(e: unknown): e is Error & { unknownTypeSentinel?: unknown } {
    // Matched by name: the pack and a test runner may load different copies of @pulumi/policy.
    return e instanceof Error && e.constructor?.name === "UnknownValueError";
}

/** Reads `obj[key]`; an unknown (proxied or raw sentinel) becomes an `Unknown` at `path`. */
export function read(obj: unknown, key: string | number, path: string): unknown {
    if (isUnknown(obj)) {
        return { unknown: true, path, sentinel: obj.sentinel } satisfies Unknown;
    }
    if (typeof obj !== "object" || obj === null) {
        return undefined;
    }
    let value: unknown;
    try {
        value = (obj as Record<string | number, unknown>)[key];
    } catch (e) {
        if (isUnknownValueError(e)) {
            const sentinel = typeof e.unknownTypeSentinel === "string" ? e.unknownTypeSentinel : UNKNOWN_SENTINELS.string;
            return { unknown: true, path, sentinel } satisfies Unknown;
        }
        throw e;
    }
    if (typeof value === "string" && sentinelValues.has(value)) {
        return { unknown: true, path, sentinel: value } satisfies Unknown;
    }
    return value === null ? undefined : value;
}

export function asString(v: unknown): Maybe<string> {
    if (isUnknown(v) || typeof v === "string") {
        return v;
    }
    return undefined;
}
