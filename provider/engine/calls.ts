import type { Tag } from "@aws-sdk/client-sagemaker";
import { clientRegion, createSageMakerClient } from "../aws/client";
import { describeAwsError, isNotFound, userError } from "../aws/errors";
import { ownRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { listTags } from "../common/tag-calls";
import { environmentValues } from "../common/values";
import { arnOf, computedOutputs, labelOf, liveOf, operation, sendDescribe } from "./api";
import type { CallContext, KindSpec, Props } from "./kind";
import { stateOutputs } from "./state";

/**
 * How the engine makes its calls for a resource: one client per region, errors worded once (the
 * resource, the operation, what AWS said, the fix) with secrets scrubbed, not-found decided once.
 */

/** Values that must never appear in a message: every Environment value in members that can hold them. */
export function secretsOf(spec: KindSpec, props: Props | undefined): string[] {
    if (!props) {
        return [];
    }
    return Object.entries(spec.members).filter(([, m]) => m.secrets).flatMap(([member]) => environmentValues(props[member]));
}

/** Where calls for one resource go (its region's client) and how their errors name it. */
export async function context(spec: KindSpec, settings: ProviderSettings, props: Props | undefined, id?: string): Promise<CallContext> {
    const client = createSageMakerClient(settings, ownRegion(props));
    return { client, settings, region: await clientRegion(client), resource: labelOf(spec, props ?? {}, id), secrets: secretsOf(spec, props) };
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
        return await sendDescribe(spec, ctx.client, id);
    } catch (err) {
        if (isNotFound(err)) {
            return undefined;
        }
        throw describeAwsError(err, { resource: ctx.resource, operation: operation(spec, "describe"), secrets: ctx.secrets });
    }
}

export async function tagsOf<D>(spec: KindSpec<D>, ctx: CallContext, d: D): Promise<Tag[]> {
    const arn = arnOf(spec, d);
    return arn ? listTags(ctx.client, arn, { resource: ctx.resource, secrets: ctx.secrets }) : [];
}

export function outputsOf<D>(spec: KindSpec<D>, inputs: Props, d: D | undefined, region: string, fallback: Props = {}): Props {
    return stateOutputs(spec, inputs, d === undefined ? undefined : liveOf(spec, d), computedOutputs(spec, d, inputs, region, fallback));
}

/** An error whose message is all a user needs (the dynamic-provider host prints the stack too): aws/errors.ts userError. */
export function plainError(message: string): Error {
    return userError(message);
}

