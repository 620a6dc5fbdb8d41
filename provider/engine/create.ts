import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "../common/sdk-shapes";
import { containsUnknown } from "../common/unknown";
import { createdSince, describeAwsError, isAlreadyExists, isLostCreate, userError } from "../aws/errors";
import type { ProviderSettings } from "../common/settings";
import { diffTags } from "../common/tags";
import { isAbsent, setOwn, withoutServerFilled } from "../common/values";
import { applyPlan, applyTagChanges, contextFor, listTags, sendCreate, sendUpdate, type EngineContext } from "./context";
import { planUpdate } from "./diff";
import { ResourceGone, ResourceInitError, ResourceNotReady, labelOf, operationOf, PROVIDER_KEY, tagsMember, type Created, type KindSpec, type Props } from "./kind";
import { engineWarning } from "./log";
import { adoptedTags, describeDifferences, fixedMembers, matches, memberOf, readBack } from "./match";
import { createRequest } from "./request";
import { arnOf, computedOutputs, creationTimeOf, liveOf, notReadyError, outputsOf } from "./state";

/**
 * Create, for every kind: the create call with the members the spec sends, the work after it
 * (tags where the create call takes none, members set by the update call, the kind's wait, the
 * kind's recovery policy), the recovery of a create whose response was lost, and `adopt`.
 */

/** An existing resource as the engine compares it: its create members as described, its tags in the tags member. */
async function liveWithTags<D>(ctx: EngineContext<D>, d: D): Promise<Props> {
    const live = liveOf(ctx.spec, d);
    const tags = tagsMember(ctx.spec);
    const arn = arnOf(ctx.spec, d);
    if (tags !== undefined) {
        live[tags] = arn ? await listTags(ctx, arn) : [];
    }
    return live;
}

