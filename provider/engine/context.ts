import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Tag } from "../common/sdk-shapes";
import { clientRegion, createSageMakerClient, sdk } from "../aws/client";
import { describeAwsError, goneError, isNotFound } from "../aws/errors";
import { retryWhile } from "../aws/propagation";
import { ownRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import type { TagChanges } from "../common/tags";
import { environmentValues } from "../common/values";
import { labelOf, operationOf, type Created, type KindCommands, type KindContext, type KindSpec, type Props } from "./kind";
import { engineStatus } from "./log";

/**
 * The I/O shell's one connection to SageMaker for a resource: one client per region, the kind's
 * declared commands, errors worded once (the resource, the operation, what AWS said, the fix)
 * with secrets scrubbed, not-found decided once. The kind's hooks see it as KindContext.
 */

/** Values that must never appear in a message: every Environment value in members that can hold them. */
export function secretsOf(spec: KindSpec, props: Props | undefined): string[] {
    if (!props) {
        return [];
    }
    return Object.entries(spec.members).filter(([, m]) => m.secrets).flatMap(([member]) => environmentValues(props[member]));
}

/** What the engine's own steps use besides the kind's view: the kind's commands and the tag calls. */
export interface EngineContext<D> extends KindContext<D> {
    readonly spec: KindSpec<D>;
    readonly commands: KindCommands;
    named(resource: string): EngineContext<D>;
}

function build<D>(spec: KindSpec<D>, client: SageMakerClient, settings: ProviderSettings, region: string, resource: string, secrets: string[]): EngineContext<D> {
    const send = ((command: never) => client.send(command)) as SageMakerClient["send"];
    const call = (async (command: { constructor: { readonly name: string } }) => {
        try {
            return await client.send(command as never);
        } catch (err) {
            throw describeAwsError(err, { resource, operation: operationOf(command.constructor), secrets, validation: settings.validation });
        }
    }) as SageMakerClient["send"];
    const commands = spec.api.commands(sdk());
    const ctx: EngineContext<D> = {
        spec, commands, region, settings, resource, secrets, send, call,
        failure: (err, operation, other) => describeAwsError(err, { resource: other ?? resource, operation, secrets, validation: settings.validation }),
        async describe(id) {
            try {
                return await client.send(new commands.describe({ [spec.name.member]: id } as never) as never) as D;
            } catch (err) {
                if (isNotFound(err)) {
                    return undefined;
                }
                throw describeAwsError(err, { resource, operation: operationOf(commands.describe), secrets, validation: settings.validation });
            }
        },
        named: (other) => build(spec, client, settings, region, other, secrets),
        status: engineStatus,
    };
    return ctx;
}

/** Where calls for one resource go (its region's client) and how their errors name it. */
export async function contextFor<D>(spec: KindSpec<D>, settings: ProviderSettings, props: Props | undefined, id?: string): Promise<EngineContext<D>> {
    const client = createSageMakerClient(settings, ownRegion(props));
    return build(spec, client, settings, await clientRegion(client), labelOf(spec as KindSpec, props ?? {}, id), secretsOf(spec as KindSpec, props));
}

/** The kind's create call (again while the kind's `createRetry` says so); the SDK's error comes through (the caller decides on recovery). */
export async function sendCreate<D>(ctx: EngineContext<D>, request: Props): Promise<Created> {
    const retry = ctx.spec.api.createRetry;
    const send = () => ctx.send(new ctx.commands.create(request as never) as never) as unknown as Promise<Props>;
    const out = retry ? await retryWhile(send, retry.when, retry.forMs) : await send();
    const arn = typeof out[`${ctx.spec.kind}Arn`] === "string" ? out[`${ctx.spec.kind}Arn`] as string : undefined;
    return { id: ctx.spec.api.idIsArn ? arn! : String(request[ctx.spec.name.member]), arn };
}

/** The kind's delete call; the SDK's error comes through (not-found is success for the caller). */
export async function sendDelete<D>(ctx: EngineContext<D>, id: string): Promise<void> {
    await ctx.send(new ctx.commands.delete({ [ctx.spec.name.member]: id } as never) as never);
}

/** The kind's update call with the id in its member. */
export async function sendUpdate<D>(ctx: EngineContext<D>, id: string, request: Props): Promise<void> {
    const Update = ctx.commands.update;
    if (!Update) {
        throw new Error(`${ctx.spec.kind} declares no update call`);
    }
    await ctx.call(new Update({ ...request, [ctx.spec.api.updateIdMember ?? ctx.spec.name.member]: id } as never) as never);
}

/** All tags of a resource (ListTags pages through NextToken), without AWS's own `aws:` tags. */
export async function listTags(ctx: KindContext, arn: string): Promise<Tag[]> {
    const { ListTagsCommand } = sdk();
    const tags: Tag[] = [];
    let NextToken: string | undefined;
    do {
        const page = await ctx.call(new ListTagsCommand({ ResourceArn: arn, NextToken, MaxResults: 100 }));
        tags.push(...(page.Tags ?? []));
        NextToken = page.NextToken;
    } while (NextToken);
    return tags.filter((t) => !(t.Key ?? "").startsWith("aws:"));
}

/** At most one DeleteTags and one AddTags call (AddTags/DeleteTags work on any SageMaker ARN). */
export async function applyTagChanges(ctx: KindContext, arn: string, changes: TagChanges): Promise<void> {
    const { AddTagsCommand, DeleteTagsCommand } = sdk();
    if (changes.toRemove.length > 0) {
        await ctx.call(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: changes.toRemove }));
    }
    if (changes.toAdd.length > 0) {
        await ctx.call(new AddTagsCommand({ ResourceArn: arn, Tags: changes.toAdd }));
    }
}

/** An update plan (engine/diff.ts planUpdate): the kind's update call at most once, then the tag calls on the ARN. */
export async function applyPlan<D>(ctx: EngineContext<D>, id: string, plan: { request?: Props; tags: TagChanges }, arnOf: () => Promise<string | undefined>): Promise<boolean> {
    if (plan.request) {
        await sendUpdate(ctx, id, plan.request);
    }
    if (plan.tags.toAdd.length > 0 || plan.tags.toRemove.length > 0) {
        const arn = await arnOf();
        if (!arn) {
            throw goneError(ctx.resource, ctx.region);
        }
        await applyTagChanges(ctx, arn, plan.tags);
    }
    return plan.request !== undefined;
}
