import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "@aws-sdk/client-sagemaker";
import { createdSince, describeAwsError, isAlreadyExists, isLostCreate } from "../aws/errors";
import type { ProviderSettings } from "../common/settings";
import { applyTagChanges } from "../common/tag-calls";
import { diffTags, tagsEqual, userTags } from "../common/tags";
import { isAbsent, memberCanonical, mismatches, pick, setOwn, toPlain } from "../common/values";
import { computedOutputs, creationTimeOf, labelOf, liveOf, operation, sendCreate, sendUpdate } from "./api";
import { call, context, describeOrGone, outputsOf, plainError, tagsOf } from "./calls";
import { ENGINE_KEYS } from "./check";
import { memberChanges } from "./diff";
import { ResourceInitError } from "./init-error";
import type { CallContext, Created, KindSpec, Props } from "./kind";
import { applyInPlace } from "./update";
import { withoutServerFilled } from "./state";

/**
 * Create, for every kind: the create call with the members the spec sends, the work after it
 * (tags where the create call takes none, members set by the update call, the kind's wait), the
 * recovery of a create whose response was lost, and `adopt`.
 */

/** The members of the create call: set, not empty, Tags only where the create call takes them. */
export function createRequest(spec: KindSpec, inputs: Props): Props {
    const members = Object.entries(spec.members).filter(([, m]) => !m.afterCreate).map(([k]) => k);
    const request = pick(inputs, members);
    for (const [k, v] of Object.entries(request)) {
        if (Array.isArray(v) && v.length === 0) {
            delete request[k]; // an empty list is "not set" here, as for check and diff
        }
    }
    if (spec.hooks.tagsAtCreate && !spec.hooks.tagsAtCreate(inputs)) {
        delete request.Tags;
    }
    return toPlain(request) as Props;
}

/**
 * Where the declared inputs and an existing resource differ, by member path (values may be
 * secrets, so paths only).
 */
export function differences(spec: KindSpec, declared: Props, live: Props, tags: Tag[] | undefined): string[] {
    const paths: string[] = [];
    for (const [member, m] of Object.entries(spec.members)) {
        if (m.change.type === "ignore" || m.afterCreate || member === spec.name.member) {
            continue;
        }
        if (m.change.type === "tags") {
            if (!tagsEqual(userTags(declared[member] as Tag[] | undefined), userTags(tags))) {
                paths.push(member);
            }
            continue;
        }
        const want = memberCanonical(m, declared[member]);
        const have = memberCanonical(m, withoutServerFilled(live[member], m.serverFilled));
        paths.push(...mismatches(want, have, member));
        if (want === undefined && have !== undefined && m.change.type === "replace") {
            paths.push(member);
        }
    }
    return paths;
}

