import type * as pulumi from "@pulumi/pulumi";
import type { DescribeModelPackageOutput, SageMakerClient, Tag } from "@aws-sdk/client-sagemaker";
import { clientRegion, createSageMakerClient, sdk } from "../aws/client";
import { describeAwsError, isNotFound, userError } from "../aws/errors";
import type { Lifecycle } from "../common/lifecycle";
import { ownRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { applyTagChanges, refreshedTags } from "../common/tag-calls";
import { diffTags } from "../common/tags";
import { getShape } from "../shapes/validate";
import { COMPUTED_OUTPUTS, CREATE_MEMBERS, DEFAULT_STATUS_TIMEOUT_MINUTES, EXTRA_API_MEMBERS } from "./fields";
import { ResourceInitError } from "./init-error";
import { checkModelPackage } from "./package-check";
import { diffModelPackage, isVersioned, planUpdate } from "./package-diff";
import { project } from "./project";
import { formatStatusDetails, pollTiming, stderrProgress, waitForPackage, type WaitOptions } from "./status-wait";
import { isAbsent, pick, stateOutputs, toPlain } from "../common/values";

type Props = Record<string, unknown>;

/** How a package is named in messages: versions by group (and version once known), others by name. */
function label(props: Props, version?: unknown): string {
    if (isVersioned(props)) {
        const group = String(props.ModelPackageGroupName).replace(/^arn:.*\//, "");
        return `ModelPackage "${group}"${version !== undefined ? ` version ${String(version)}` : " (new version)"}`;
    }
    return `ModelPackage "${String(props.ModelPackageName)}"`;
}

/** Poll timing and timeout; tests override the timing through POLL_ENV or `waitOverrides`. */
function waitOptions(props: Props): WaitOptions {
    const minutes = typeof props.statusTimeoutMinutes === "number" ? props.statusTimeoutMinutes : DEFAULT_STATUS_TIMEOUT_MINUTES;
    return { ...pollTiming(), timeoutMs: minutes * 60_000, progress: stderrProgress, ...waitOverrides };
}

/** For unit tests (fake clock/sleep); empty in production. */
export const waitOverrides: Partial<WaitOptions> = {};

async function describe(client: SageMakerClient, arn: string, what: string): Promise<DescribeModelPackageOutput> {
    try {
        return await client.send(new (sdk().DescribeModelPackageCommand)({ ModelPackageName: arn }));
    } catch (err) {
        throw describeAwsError(err, { resource: what, operation: "DescribeModelPackage" });
    }
}

/** The state we keep: the inputs as given plus what we compute (camelCase). */
function outputs(inputs: Props, d: DescribeModelPackageOutput, region: string): Props {
    const declared: Props = { ...inputs };
    if (isVersioned(inputs) && !isAbsent(d.ModelApprovalStatus)) {
        // Versions always carry an approval status (default PendingManualApproval): programs read it.
        declared.ModelApprovalStatus = d.ModelApprovalStatus;
    }
    return stateOutputs(declared, {
        arn: d.ModelPackageArn,
        name: d.ModelPackageName,
        version: d.ModelPackageVersion,
        status: d.ModelPackageStatus,
        statusDetails: toPlain(d.ModelPackageStatusDetails) ?? {},
        creationTime: d.CreationTime instanceof Date ? d.CreationTime.toISOString() : toPlain(d.CreationTime),
        region,
    });
}

async function deleteQuietly(client: SageMakerClient, arn: string): Promise<string | undefined> {
    try {
        await client.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        return undefined;
    } catch (err) {
        return isNotFound(err) ? undefined : (err instanceof Error ? err.message : String(err));
    }
}

/**
 * Waits for Completed. Failed: the package is deleted and the error carries the status details.
 * Timeout: the package is kept in the stack as not initialized, so nothing is orphaned and the
 * next `pulumi up` resumes the wait.
 */
async function settle(client: SageMakerClient, arn: string, inputs: Props, region: string, what: string): Promise<DescribeModelPackageOutput> {
    const options = waitOptions(inputs);
    const outcome = await waitForPackage(() => describe(client, arn, what), what, options);
    if (outcome.kind === "completed") {
        return outcome.description;
    }
    if (outcome.kind === "failed") {
        const details = formatStatusDetails(outcome.description);
        const leftover = await deleteQuietly(client, arn);
        const cleanup = leftover === undefined
            ? "The failed package was deleted, so nothing is left behind."
            : `Deleting the failed package ${arn} also failed (${leftover}): delete it by hand.`;
        throw userError(`${what}: SageMaker reports ModelPackageStatus Failed: ${details}. ${cleanup} ` +
            "Fix the inputs named in the details (image, model data, validation specification) and run `pulumi up` again.");
    }
    const limit = options.timeoutMs >= 60_000 ? `${Math.round(options.timeoutMs / 6_000) / 10} minutes` : `${Math.round(options.timeoutMs / 100) / 10}s`;
    const partial = outputs(inputs, await describe(client, arn, what), region);
    throw new ResourceInitError(`${what}: still ${outcome.lastStatus ?? "not Completed"} after ${limit} ` +
        `(statusTimeoutMinutes). The package ${arn} is kept in the stack; the next \`pulumi up\` waits again, ` +
        "or raise statusTimeoutMinutes.", arn, { ...partial, __provider: inputs.__provider });
}

async function create(settings: ProviderSettings, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const client = createSageMakerClient(settings, ownRegion(inputs));
    const region = await clientRegion(client);
    const what = label(inputs);
    const request = pick(inputs, CREATE_MEMBERS);
    // CreateModelPackage takes no Tags with a group ("uses the tags of the group"): tag the version afterwards.
    const tagsAfter = isVersioned(inputs) ? request.Tags as Tag[] | undefined : undefined;
    if (tagsAfter) {
        delete request.Tags;
    }
    let arn: string;
    try {
        // The SDK's retries resend the same ClientToken, so a lost response returns the same package.
        const out = await client.send(new (sdk().CreateModelPackageCommand)(request as never));
        arn = out.ModelPackageArn!;
    } catch (err) {
        throw describeAwsError(err, { resource: what, operation: "CreateModelPackage" });
    }
    const settled = await settle(client, arn, inputs, region, what);
    const named = label(inputs, settled.ModelPackageVersion);
    try {
        if (tagsAfter && tagsAfter.length > 0) {
            await applyTagChanges(client, arn, diffTags([], tagsAfter), named);
        }
        if (!isAbsent(inputs.ApprovalDescription)) {
            // Not a CreateModelPackage member: set it right after.
            await update1(client, arn, { ApprovalDescription: inputs.ApprovalDescription }, named);
        }
    } catch (err) {
        throw new ResourceInitError((err as Error).message, arn, { ...outputs(inputs, settled, region), __provider: inputs.__provider });
    }
    const final = isAbsent(inputs.ApprovalDescription) ? settled : await describe(client, arn, named);
    return { id: arn, outs: outputs(inputs, final, region) };
}

async function update1(client: SageMakerClient, arn: string, request: Props, what: string): Promise<void> {
    try {
        await client.send(new (sdk().UpdateModelPackageCommand)({ ...request, ModelPackageArn: arn } as never));
    } catch (err) {
        throw describeAwsError(err, { resource: what, operation: "UpdateModelPackage" });
    }
}

async function update(settings: ProviderSettings, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const client = createSageMakerClient(settings, ownRegion(news));
    const region = await clientRegion(client);
    const what = label(news, olds.version);
    if (olds.status !== "Completed") {
        // A previous create timed out (kept as not initialized): finish waiting first.
        await settle(client, id, { ...olds, ...news }, region, what);
    }
    const plan = planUpdate(olds, news);
    if (plan.request) {
        await update1(client, id, plan.request, what);
    }
    await applyTagChanges(client, id, plan.tags, what);
    let d = await describe(client, id, what);
    if (d.ModelPackageStatus !== "Completed") {
        // A new InferenceSpecification may be validated again.
        d = await settle(client, id, news, region, what);
    }
    return { outs: outputs(news, d, region) };
}

/** Members read back from DescribeModelPackage (ClientToken and Tags are not). */
const DESCRIBED = [...CREATE_MEMBERS.filter((m) => m !== "ClientToken" && m !== "Tags"), ...EXTRA_API_MEMBERS];

async function read(settings: ProviderSettings, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult> {
    const old = props ?? {};
    const client = createSageMakerClient(settings, ownRegion(old));
    let d: DescribeModelPackageOutput;
    try {
        d = await client.send(new (sdk().DescribeModelPackageCommand)({ ModelPackageName: id }));
    } catch (err) {
        if (isNotFound(err)) {
            return {};
        }
        throw describeAwsError(err, { resource: label(old, old.version), operation: "DescribeModelPackage" });
    }
    const what = label(old, d.ModelPackageVersion);
    const inputs: Props = {};
    for (const [k, v] of Object.entries(old)) {
        if (!(COMPUTED_OUTPUTS as readonly string[]).includes(k) || k === "region") {
            inputs[k] = v;
        }
    }
    const shape = getShape("CreateModelPackageInput");
    const described = d as unknown as Props;
    for (const m of DESCRIBED) {
        // Only what the program declared is rebuilt (AWS fills in defaults the program never set)...
        if (!isAbsent(old[m])) {
            const memberShape = shape?.members?.[m] ?? (m === "ApprovalDescription" ? "ApprovalDescription" : undefined);
            const value = memberShape ? project(memberShape, old[m], described[m]) : toPlain(described[m]);
            if (isAbsent(value)) {
                delete inputs[m];
            } else {
                inputs[m] = value;
            }
        }
    }
    if (d.ModelPackageGroupName && !isAbsent(old.ModelPackageGroupName)) {
        // ...but the group is kept as the program wrote it (name or ARN).
        inputs.ModelPackageGroupName = old.ModelPackageGroupName;
    }
    if (isVersioned(old) && !isAbsent(d.ModelApprovalStatus)) {
        // ...and approval always: Studio or a pipeline may change it, and that must show.
        inputs.ModelApprovalStatus = d.ModelApprovalStatus;
    }
    const tags = await refreshedTags(client, id, what, old.Tags);
    if (tags) {
        inputs.Tags = tags;
    }
    // region stays as stored (the resolved one): diff compares it with the effective new region.
    const region = typeof old.region === "string" ? old.region : await clientRegion(client);
    const outs = outputs(inputs, d, region);
    return { id, props: outs, inputs };
}

async function destroy(settings: ProviderSettings, id: string, props: Props): Promise<void> {
    const client = createSageMakerClient(settings, ownRegion(props));
    try {
        await client.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: id }));
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, { resource: label(props, props.version), operation: "DeleteModelPackage" });
        }
    }
}

export const modelPackageLifecycle: Lifecycle = {
    async check(settings, olds, news) {
        return checkModelPackage(settings, olds ?? {}, news);
    },
    async diff(settings, _id, olds, news) {
        return diffModelPackage(settings, olds, news);
    },
    create,
    read,
    update,
    delete: destroy,
};
