import type { DescribeModelOutput, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { clientRegion, createSageMakerClient, sdk } from "../aws/client";
import { createdSince, describeAwsError, goneError, isAlreadyExists, isLostCreate, isNotFound, userError, type ErrorContext } from "../aws/errors";
import type { Lifecycle } from "../common/lifecycle";
import { ownRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { applyTagChanges, listTags } from "../common/tag-calls";
import { diffTags } from "../common/tags";
import { checkModel } from "./check";
import { diffModel, userTags } from "./diff";
import { createRequest, environmentValues, inputsFromLive, modelMismatches, modelOutputs } from "./state";

type Props = Record<string, unknown>;

function context(name: unknown, operation: string, props?: Props): ErrorContext {
    return { resource: `Model "${String(name)}"`, operation, secrets: environmentValues(props) };
}

async function describe(client: SageMakerClient, name: string, ctx: ErrorContext): Promise<DescribeModelOutput | undefined> {
    try {
        return await client.send(new (sdk().DescribeModelCommand)({ ModelName: name }));
    } catch (err) {
        if (isNotFound(err)) {
            return undefined;
        }
        throw describeAwsError(err, { ...ctx, operation: "DescribeModel" });
    }
}

function conflict(ctx: ErrorContext, name: string, region: string, why: string): Error {
    return userError(`${ctx.resource}: a model named "${name}" already exists in ${region} ${why}; ` +
        "it was not created by this deployment, so it is left untouched. Fix: choose another ModelName " +
        "(or leave ModelName out to get a generated name), or delete the existing model, or read it with Model.get.");
}

async function create(settings: ProviderSettings, inputs: Props) {
    const name = String(inputs.ModelName);
    const ctx = context(name, "CreateModel", inputs);
    const client = createSageMakerClient(settings, ownRegion(inputs));
    const region = await clientRegion(client);
    const started = Date.now();
    let arn: string | undefined;
    try {
        arn = (await client.send(new (sdk().CreateModelCommand)(createRequest(inputs)))).ModelArn;
    } catch (err) {
        if (!isLostCreate(err)) {
            throw isAlreadyExists(err) ? conflict(ctx, name, region, "already") : describeAwsError(err, ctx);
        }
        return adopt(client, inputs, region, started, err, ctx);
    }
    // The model exists from here on: a failed describe must not lose it, so outputs fall back to the inputs.
    let description: DescribeModelOutput | undefined;
    try {
        description = await describe(client, name, ctx);
    } catch {
        description = undefined;
    }
    return { id: name, outs: modelOutputs(inputs, { region, arn, description }) };
}

/**
 * CreateModel's response was lost (or a retry found the name taken): the first attempt may have
 * created the model. Adopt it only when it matches the inputs and was created just now.
 */
async function adopt(client: SageMakerClient, inputs: Props, region: string, started: number, original: unknown, ctx: ErrorContext) {
    const name = String(inputs.ModelName);
    const description = await describe(client, name, ctx);
    if (!description) {
        // Nothing was created: report the original failure.
        throw describeAwsError(original, ctx);
    }
    if (description.CreationTime !== undefined && !createdSince(description.CreationTime, started)) {
        throw conflict(ctx, name, region, `(created ${description.CreationTime?.toISOString()}, before this deployment)`);
    }
    const tags = description.ModelArn ? await listTags(client, description.ModelArn, ctx) : [];
    const differences = modelMismatches(inputs, description, tags);
    if (differences.length > 0) {
        throw conflict(ctx, name, region, `and differs from the inputs at ${differences.join(", ")}`);
    }
    return { id: name, outs: modelOutputs(inputs, { region, description }) };
}

async function read(settings: ProviderSettings, id: string, props: Props | undefined) {
    const ctx = context(id, "DescribeModel", props);
    const client = createSageMakerClient(settings, ownRegion(props));
    const region = await clientRegion(client);
    const description = await describe(client, id, ctx);
    if (!description) {
        return {}; // gone: the engine drops it from the state
    }
    const tags = description.ModelArn ? await listTags(client, description.ModelArn, ctx) : [];
    const inputs = inputsFromLive(props, description, tags, region);
    return { id, props: modelOutputs(inputs, { region, description }), inputs };
}

async function update(settings: ProviderSettings, id: string, olds: Props, news: Props) {
    const ctx = context(id, "AddTags", news);
    const client = createSageMakerClient(settings, ownRegion(olds));
    const region = await clientRegion(client);
    let arn = typeof olds.arn === "string" ? olds.arn : undefined;
    let description: DescribeModelOutput | undefined;
    if (!arn) {
        description = await describe(client, id, ctx);
        arn = description?.ModelArn;
    }
    if (!arn) {
        throw goneError(ctx.resource, region);
    }
    await applyTagChanges(client, arn, diffTags(userTags(olds.Tags), userTags(news.Tags)), ctx);
    // Refreshes `model` (a provider upgrade may change the outputs' shape).
    description = description ?? await describe(client, id, ctx);
    return { outs: modelOutputs({ ...news, ModelName: id }, { region, arn, description, previous: olds }) };
}

async function remove(settings: ProviderSettings, id: string, props: Props) {
    const ctx = context(id, "DeleteModel", props);
    const client = createSageMakerClient(settings, ownRegion(props));
    try {
        await client.send(new (sdk().DeleteModelCommand)({ ModelName: id }));
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, ctx);
        }
    }
}

export const modelLifecycle: Lifecycle = {
    async check(settings, olds, news) {
        return checkModel(olds, news, settings);
    },
    async diff(settings, _id, olds, news) {
        return diffModel(settings, olds, news);
    },
    create,
    read,
    update,
    delete: remove,
};