/** "model package group" for ModelPackageGroup. */
function noun(spec: KindSpec): string {
    return spec.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A fixed name already taken by a resource this deployment did not create. */
function conflict(spec: KindSpec, ctx: CallContext, name: string, why: string): Error {
    const member = spec.name.member;
    const generated = spec.name.generated ? ` (or leave ${member} out to get a generated name)` : "";
    return plainError(`${ctx.resource}: a ${noun(spec)} named "${name}" already exists in ${ctx.region}${why}; ` +
        `it was not created by this deployment, so it is left untouched. Fix: choose another ${member}${generated}, ` +
        "delete the existing one, or bring it under management with `adopt: true` (it is adopted when it matches the inputs).");
}

/**
 * `adopt: true` (or, for a version, its number): an existing resource is brought under management
 * instead of created, when its create-time members match the inputs; in-place members (tags,
 * approval, metadata...) are then set to the inputs like an update. Never on a name match alone.
 */
async function adoptExisting<D>(spec: KindSpec<D>, ctx: CallContext, inputs: Props): Promise<pulumi.dynamic.CreateResult | undefined> {
    const found = spec.hooks.findAdoptable ? await spec.hooks.findAdoptable(ctx, inputs) : await findByName(spec, ctx, inputs);
    if (!found) {
        return undefined; // nothing to adopt: create it
    }
    const { id, description } = found;
    // The existing resource as if it were this resource's old state: what taking it over would change.
    const olds: Props = { Tags: await tagsOf(spec, ctx, description), region: inputs.region };
    for (const [member, m] of Object.entries(spec.members)) {
        const value = withoutServerFilled(liveOf(spec, description)[member], m.serverFilled);
        if (!isAbsent(value) && member !== "Tags") {
            setOwn(olds, member, value);
        }
    }
    const differing = memberChanges(spec, ctx.settings, olds, inputs).replaces.filter((m) => m !== spec.name.member && !(m in spec.own));
    if (differing.length > 0) {
        throw plainError(`${ctx.resource}: adopt found the existing ${noun(spec)} ${JSON.stringify(id)} in ${ctx.region}, but it differs ` +
            `from the inputs at ${differing.join(", ")} (members fixed at creation). Fix: set ${differing.length === 1 ? "that member" : "those members"} ` +
            "in the program to the live values (`aws sagemaker describe-...` shows them), or remove `adopt` to create a new resource under another name.");
    }
    await applyInPlace(spec, ctx, id, olds, inputs);
    const d = (await describeOrGone(spec, ctx, id)) ?? description;
    return { id, outs: outputsOf(spec, inputs, d, ctx.region) };
}

async function findByName<D>(spec: KindSpec<D>, ctx: CallContext, inputs: Props): Promise<{ id: string; description: D } | undefined> {
    const name = inputs[spec.name.member];
    if (typeof name !== "string") {
        return undefined;
    }
    const description = await describeOrGone(spec, ctx, name);
    return description === undefined ? undefined : { id: name, description };
}

export async function create<D>(spec: KindSpec<D>, settings: ProviderSettings, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = await context(spec, settings, inputs);
    if (!isAbsent(inputs.adopt) && inputs.adopt !== false) {
        const adopted = await adoptExisting(spec, ctx, inputs);
        if (adopted) {
            return adopted;
        }
    }
    const request = createRequest(spec, inputs);
    const started = Date.now();
    let created: Created;
    try {
        created = await sendCreate(spec, ctx.client, request);
    } catch (err) {
        const recovered = await recoverCreate(spec, ctx, inputs, err, started);
        if (recovered) {
            return recovered;
        }
        throw describeAwsError(err, { resource: ctx.resource, operation: operation(spec, "create"), secrets: ctx.secrets });
    }
    // From here on the resource exists: nothing below may lose it.
    let d: D | undefined;
    if (spec.hooks.afterCreate) {
        ({ description: d, ...created } = await spec.hooks.afterCreate({ ...ctx, resource: labelOf(spec, inputs, created.id) }, created, inputs));
    }
    const named = { ...ctx, resource: labelOf(spec, { ...inputs, ...(d === undefined ? {} : computedOutputs(spec, d, inputs, ctx.region, {})) }, created.id) };
    const partial = (): Props => ({ ...outputsOf(spec, inputs, d, ctx.region, { arn: created.arn }), [ENGINE_KEYS[0]]: inputs.__provider });
    try {
        const tags = inputs.Tags as Tag[] | undefined;
        if (!("Tags" in request) && Array.isArray(tags) && tags.length > 0) {
            await applyTagChanges(ctx.client, created.arn ?? created.id, diffTags([], tags), { resource: named.resource, secrets: ctx.secrets });
        }
        const later = Object.entries(spec.members).filter(([k, m]) => m.afterCreate && !isAbsent(inputs[k]));
        if (later.length > 0) {
            const body: Props = {};
            later.forEach(([k]) => setOwn(body, k, inputs[k]));
            await call(named, operation(spec, "update"), () => sendUpdate(spec, ctx.client, created.id, body));
            d = undefined; // describe again below: the update changed it
        }
    } catch (err) {
        throw new ResourceInitError((err as Error).message, created.id, partial());
    }
    if (d === undefined) {
        try {
            d = await describeOrGone(spec, named, created.id);
        } catch {
            d = undefined; // outputs fall back to what we know
        }
    }
    return { id: created.id, outs: outputsOf(spec, inputs, d, ctx.region, { arn: created.arn }) };
}

/**
 * A create that failed may still have created the resource: the connection failed, or a retry
 * of it found the name taken (the first attempt was applied, its answer never arrived). Where the
 * kind recovers by name, it is adopted only when it was created during this call and matches the
 * inputs (kinds that recover by ClientToken need nothing: the SDK's retry returned the first
 * answer). A name taken otherwise is a conflict with a resource this deployment did not create.
 */
async function recoverCreate<D>(spec: KindSpec<D>, ctx: CallContext, inputs: Props, err: unknown, started: number): Promise<pulumi.dynamic.CreateResult | undefined> {
    const name = inputs[spec.name.member];
    if (typeof name !== "string") {
        return undefined; // nothing to find by name (a version)
    }
    if (spec.lostCreate !== "by-name" || !isLostCreate(err)) {
        if (isAlreadyExists(err)) {
            throw conflict(spec, ctx, name, "");
        }
        return undefined;
    }
    const found = await describeOrGone(spec, ctx, name);
    if (found === undefined) {
        return undefined; // nothing was created: report the original failure
    }
    const created = creationTimeOf(found);
    if (created !== undefined && !createdSince(created, started)) {
        throw conflict(spec, ctx, name, ` (created ${created.toISOString()}, before this deployment)`);
    }
    const differing = differences(spec, inputs, liveOf(spec, found), await tagsOf(spec, ctx, found));
    if (differing.length > 0) {
        throw conflict(spec, ctx, name, ` and differs from the inputs at ${differing.join(", ")}`);
    }
    return { id: name, outs: outputsOf(spec, inputs, found, ctx.region) };
}

