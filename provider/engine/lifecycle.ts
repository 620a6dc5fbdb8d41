import type * as pulumi from "@pulumi/pulumi";
import { describeAwsError, isNotFound } from "../aws/errors";
import type { Lifecycle } from "../common/lifecycle";
import { StackConfigError, type ProviderSettings } from "../common/settings";
import { liveOf, operation, sendDelete } from "./api";
import { context, describeOrGone, outputsOf, tagsOf } from "./calls";
import { checkInputs } from "./check";
import { create } from "./create";
import { diffInputs } from "./diff";
import type { KindSpec, Props } from "./kind";
import { refreshedInputs } from "./state";
import { update } from "./update";

/**
 * The one lifecycle every kind runs, driven by its spec: check (check.ts), diff (diff.ts), create
 * with lost-response recovery and `adopt` (create.ts), read (every managed member read back, here),
 * update (update.ts), delete (not-found is success, here). Errors name the resource and the
 * operation, with secrets scrubbed (calls.ts).
 */

async function read<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult> {
    const ctx = await context(spec, settings, props, id);
    const d = await describeOrGone(spec, ctx, id);
    if (d === undefined) {
        return {}; // gone: the engine drops it from the state
    }
    const tags = await tagsOf(spec, ctx, d);
    const region = typeof props?.region === "string" ? props.region : ctx.region;
    const inputs = refreshedInputs(spec, props, liveOf(spec, d), tags, region);
    return { id, props: outputsOf(spec, inputs, d, region, props), inputs };
}

async function remove<D>(spec: KindSpec<D>, settings: ProviderSettings, id: string, props: Props): Promise<void> {
    const ctx = await context(spec, settings, props, id);
    await spec.hooks.beforeDelete?.(ctx, id, props);
    try {
        await sendDelete(spec, ctx.client, id);
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, { resource: ctx.resource, operation: operation(spec, "delete"), secrets: ctx.secrets });
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
