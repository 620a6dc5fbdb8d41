import type { Tag } from "@aws-sdk/client-sagemaker";
import { AUTO_NAME_KEYS } from "../common/auto-name";
import { sortTags, tagsEqual, userTags } from "../common/tags";
import { ENGINE_KEYS } from "./check";
import type { KindSpec, MemberSpec, Props } from "./kind";
import { canonical, isAbsent, isPlainObject, memberCanonical, memberSame, mismatches, setOwn, toPlain } from "../common/values";

/**
 * What a resource keeps in state, and what refresh reads back: the one place for every kind.
 */

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
        const out: Props = {};
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

/** The value a live-refreshed member gets in the inputs: the declared form when it means the same. */
function liveValue(m: MemberSpec, declared: unknown, live: unknown): unknown {
    const value = toPlain(withoutServerFilled(live, m.serverFilled));
    return memberSame(m, declared, value) ? declared : (canonical(value) === undefined ? undefined : value);
}

/** An immutable member: the declared form while the live value still covers it, else the live one. */
function declaredValue(m: MemberSpec, declared: unknown, live: unknown, hasPrevious: boolean): unknown {
    const want = memberCanonical(m, declared);
    const have = memberCanonical(m, withoutServerFilled(live, m.serverFilled));
    const same = mismatches(want, have, "").length === 0 && (want !== undefined || have === undefined);
    return same && hasPrevious ? declared : toPlain(live);
}

/**
 * Inputs as they are in AWS, for refresh (and for reading an existing resource with `get`).
 * Members follow their spec's `refresh`; tags are compared without AWS's own `aws:` tags; our
 * settings are kept; the region is the one the resource lives in.
 */
export function refreshedInputs(spec: KindSpec, previous: Props | undefined, live: Props, tags: Tag[] | undefined, region: string): Props {
    const old = previous ?? {};
    const inputs: Props = {};
    for (const key of Object.keys(spec.own)) {
        if (!isAbsent(old[key])) {
            setOwn(inputs, key, old[key]);
        }
    }
    for (const [member, m] of Object.entries(spec.members)) {
        let value: unknown;
        if (m.change.type === "tags") {
            const actual = userTags(tags) ?? [];
            value = tagsEqual(userTags(old[member] as Tag[] | undefined), actual) ? old[member] : (actual.length > 0 ? sortTags(actual) : undefined);
        } else if (m.refresh === "kept") {
            value = old[member];
        } else {
            value = m.refresh === "live" ? liveValue(m, old[member], live[member]) : declaredValue(m, old[member], live[member], previous !== undefined);
        }
        if (!isAbsent(value)) {
            setOwn(inputs, member, value);
        }
    }
    if (previous === undefined) {
        delete inputs[AUTO_NAME_KEYS.logicalName];
        delete inputs[AUTO_NAME_KEYS.autoNamed];
    }
    inputs.region = region;
    return toPlain(inputs) as Props;
}

/**
 * The outputs: the inputs (without the engine's serialized provider), the members SageMaker set
 * by default where the program left a live-refreshed one out (e.g. a version's approval status),
 * so the first refresh shows no drift, and what the kind computes.
 */
export function stateOutputs(spec: KindSpec, inputs: Props, live: Props | undefined, computed: Props): Props {
    const out: Props = {};
    for (const [k, v] of Object.entries(inputs)) {
        if (!(ENGINE_KEYS as readonly string[]).includes(k) && v !== undefined) {
            setOwn(out, k, v);
        }
    }
    if (live) {
        for (const [member, m] of Object.entries(spec.members)) {
            if (m.refresh === "live" && m.change.type !== "tags" && isAbsent(inputs[member])) {
                const value = toPlain(withoutServerFilled(live[member], m.serverFilled));
                if (canonical(value) !== undefined) {
                    setOwn(out, member, value);
                }
            }
        }
    }
    for (const [k, v] of Object.entries(computed)) {
        if (v !== undefined) {
            setOwn(out, k, v);
        }
    }
    return toPlain(out) as Props;
}
