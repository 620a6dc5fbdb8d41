import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "@aws-sdk/client-sagemaker";
import { clientRegion, createSageMakerClient } from "../aws/client";
import { createdSince, describeAwsError, goneError, isAlreadyExists, isLostCreate, isNotFound } from "../aws/errors";
import type { Lifecycle } from "../common/lifecycle";
import { ownRegion } from "../common/region";
import { StackConfigError, type ProviderSettings } from "../common/settings";
import { applyTagChanges, listTags } from "../common/tag-calls";
import { diffTags, tagsEqual, userTags } from "../common/tags";
import { checkInputs, ENGINE_KEYS } from "./check";
import { diffInputs, planUpdate } from "./diff";
import { ResourceInitError } from "./init-error";
import type { CallContext, Created, KindSpec, Props } from "./kind";
import { refreshedInputs, stateOutputs, withoutServerFilled } from "./state";
import { environmentValues, isAbsent, memberCanonical, mismatches, pick, setOwn, toPlain } from "../common/values";

/**
 * The one lifecycle every kind runs, driven by its spec: create (with lost-response recovery and
 * opt-in adoption of an existing resource), read (every managed member read back), update (the
 * kind's update call at most once, tags at most one AddTags and one DeleteTags), delete
 * (not-found is success). Errors name the resource and the operation, with secrets scrubbed.
 */

/** Values that must never appear in a message: every Environment value in members that can hold them. */
export function secretsOf(spec: KindSpec, props: Props | undefined): string[] {
    if (!props) {
        return [];
    }
    return Object.entries(spec.members).filter(([, m]) => m.secrets).flatMap(([member]) => environmentValues(props[member]));
}

async function context(spec: KindSpec, settings: ProviderSettings, props: Props | undefined, id?: string): Promise<CallContext> {
    const client = createSageMakerClient(settings, ownRegion(props));
    return { client, settings, region: await clientRegion(client), resource: spec.label(props ?? {}, id), secrets: secretsOf(spec, props) };
}

/** Runs one API call; a failure becomes the one error wording (resource, operation, what AWS said, the fix). */
export async function call<T>(ctx: CallContext, operation: string, send: () => Promise<T>): Promise<T> {
    try {
        return await send();
    } catch (err) {
        throw describeAwsError(err, { resource: ctx.resource, operation, secrets: ctx.secrets });
    }
}

/** The kind's description, or undefined when SageMaker says it does not exist (decided here, once). */
export async function describeOrGone<D>(spec: KindSpec<D>, ctx: CallContext, id: string): Promise<D | undefined> {
    try {
        return await spec.api.describe(ctx.client, id);
    } catch (err) {
        if (isNotFound(err)) {
            return undefined;
        }
        throw describeAwsError(err, { resource: ctx.resource, operation: spec.api.operations.describe, secrets: ctx.secrets });
    }
}

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
 * secrets, so paths only). `only`: which change classes to compare.
 */
