import type { Tag } from "../common/sdk-shapes";
import { sortTags, tagsEqual, userTags } from "../common/tags";
import { ENGINE_KEYS, PROVIDER_KEY, ResourceInitError, type KindSpec, type MemberSpec, type Props, type ResourceNotReady } from "./kind";
import { canonical, isAbsent, memberMatches, memberSame, setOwn, toPlain, withoutServerFilled } from "../common/values";

/**
 * What a resource keeps in state, and what refresh reads back: the one place for every kind.
 * Pure: descriptions in, inputs and outputs out.
 */

/** The create-input members as the description reports them (JSON-safe, Tags and ignored members aside). */
export function liveOf<D>(spec: KindSpec<D>, d: D): Props {
    const described = d as unknown as Props;
    const out: Props = {};
    for (const [member, m] of Object.entries(spec.members)) {
        if (m.change.type !== "tags" && m.change.type !== "ignore" && !isAbsent(described[member])) {
            out[member] = described[member];
        }
    }
    const live = toPlain(out) as Props;
    return spec.api.live ? spec.api.live(d, live) : live;
}

/** The ARN in a description (`ModelArn`, `ModelPackageArn`, `ModelPackageGroupArn`). */
export function arnOf<D>(spec: KindSpec<D>, d: D): string | undefined {
    const arn = (d as unknown as Props)[`${spec.kind}Arn`];
    return typeof arn === "string" ? arn : undefined;
}

/** When SageMaker created it. */
export function creationTimeOf<D>(d: D): Date | undefined {
    const t = (d as unknown as Props).CreationTime;
    return t instanceof Date ? t : undefined;
}

/** Outputs every kind computes, then the kind's own. */
export function computedOutputs<D>(spec: KindSpec<D>, d: D | undefined, inputs: Props, region: string, fallback: Props): Props {
    const created = d === undefined ? undefined : creationTimeOf(d);
    return {
        arn: (d === undefined ? undefined : arnOf(spec, d)) ?? fallback.arn,
        creationTime: created ? created.toISOString() : fallback.creationTime,
        region,
        ...spec.api.outputs(d, inputs, fallback),
    };
}

/** The state of a resource: the inputs, what SageMaker set by default, and the computed outputs (from the description, else `fallback`). */
export function outputsOf<D>(spec: KindSpec<D>, inputs: Props, d: D | undefined, region: string, fallback: Props = {}): Props {
    return stateOutputs(spec, inputs, d === undefined ? undefined : liveOf(spec, d), computedOutputs(spec, d, inputs, region, fallback));
}

/** The value a live-refreshed member gets in the inputs: the declared form when it means the same. */
function liveValue(m: MemberSpec, declared: unknown, live: unknown): unknown {
    const value = toPlain(withoutServerFilled(live, m.serverFilled));
    return memberSame(m, declared, value) ? declared : (canonical(value) === undefined ? undefined : value);
}

/** An immutable member: the declared form while the live value still matches it (memberMatches), else the live one. */
function declaredValue(m: MemberSpec, declared: unknown, live: unknown, hasPrevious: boolean): unknown {
    return memberMatches(m, declared, live, "").length === 0 && hasPrevious ? declared : toPlain(live);
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
        setOwn(inputs, key, old[key]);
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
        setOwn(inputs, member, value);
    }
    inputs.region = region;
    return toPlain(inputs) as Props; // toPlain leaves out what is absent
}

/**
 * The outputs: the inputs (without the engine's serialized provider), the members SageMaker set
 * by default where the program left a live-refreshed one out (e.g. a version's approval status),
 * so the first refresh shows no drift, and what the kind computes.
 */
export function stateOutputs(spec: KindSpec, inputs: Props, live: Props | undefined, computed: Props): Props {
    const out: Props = {};
    for (const [k, v] of Object.entries(inputs)) {
        if (!(ENGINE_KEYS as readonly string[]).includes(k)) {
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
    return toPlain(out) as Props; // toPlain leaves out what is absent
}

/** A resource that exists but is not ready (a hook's ResourceNotReady): kept in the stack as not initialized, so the next `pulumi up` resumes. */
export function notReadyError<D>(spec: KindSpec<D>, inputs: Props, region: string, err: ResourceNotReady): ResourceInitError {
    const outs = outputsOf(spec, inputs, err.description as D, region);
    return new ResourceInitError(err.message, err.id, { ...outs, [PROVIDER_KEY]: inputs[PROVIDER_KEY] });
}