/** "model package group" for ModelPackageGroup. */
function noun(spec: KindSpec): string {
    return spec.kind.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** A fixed name already taken by a resource this deployment did not create. */
function conflict<D>(ctx: EngineContext<D>, name: string, why: string): Error {
    const member = ctx.spec.name.member;
    const generated = ctx.spec.name.generated ? ` (or leave ${member} out to get a generated name)` : "";
    return userError(`${ctx.resource}: a ${noun(ctx.spec as KindSpec)} named "${name}" already exists in ${ctx.region}${why}; ` +
        `it was not created by this deployment, so it is left untouched. Fix: choose another ${member}${generated}, ` +
        "delete the existing one, or bring it under management with `adopt: true` (it is adopted when it matches the inputs).");
}

/** Whether the inputs ask to adopt (an own setting marked `adopts`, set and not false). */
function adopting(spec: KindSpec, inputs: Props): boolean {
    return Object.entries(spec.own).some(([key, own]) => own.adopts && !isAbsent(inputs[key]) && inputs[key] !== false);
}

/** What adopting the existing resource does: refused (a member adopting cannot set differs), or the update it makes. */
type Adoption<D> =
    | { refused: string }
    | { id: string; description: D; plan: ReturnType<typeof planUpdate>; kept: string[]; setting: string[] };

/**
 * `adopt: true` (or, for a version, its number): an existing resource is brought under management
 * instead of created, when it matches the inputs (`matches`) in every member adopting cannot set;
 * the others (tags, approval, metadata...) are then set to the inputs like an update. Never on a
 * name match alone. Live tags the program does not declare are kept unless `adoptTags: "remove"`.
 * The same plan is what preview shows (`previewAdopt`) and what create does (`adoptExisting`).
 */
async function planAdoption<D>(ctx: EngineContext<D>, inputs: Props): Promise<Adoption<D> | undefined> {
    const spec = ctx.spec as KindSpec<D>;
    const found = spec.hooks.findAdoptable ? await spec.hooks.findAdoptable(ctx, inputs) : await findByName(ctx, inputs);
    if (!found) {
        return undefined; // nothing to adopt: create it
    }
    const { id, description } = found;
    const live = await liveWithTags(ctx, description);
    const paths = matches(spec as KindSpec, inputs, live);
    const fixed = fixedMembers(spec as KindSpec, inputs, paths);
    if (fixed.length > 0) {
        const differing = describeDifferences(spec as KindSpec, inputs, live, paths.filter((p) => fixed.includes(memberOf(p))));
        return {
            refused: `${ctx.resource}: adopt found the existing ${noun(spec as KindSpec)} ${JSON.stringify(id)} in ${ctx.region}, but it differs ` +
                `from the inputs at ${differing.join("; ")} (constraint: members fixed at creation must match to adopt). Fix: change the program ` +
                `to match the live ${differing.length === 1 ? "value" : "values"}, or drop \`adopt\` and pick another ${spec.name.member}.`,
        };
    }
    // The existing resource as if it were this resource's old state: what taking it over changes.
    const olds: Props = {};
    for (const [member, value] of Object.entries(live)) {
        setOwn(olds, member, withoutServerFilled(value, spec.members[member].serverFilled));
    }
    const tags = tagsMember(spec as KindSpec);
    let kept: string[] = [];
    if (tags !== undefined) {
        const adopted = adoptedTags(inputs[tags] as Tag[] | undefined, live[tags] as Tag[] | undefined, inputs.adoptTags);
        olds[tags] = adopted.base;
        kept = adopted.kept;
    }
    const setting = describeDifferences(spec as KindSpec, inputs, live, paths.filter((p) => memberOf(p) !== tags));
    return { id, description, plan: planUpdate(spec as KindSpec, olds, inputs), kept, setting };
}

async function adoptExisting<D>(ctx: EngineContext<D>, inputs: Props): Promise<pulumi.dynamic.CreateResult | undefined> {
    const spec = ctx.spec;
    const adoption = await planAdoption(ctx, inputs);
    if (adoption === undefined) {
        return undefined;
    }
    if ("refused" in adoption) {
        throw userError(adoption.refused);
    }
    const { id, description, plan } = adoption;
    await applyPlan(ctx, id, plan, async () => arnOf(spec, description));
    const d = (await ctx.describe(id)) ?? description;
    return { id, outs: outputsOf(spec, inputs, d, ctx.region) };
}

/**
 * Preview of `adopt` (check, for a resource not yet in the state): reads the live resource and says
 * what up will do: adopt it unchanged, adopt then update (each path with both values, the tags
 * added, changed, removed or kept), or a failure naming each differing path, both values and the
 * fix. Inputs not known yet, or no way to read (no credentials, no endpoint), are a warning: up
 * decides then. Never throws.
 */
export async function previewAdopt(spec: KindSpec, settings: ProviderSettings, inputs: Props): Promise<{ failures: { property: string; reason: string }[]; warnings: string[] }> {
    const none = { failures: [], warnings: [] };
    if (!adopting(spec, inputs)) {
        return none;
    }
    const ctxLabel = labelOf(spec, inputs);
    if (containsUnknown(inputs)) {
        return { failures: [], warnings: [`${ctxLabel}: adopt is decided at \`pulumi up\`: some inputs are not known during preview, so the live resource is compared then.`] };
    }
    let adoption: Adoption<unknown> | undefined;
    let where = "";
    try {
        const ctx = await contextFor(spec, settings, inputs);
        where = ctx.region;
        adoption = await planAdoption(ctx, inputs);
    } catch (err) {
        return { failures: [], warnings: [`${ctxLabel}: preview could not read the resource adopt would take over (${(err as Error).message.split("\n")[0]}); ` +
            "`pulumi up` compares it. Fix: provide AWS credentials to see the adoption at preview."] };
    }
    if (adoption === undefined) {
        return { failures: [], warnings: [`${ctxLabel}: adopt finds no existing ${noun(spec)} in ${where}, so up creates it.`] };
    }
    if ("refused" in adoption) {
        return { failures: [{ property: "adopt", reason: adoption.refused }], warnings: [] };
    }
    const { plan, kept, setting } = adoption;
    const changes = [
        ...setting,
        ...plan.tags.toAdd.map((t) => `tag ${JSON.stringify(t.Key)} set to ${JSON.stringify(t.Value)}`),
        ...plan.tags.toRemove.map((k) => `tag ${JSON.stringify(k)} removed (adoptTags: "remove")`),
    ];
    const keptNote = kept.length > 0 ? ` Live tags the program does not declare are kept: ${kept.map((k) => JSON.stringify(k)).join(", ")} (set \`adoptTags: "remove"\` to remove them).` : "";
    const what = changes.length === 0 ? "unchanged" : `then updates ${changes.join("; ")}`;
    return { failures: [], warnings: [`${ctxLabel}: up adopts the existing ${noun(spec)} ${JSON.stringify(adoption.id)} in ${where} ${what}.${keptNote}`] };
}

async function findByName<D>(ctx: EngineContext<D>, inputs: Props): Promise<{ id: string; description: D } | undefined> {
    const name = inputs[ctx.spec.name.member];
    if (typeof name !== "string") {
        return undefined;
    }
    const description = await ctx.describe(name);
    return description === undefined ? undefined : { id: name, description };
}

/**
 * The create call, then the kind's work after it. Where the kind's recovery policy allows it, a
 * resource that is gone by then (a ClientToken that named a deleted resource) is created again
 * with the request the policy builds for the next attempt.
 */
async function createAndSettle<D>(ctx: EngineContext<D>, inputs: Props, first: Props, started: number): Promise<{ created: Created; d?: D } | pulumi.dynamic.CreateResult> {
    const spec = ctx.spec;
    const policy = spec.lostCreate.by === "client-token" ? spec.lostCreate.recreate : undefined;
    let request = first;
    for (let attempt = 1; ; attempt++) {
        let created: Created;
        try {
            created = await sendCreate(ctx, request);
        } catch (err) {
            // On any attempt: a name taken is a conflict (a later attempt's name was free when the first began).
            const recovered = await recoverCreate(ctx, inputs, err, started);
            if (recovered) {
                return recovered;
            }
            throw describeAwsError(err, { resource: ctx.resource, operation: operationOf(ctx.commands.create), secrets: [...ctx.secrets], validation: ctx.settings.validation });
        }
        if (!spec.hooks.afterCreate) {
            return { created };
        }
        try {
            const d = await spec.hooks.afterCreate(ctx.named(labelOf(spec as KindSpec, inputs, created.id)), created, inputs);
            return { created, d };
        } catch (err) {
            if (err instanceof ResourceNotReady) {
                throw notReadyError(spec, inputs, ctx.region, err);
            }
            if (!(err instanceof ResourceGone) || policy === undefined || attempt >= policy.attempts) {
                throw err;
            }
        }
        request = policy.next(inputs, request, attempt + 1);
    }
}

export async function create<D>(spec: KindSpec<D>, settings: ProviderSettings, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const ctx = await contextFor(spec, settings, inputs);
    if (adopting(spec as KindSpec, inputs)) {
        const adopted = await adoptExisting(ctx, inputs);
        if (adopted) {
            return adopted;
        }
    }
    const request = createRequest(spec as KindSpec, inputs);
    const settled = await createAndSettle(ctx, inputs, request, Date.now());
    if (!("created" in settled)) {
        return settled; // a lost create, recovered
    }
    // From here on the resource exists: nothing below may lose it.
    const { created } = settled;
    let d = settled.d;
    const named = ctx.named(labelOf(spec as KindSpec, { ...inputs, ...(d === undefined ? {} : computedOutputs(spec, d, inputs, ctx.region, {})) }, created.id));
    const partial = (): Props => ({ ...outputsOf(spec, inputs, d, ctx.region, { arn: created.arn }), [PROVIDER_KEY]: inputs[PROVIDER_KEY] });
    try {
        const tags = tagsMember(spec as KindSpec);
        if (tags !== undefined && !(tags in request)) {
            // Tags the create call does not take (a version's): added now; none declared, no call.
            await applyTagChanges(named, created.arn ?? created.id, diffTags([], inputs[tags] as Tag[] | undefined));
        }
        const later = Object.entries(spec.members).filter(([k, m]) => m.afterCreate && !isAbsent(inputs[k]));
        if (later.length > 0) {
            const body: Props = {};
            later.forEach(([k]) => setOwn(body, k, inputs[k]));
            await sendUpdate(named, created.id, body);
            d = undefined; // describe again below: the update changed it
        }
    } catch (err) {
        throw new ResourceInitError((err as Error).message, created.id, partial());
    }
    if (d === undefined) {
        try {
            d = await named.describe(created.id);
        } catch {
            // d stays undefined: the outputs fall back to what we know
        }
    }
    // Read-back: a declared member SageMaker stored otherwise is a warning; the state records what it holds.
    const back = d === undefined ? undefined : readBack(spec as KindSpec, named.resource, inputs, liveOf(spec, d));
    back?.warnings.forEach((w) => engineWarning(w));
    return { id: created.id, outs: outputsOf(spec, back?.stored ?? inputs, d, ctx.region, { arn: created.arn }) };
}

/**
 * A create that failed may still have created the resource: the connection failed, or a retry
 * of it found the name taken (the first attempt was applied, its answer never arrived). Where the
 * kind recovers by name, it is adopted only when it was created during this call and matches the
 * inputs (`matches`, in every member, tags included: it must be the resource this call made).
 * Kinds that recover by ClientToken need nothing here: the SDK's retry returned the first answer.
 * A name taken otherwise is a conflict with a resource this deployment did not create.
 */
async function recoverCreate<D>(ctx: EngineContext<D>, inputs: Props, err: unknown, started: number): Promise<pulumi.dynamic.CreateResult | undefined> {
    const spec = ctx.spec;
    const name = inputs[spec.name.member];
    if (typeof name !== "string") {
        return undefined; // nothing to find by name (a version)
    }
    if (spec.lostCreate.by !== "name" || !isLostCreate(err)) {
        if (isAlreadyExists(err)) {
            throw conflict(ctx, name, "");
        }
        return undefined;
    }
    const found = await ctx.describe(name);
    if (found === undefined) {
        return undefined; // nothing was created: report the original failure
    }
    const created = creationTimeOf(found);
    if (created !== undefined && !createdSince(created, started)) {
        throw conflict(ctx, name, ` (created ${created.toISOString()}, before this deployment)`);
    }
    const differing = matches(spec as KindSpec, inputs, await liveWithTags(ctx, found));
    if (differing.length > 0) {
        throw conflict(ctx, name, ` and differs from the inputs at ${differing.join(", ")}`);
    }
    return { id: name, outs: outputsOf(spec, inputs, found, ctx.region) };
}
