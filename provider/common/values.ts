import { containsUnknown, isUnknown } from "./unknown";

/**
 * The one value layer of the engine: what "absent", "equal", "JSON-safe" and "declared matches
 * live" mean for inputs, outputs and API answers, for every resource kind.
 *
 * Objects are always built with own properties (`setOwn`), so a map key such as `__proto__` (a
 * legal Environment variable name) is data, never a prototype.
 */

type Obj = Record<string, unknown>;

/** null and undefined both mean "not set", in inputs and in API answers. */
export function isAbsent(v: unknown): v is null | undefined {
    return v === undefined || v === null;
}

/** A plain object: not null, an array or a Date. */
export function isPlainObject(v: unknown): v is Obj {
    return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `obj[key] = value` as an own, enumerable property, whatever the key. */
export function setOwn(obj: Obj, key: string, value: unknown): void {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The canonical form used for comparison: absent, empty lists and empty objects are `undefined`,
 * Dates are ISO strings, and members equal to what SageMaker fills in when they are left out
 * (`defaults`, a pattern of the value: an object of member defaults, `[pattern]` for every item of
 * a list, or a scalar) are dropped.
 */
export function canonical(value: unknown, defaults?: unknown): unknown {
    if (isAbsent(value)) {
        return undefined;
    }
    if (value instanceof Date) {
        return value.toISOString();
    }
    if (Array.isArray(value)) {
        const itemDefaults = Array.isArray(defaults) ? defaults[0] : undefined;
        const items = value.map((v) => canonical(v, itemDefaults) ?? {});
        return items.length === 0 ? undefined : items;
    }
    if (isPlainObject(value)) {
        const memberDefaults = isPlainObject(defaults) ? defaults : {};
        const out: Obj = {};
        for (const [k, v] of Object.entries(value)) {
            const c = canonical(v, Object.prototype.hasOwnProperty.call(memberDefaults, k) ? memberDefaults[k] : undefined);
            if (c !== undefined) {
                setOwn(out, k, c);
            }
        }
        return Object.keys(out).length === 0 ? undefined : out;
    }
    if (defaults !== undefined && !isPlainObject(defaults) && !Array.isArray(defaults) && value === defaults) {
        return undefined;
    }
    return value;
}

function equalCanonical(a: unknown, b: unknown): boolean {
    if (a === b) {
        return true;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equalCanonical(x, b[i]));
    }
    if (isPlainObject(a) && isPlainObject(b)) {
        const keys = Object.keys(a);
        return keys.length === Object.keys(b).length &&
            keys.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equalCanonical(a[k], b[k]));
    }
    return false;
}

/**
 * Equality of two values of a member: canonical forms equal (list order counts). Anything not
 * known yet (preview) is never equal, so it is reported as a change.
 */
export function sameValue(a: unknown, b: unknown, defaults?: unknown): boolean {
    if (containsUnknown(a) || containsUnknown(b)) {
        return false;
    }
    return equalCanonical(canonical(a, defaults), canonical(b, defaults));
}

/** A member's values in the form they are compared in (see MemberSpec.normalize and .defaults). */
export function memberSame(spec: { normalize?: (v: unknown) => unknown; defaults?: unknown }, a: unknown, b: unknown): boolean {
    const norm = spec.normalize ?? ((v: unknown) => v);
    return sameValue(isAbsent(a) ? a : norm(a), isAbsent(b) ? b : norm(b), spec.defaults);
}

/** The canonical form of one member's value (normalized, defaults dropped). */
export function memberCanonical(spec: { normalize?: (v: unknown) => unknown; defaults?: unknown }, v: unknown): unknown {
    return canonical(isAbsent(v) || !spec.normalize ? v : spec.normalize(v), spec.defaults);
}

