import type * as pulumi from "@pulumi/pulumi";
import { describeAwsError, isNotFound } from "../aws/errors";
import type { ProviderSettings } from "../common/settings";
import { contextFor, listTags, sendDelete } from "./context";
import { operationOf, tagsMember, type KindSpec, type Props } from "./kind";
import { arnOf, liveOf, outputsOf, refreshedInputs } from "./state";

/** Read (what refresh calls: every managed member read back) and delete (not-found is success), for every kind. */

export async function read<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult> {
    const ctx = await contextFor(spec, settings, props, id);
    const d = await ctx.describe(id);
    if (d === undefined) {
        return {}; // gone: the engine drops it from the state
    }
    const arn = arnOf(spec, d);
    const tags = tagsMember(spec as KindSpec) !== undefined && arn ? await listTags(ctx, arn) : [];
    // The context's region is the resource's own `region` whenever it has one (ownRegion).
    const inputs = refreshedInputs(spec as KindSpec, props, liveOf(spec, d), tags, ctx.region);
    return { id, props: outputsOf(spec, inputs, d, ctx.region, props), inputs };
}

export async function remove<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props): Promise<void> {
    const ctx = await contextFor(spec, settings, props, id);
    await spec.hooks.beforeDelete?.(ctx, id, props);
    try {
        await sendDelete(ctx, id);
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, { resource: ctx.resource, operation: operationOf(ctx.commands.delete), secrets: [...ctx.secrets], validation: ctx.settings.validation });
        }
        // Already gone (deleted outside Pulumi): what destroy wants.
    }
}
