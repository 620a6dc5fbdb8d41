import type * as pulumi from "@pulumi/pulumi";
import { goneError } from "../aws/errors";
import type { ProviderSettings } from "../common/settings";
import { isAbsent } from "../common/values";
import { applyPlan, contextFor } from "./context";
import { planUpdate } from "./diff";
import { PROVIDER_KEY, ResourceNotReady, type KindSpec, type Props } from "./kind";
import { arnOf, notReadyError, outputsOf, stateOutputs } from "./state";

/** Update, for every kind: the kind's update call at most once, tags at most one DeleteTags and one AddTags. */
export async function update<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const ctx = await contextFor(spec, settings, news, id);
    try {
        let d = await spec.hooks.beforeUpdate?.(ctx, id, olds, news);
        const knownArn = typeof olds.arn === "string" ? olds.arn : undefined;
        const sent = await applyPlan(ctx, id, planUpdate(spec as KindSpec, olds, news), async () => {
            if (knownArn) {
                return knownArn;
            }
            const described = await ctx.describe(id);
            return described === undefined ? undefined : arnOf(spec, described);
        });
        // Describe only when the description may have changed: an update call, or new provider code
        // (whose outputs may differ); a tag change alone keeps the computed outputs.
        const missing = spec.computedOutputs.some((k) => isAbsent(olds[k]));
        if (sent || missing || olds[PROVIDER_KEY] !== news[PROVIDER_KEY]) {
            d = await ctx.describe(id);
            if (d === undefined) {
                throw goneError(ctx.resource, ctx.region);
            }
            d = spec.hooks.afterUpdate ? await spec.hooks.afterUpdate(ctx, id, news, d) : d;
        }
        const region = typeof olds.region === "string" ? olds.region : ctx.region;
        if (d === undefined) {
            const kept = Object.fromEntries(spec.computedOutputs.map((k) => [k, olds[k]]));
            return { outs: stateOutputs(spec as KindSpec, news, undefined, kept) };
        }
        return { outs: outputsOf(spec, news, d, region, olds) };
    } catch (err) {
        throw err instanceof ResourceNotReady ? notReadyError(spec, news, ctx.region, err) : err;
    }
}