/**
 * Paths where `declared` is not matched by `actual`: objects match when every declared member
 * matches (the actual side may carry more, e.g. what SageMaker fills in), lists item by item, and
 * scalars by value. Unknown declared values always match. Paths only: values may be secrets.
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
    if (isPlainObject(declared)) {
        if (!isPlainObject(actual)) {
            return [path];
        }
        return Object.entries(declared).flatMap(([k, v]) =>
            mismatches(v, Object.prototype.hasOwnProperty.call(actual, k) ? actual[k] : undefined, path ? `${path}.${k}` : k));
    }
    return declared === actual ? [] : [path];
}

/** JSON-safe copy for state and API requests: no undefined or null members, Dates as ISO strings. */
export function toPlain(v: unknown): unknown {
    if (v instanceof Date) {
        return v.toISOString();
    }
    if (Array.isArray(v)) {
        return v.map(toPlain);
    }
    if (isPlainObject(v)) {
        const out: Obj = {};
        for (const [k, x] of Object.entries(v)) {
            if (!isAbsent(x)) {
                setOwn(out, k, toPlain(x));
            }
        }
        return out;
    }
    return v;
}

/** The members of `props` that are set, in `members` order. */
export function pick(props: Obj, members: readonly string[]): Obj {
    const out: Obj = {};
    for (const m of members) {
        if (!isAbsent(props[m])) {
            setOwn(out, m, props[m]);
        }
    }
    return out;
}

/** Every string value of every `Environment` map inside `value`, at any depth. */
export function environmentValues(value: unknown): string[] {
    const out: string[] = [];
    const walk = (v: unknown, underEnvironment: boolean): void => {
        if (Array.isArray(v)) {
            v.forEach((x) => walk(x, false));
        } else if (isPlainObject(v)) {
            for (const [k, x] of Object.entries(v)) {
                if (underEnvironment && typeof x === "string") {
                    out.push(x);
                } else {
                    walk(x, k === "Environment");
                }
            }
        }
    };
    walk(value, false);
    return out;
}

/** A member's live value without what SageMaker adds inside it on its own (`serverFilled` paths). */
export function withoutServerFilled(value: unknown, paths: readonly string[] | undefined): unknown {
    if (!paths || paths.length === 0 || isAbsent(value)) {
        return value;
    }
    const strip = (v: unknown, path: string[]): unknown => {
        if (path.length === 0) {
            return v;
        }
        const [head, ...rest] = path;
        if (head === "[]") {
            return Array.isArray(v) ? v.map((x) => strip(x, rest)) : v;
        }
        if (!isPlainObject(v)) {
            return v;
        }
        const out: Obj = {};
        for (const [k, x] of Object.entries(v)) {
            if (k !== head) {
                setOwn(out, k, x);
            } else if (rest.length > 0) {
                setOwn(out, k, strip(x, rest));
            }
        }
        return out;
    };
    return paths.reduce<unknown>((v, p) => strip(v, p.replace(/\[\]/g, ".[]").split(".").filter((s) => s !== "")), value);
}

/** How a member is compared with a live value: its normalized, defaulted form, and what SageMaker fills in inside it. */
export interface MatchRule {
    normalize?: (v: unknown) => unknown;
    defaults?: unknown;
    serverFilled?: readonly string[];
    /** Whether leaving the member out still fixes it (a create-time member: SageMaker's value must then be absent too). */
    change: { type: string };
}

/**
 * THE rule for "an existing resource matches what is declared", for one member (adopt, the
 * recovery of a lost create and refresh all use it; docs/MODEL.md, "Matching an existing
 * resource"): the declared value, normalized and without SageMaker's defaults, is covered by the
 * live value without what SageMaker fills in itself (objects: every declared member matches, the
 * live side may carry more; lists item by item; scalars by value). A member left out matches
 * anything where leaving it out means "not managed" (update-class members), and only an absent
 * live value where it is fixed at creation (`replace`). Paths only: values may be secrets.
 */
export function memberMatches(m: MatchRule, declared: unknown, live: unknown, path: string): string[] {
    const want = memberCanonical(m, declared);
    const have = memberCanonical(m, withoutServerFilled(live, m.serverFilled));
    if (want === undefined) {
        return have !== undefined && m.change.type === "replace" ? [path] : [];
    }
    return mismatches(want, have, path);
}