export function differences(spec: KindSpec, declared: Props, live: Props, tags: Tag[] | undefined, only?: (change: string) => boolean): string[] {
    const paths: string[] = [];
    for (const [member, m] of Object.entries(spec.members)) {
        if (m.change.type === "ignore" || m.afterCreate || member === spec.name?.member || (only && !only(m.change.type))) {
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

function plainError(message: string): Error {
    const err = new Error(message);
    err.stack = "";
    return err;
}

/** "model package group" for ModelPackageGroup. */
function noun(spec: KindSpec): string {
    return spec.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A fixed name already taken by a resource this deployment did not create. */
function conflict(spec: KindSpec, ctx: CallContext, name: string, why: string): Error {
    const member = spec.name!.member;
    const generated = spec.name!.generated ? ` (or leave ${member} out to get a generated name)` : "";
    return plainError(`${ctx.resource}: a ${noun(spec)} named "${name}" already exists in ${ctx.region}${why}; ` +
        `it was not created by this deployment, so it is left untouched. Fix: choose another ${member}${generated}, ` +
        "delete the existing one, or bring it under management with `adopt: true` (it is adopted when it matches the inputs).");
}

async function tagsOf<D>(spec: KindSpec<D>, ctx: CallContext, d: D): Promise<Tag[]> {
    const arn = spec.api.arn(d);
    return arn ? listTags(ctx.client, arn, { resource: ctx.resource, secrets: ctx.secrets }) : [];
}

function outputsOf<D>(spec: KindSpec<D>, inputs: Props, d: D | undefined, region: string, fallback: Props = {}): Props {
    return stateOutputs(spec, inputs, d === undefined ? undefined : spec.api.live(d), spec.api.computed(d, inputs, region, fallback));
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
    const live = spec.api.live(description);
    const tags = await tagsOf(spec, ctx, description);
    const differing = differences(spec, inputs, live, tags, (c) => c === "replace");
    if (differing.length > 0) {
        throw plainError(`${ctx.resource}: adopt found the existing ${noun(spec)} ${JSON.stringify(id)} in ${ctx.region}, but it differs ` +
            `from the inputs at ${differing.join(", ")} (members fixed at creation). Fix: set ${differing.length === 1 ? "that member" : "those members"} ` +
            "in the program to the live values (`aws sagemaker describe-...` shows them), or remove `adopt` to create a new resource under another name.");
    }
    const olds: Props = { ...live, Tags: tags };
    await applyInPlace(spec, ctx, id, olds, inputs);
    const d = (await describeOrGone(spec, ctx, id)) ?? description;
    return { id, outs: outputsOf(spec, inputs, d, ctx.region) };
}

async function findByName<D>(spec: KindSpec<D>, ctx: CallContext, inputs: Props): Promise<{ id: string; description: D } | undefined> {
    const name = spec.name && inputs[spec.name.member];
    if (typeof name !== "string") {
        return undefined;
    }
    const description = await describeOrGone(spec, ctx, name);
    return description === undefined ? undefined : { id: name, description };
}

/** The kind's update call (at most once), then tags (at most one DeleteTags and one AddTags). */
async function applyInPlace<D>(spec: KindSpec<D>, ctx: CallContext, id: string, olds: Props, news: Props, arnHint?: string): Promise<boolean> {
    const plan = planUpdate(spec, olds, news);
    if (plan.request) {
        const update = spec.api.update!;
        await call(ctx, spec.api.operations.update!, () => update(ctx.client, id, plan.request!));
    }
    if (plan.tags.toAdd.length > 0 || plan.tags.toRemove.length > 0) {
        let arn = arnHint;
        if (!arn) {
            const d = await describeOrGone(spec, ctx, id);
            arn = d === undefined ? undefined : spec.api.arn(d);
        }
        if (!arn) {
            throw goneError(ctx.resource, ctx.region);
        }
        await applyTagChanges(ctx.client, arn, plan.tags, { resource: ctx.resource, secrets: ctx.secrets });
    }
    return plan.request !== undefined;
}

async function create<D>(spec: KindSpec<D>, settings: ProviderSettings, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
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
        created = await spec.api.create(ctx.client, request, inputs);
    } catch (err) {
        const recovered = await recoverCreate(spec, ctx, inputs, err, started);
        if (recovered) {
            return recovered;
        }
        throw describeAwsError(err, { resource: ctx.resource, operation: spec.api.operations.create, secrets: ctx.secrets });
    }
    // From here on the resource exists: nothing below may lose it.
    let d: D | undefined;
    if (spec.hooks.afterCreate) {
        ({ description: d, ...created } = await spec.hooks.afterCreate({ ...ctx, resource: spec.label(inputs, created.id) }, created, inputs));
    }
    const named = { ...ctx, resource: spec.label({ ...inputs, ...(d === undefined ? {} : spec.api.computed(d, inputs, ctx.region, {})) }, created.id) };
    const partial = (): Props => ({ ...outputsOf(spec, inputs, d, ctx.region, { arn: created.arn }), [ENGINE_KEYS[0]]: inputs.__provider });
    try {
        const tags = inputs.Tags as Tag[] | undefined;
        if (!("Tags" in request) && Array.isArray(tags) && tags.length > 0) {
            await applyTagChanges(ctx.client, created.arn ?? created.id, diffTags([], tags), { resource: named.resource, secrets: ctx.secrets });
        }
        const later = Object.entries(spec.members).filter(([k, m]) => m.afterCreate && !isAbsent(inputs[k]));
        if (later.length > 0) {
            const update = spec.api.update!;
            const body: Props = {};
            later.forEach(([k]) => setOwn(body, k, inputs[k]));
            await call(named, spec.api.operations.update!, () => update(ctx.client, created.id, body));
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
 * of it found the name taken (the first attempt was applied, its answer never arrived). Adopted
 * only when it was created during this call and matches the inputs. A name taken otherwise is a
 * conflict with a resource this deployment did not create.
 */
async function recoverCreate<D>(spec: KindSpec<D>, ctx: CallContext, inputs: Props, err: unknown, started: number): Promise<pulumi.dynamic.CreateResult | undefined> {
    const name = spec.name ? inputs[spec.name.member] : undefined;
    if (spec.lostCreate !== "by-name" || typeof name !== "string") {
        return undefined;
    }
    if (!isLostCreate(err)) {
        if (isAlreadyExists(err)) {
            throw conflict(spec, ctx, name, "");
        }
        return undefined;
    }
    const found = await describeOrGone(spec, ctx, name);
    if (found === undefined) {
        return undefined; // nothing was created: report the original failure
    }
    const created = spec.api.creationTime(found);
    if (created !== undefined && !createdSince(created, started)) {
        throw conflict(spec, ctx, name, ` (created ${created.toISOString()}, before this deployment)`);
    }
    const differing = differences(spec, inputs, spec.api.live(found), await tagsOf(spec, ctx, found));
    if (differing.length > 0) {
        throw conflict(spec, ctx, name, ` and differs from the inputs at ${differing.join(", ")}`);
    }
    return { id: name, outs: outputsOf(spec, inputs, found, ctx.region) };
}

async function read<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult> {
    const ctx = await context(spec, settings, props, id);
    const d = await describeOrGone(spec, ctx, id);
    if (d === undefined) {
        return {}; // gone: the engine drops it from the state
    }
    const tags = await tagsOf(spec, ctx, d);
    const region = typeof props?.region === "string" ? props.region : ctx.region;
    const inputs = refreshedInputs(spec, props, spec.api.live(d), tags, region);
    return { id, props: outputsOf(spec, inputs, d, region, props), inputs };
}

async function update<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const ctx = await context(spec, settings, news, id);
    let d = await spec.hooks.beforeUpdate?.(ctx, id, olds, news);
    const sent = await applyInPlace(spec, ctx, id, olds, news, typeof olds.arn === "string" ? olds.arn : undefined);
    // Describe only when the description may have changed: an update call, or new provider code
    // (whose outputs may differ); a tag change alone keeps the computed outputs.
    const missing = spec.computedOutputs.some((k) => isAbsent(olds[k]));
    if (sent || missing || olds.__provider !== news.__provider) {
        d = await describeOrGone(spec, ctx, id);
        if (d === undefined) {
            throw goneError(ctx.resource, ctx.region);
        }
        d = spec.hooks.afterUpdate ? await spec.hooks.afterUpdate(ctx, id, news, d) : d;
    }
    const region = typeof olds.region === "string" ? olds.region : ctx.region;
    if (d === undefined) {
        const kept = Object.fromEntries(spec.computedOutputs.map((k) => [k, olds[k]]));
        return { outs: stateOutputs(spec, news, undefined, kept) };
    }
    return { outs: outputsOf(spec, news, d, region, olds) };
}

async function remove<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props): Promise<void> {
    const ctx = await context(spec, settings, props, id);
    await spec.hooks.beforeDelete?.(ctx, id, props);
    try {
        await spec.api.delete(ctx.client, id, props);
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, { resource: ctx.resource, operation: spec.api.operations.delete, secrets: ctx.secrets });
        }
        // Already gone (deleted outside Pulumi): what destroy wants.
    }
}

/** Every call but check fails the same way when the stack config is malformed (see settings.ts). */
function configured(settings: ProviderSettings): void {
    if (settings.configError !== undefined) {
        throw new StackConfigError(settings.configError);
    }
}

/** The lifecycle the serialized providers call, for one kind's spec. */
export function lifecycleOf<D>(spec: KindSpec<D>): Lifecycle {
    return {
        check: async (settings, olds, news) => checkInputs(spec, settings, olds, news),
        diff: async (settings, _id, olds, news) => (configured(settings), diffInputs(spec, settings, olds, news)),
        create: async (settings, inputs) => (configured(settings), create(spec, settings, inputs)),
        read: async (settings, id, props) => (configured(settings), read(spec, settings, id, props)),
        update: async (settings, id, olds, news) => (configured(settings), update(spec, settings, id, olds, news)),
        delete: async (settings, id, props) => (configured(settings), remove(spec, settings, id, props)),
    };
}
