import type * as pulumi from "@pulumi/pulumi";
import { goneError } from "../aws/errors";
import type { ProviderSettings } from "../common/settings";
import { applyTagChanges } from "../common/tag-calls";
import { isAbsent } from "../common/values";
import { arnOf, operation, sendUpdate } from "./api";
import { call, context, describeOrGone, outputsOf } from "./calls";
import { planUpdate } from "./diff";
import type { CallContext, KindSpec, Props } from "./kind";
import { stateOutputs } from "./state";

/** Update, for every kind: the kind's update call at most once, tags at most one DeleteTags and one AddTags. */

/** The kind's update call (at most once), then tags (at most one DeleteTags and one AddTags). */
export async function applyInPlace<D>(spec: KindSpec<D>, ctx: CallContext, id: string, olds: Props, news: Props, arnHint?: string): Promise<boolean> {
    const plan = planUpdate(spec, olds, news);
    if (plan.request) {
        await call(ctx, operation(spec, "update"), () => sendUpdate(spec, ctx.client, id, plan.request!));
    }
    if (plan.tags.toAdd.length > 0 || plan.tags.toRemove.length > 0) {
        let arn = arnHint;
        if (!arn) {
            const d = await describeOrGone(spec, ctx, id);
            arn = d === undefined ? undefined : arnOf(spec, d);
        }
        if (!arn) {
            throw goneError(ctx.resource, ctx.region);
        }
        await applyTagChanges(ctx.client, arn, plan.tags, { resource: ctx.resource, secrets: ctx.secrets });
    }
    return plan.request !== undefined;
}

export async function update<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
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

