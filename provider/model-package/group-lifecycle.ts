import type * as pulumi from "@pulumi/pulumi";
import type { DescribeModelPackageGroupOutput, SageMakerClient, Tag } from "@aws-sdk/client-sagemaker";
import { clientRegion, createSageMakerClient, sdk } from "../aws/client";
import { createdSince, describeAwsError, goneError, isLostCreate, isNotFound, userError } from "../aws/errors";
import { AUTO_NAME_KEYS, resolveAutoName } from "../common/auto-name";
import { checkFailure as fail, regionFailure, shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import type { Lifecycle } from "../common/lifecycle";
import { effectiveRegion, ownRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { applyTagChanges, refreshedTags } from "../common/tag-calls";
import { diffTags, sortTags } from "../common/tags";
import { containsUnknown, isUnknown } from "../common/unknown";
import { ruleFailures } from "../rules/wording";
import { checkShape } from "../shapes/validation-mode";
import { isAbsent, pick, sameValue, stateOutputs, toPlain, withoutUndefined } from "../common/values";

type Props = Record<string, unknown>;

/** CreateModelPackageGroupInput's members; there is no UpdateModelPackageGroup, so all but Tags replace. */
export const GROUP_MEMBERS = ["ModelPackageGroupName", "ModelPackageGroupDescription", "Tags", "ManagedConfiguration"] as const;
const GROUP_REPLACE = ["ModelPackageGroupName", "ModelPackageGroupDescription", "ManagedConfiguration"];
const GROUP_OWN = ["region", "deleteVersionsOnDestroy", AUTO_NAME_KEYS.logicalName, AUTO_NAME_KEYS.autoNamed];
const GROUP_COMPUTED = ["arn", "name", "status", "creationTime"];

function what(name: unknown): string {
    return `ModelPackageGroup "${String(name)}"`;
}

export function checkGroup(olds: Props, news: Props, settings?: ProviderSettings): pulumi.dynamic.CheckResult {
    const inputs: Props = { ...news };
    const failures: Failure[] = [];
    try {
        const naming = resolveAutoName(olds ?? {}, inputs, "ModelPackageGroupName", "ModelPackageGroup");
        if (naming) {
            failures.push(naming);
        }
        const ignore = [...GROUP_OWN, "__provider"];
        failures.push(...ruleFailures("CreateModelPackageGroup", inputs));
        for (const issue of checkShape(settings, `ModelPackageGroup "${String(inputs.ModelPackageGroupName)}"`, "CreateModelPackageGroupInput", inputs, { isUnknown, ignoreMembers: ignore })) {
            failures.push(shapeIssueFailure(issue, GROUP_OWN.slice(0, 2)));
        }
        const flag = inputs.deleteVersionsOnDestroy;
        if (!isAbsent(flag) && !isUnknown(flag) && typeof flag !== "boolean") {
            failures.push(fail("deleteVersionsOnDestroy", "type", "expected a boolean", "use true or false (default false)"));
        }
        const region = regionFailure(inputs.region);
        if (region) {
            failures.push(region);
        }
    } catch (err) {
        failures.push(uncheckedFailure("ModelPackageGroup", "docs/MODEL-PACKAGE.md", err));
    }
    return { inputs, failures: withoutConstraints(failures) };
}

export function diffGroup(settings: ProviderSettings, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const replaces = GROUP_REPLACE.filter((m) => !sameValue(olds[m], news[m]));
    const newRegion = effectiveRegion(settings, news.region);
    if (typeof olds.region === "string" && newRegion !== undefined && olds.region !== newRegion) {
        replaces.push("region");
    }
    const tagsChanged = containsUnknown(news.Tags) || !sameValue(sortTags(olds.Tags as Tag[]) ?? [], sortTags(news.Tags as Tag[]) ?? []);
    const flagChanged = (olds.deleteVersionsOnDestroy === true) !== (news.deleteVersionsOnDestroy === true);
    const changes = replaces.length > 0 || tagsChanged || flagChanged || olds.__provider !== news.__provider;
    // Group names are unique: a replacement keeping its name must delete the old group first.
    const deleteBeforeReplace = replaces.length > 0 && news[AUTO_NAME_KEYS.autoNamed] !== true &&
        (isUnknown(news.ModelPackageGroupName) || news.ModelPackageGroupName === olds.ModelPackageGroupName);
    return { changes, replaces, deleteBeforeReplace };
}

async function describeGroup(client: SageMakerClient, name: string): Promise<DescribeModelPackageGroupOutput | undefined> {
    try {
        return await client.send(new (sdk().DescribeModelPackageGroupCommand)({ ModelPackageGroupName: name }));
    } catch (err) {
        if (isNotFound(err)) {
            return undefined;
        }
        throw describeAwsError(err, { resource: what(name), operation: "DescribeModelPackageGroup" });
    }
}

function groupOutputs(inputs: Props, d: DescribeModelPackageGroupOutput | undefined, region: string, arn?: string): Props {
    return stateOutputs(inputs, {
        arn: d?.ModelPackageGroupArn ?? arn,
        name: d?.ModelPackageGroupName ?? inputs.ModelPackageGroupName,
        status: d?.ModelPackageGroupStatus,
        creationTime: toPlain(d?.CreationTime),
        region,
    });
}

async function create(settings: ProviderSettings, inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    const name = String(inputs.ModelPackageGroupName);
    const client = createSageMakerClient(settings, ownRegion(inputs));
    const region = await clientRegion(client);
    let arn: string | undefined;
    const started = Date.now();
    try {
        arn = (await client.send(new (sdk().CreateModelPackageGroupCommand)(pick(inputs, GROUP_MEMBERS) as never))).ModelPackageGroupArn;
    } catch (err) {
        // The first attempt may have created the group: adopt it only when it was created during
        // this call and matches the inputs.
        const found = isLostCreate(err) ? await describeGroup(client, name) : undefined;
        const ours = found !== undefined && createdSince(found.CreationTime, started) &&
            (found.ModelPackageGroupDescription ?? "") === String(inputs.ModelPackageGroupDescription ?? "");
        if (!ours) {
            throw describeAwsError(err, { resource: what(name), operation: "CreateModelPackageGroup" });
        }
        arn = found.ModelPackageGroupArn;
    }
    let d: DescribeModelPackageGroupOutput | undefined;
    try {
        d = await describeGroup(client, name);
    } catch {
        // The group exists: a failed describe must not lose it; outputs fall back to what we know.
        d = undefined;
    }
    return { id: name, outs: groupOutputs(inputs, d, region, arn) };
}

async function read(settings: ProviderSettings, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult> {
    const old = props ?? {};
    const client = createSageMakerClient(settings, ownRegion(old));
    const d = await describeGroup(client, id);
    if (!d) {
        return {};
    }
    const inputs: Props = {};
    for (const [k, v] of Object.entries(old)) {
        if (!GROUP_COMPUTED.includes(k)) {
            inputs[k] = v;
        }
    }
    inputs.ModelPackageGroupName = d.ModelPackageGroupName ?? id;
    if (!isAbsent(d.ModelPackageGroupDescription) || !isAbsent(old.ModelPackageGroupDescription)) {
        inputs.ModelPackageGroupDescription = d.ModelPackageGroupDescription;
    }
    if (!isAbsent(old.ManagedConfiguration) || !isAbsent(d.ManagedConfiguration)) {
        inputs.ManagedConfiguration = toPlain(d.ManagedConfiguration);
    }
    const tags = await refreshedTags(client, d.ModelPackageGroupArn ?? String(old.arn), what(id), old.Tags);
    if (tags) {
        inputs.Tags = tags;
    }
    const refreshed = withoutUndefined(inputs);
    const region = typeof old.region === "string" ? old.region : await clientRegion(client);
    return { id, props: groupOutputs(refreshed, d, region), inputs: refreshed };
}

async function update(settings: ProviderSettings, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    const client = createSageMakerClient(settings, ownRegion(news));
    const region = await clientRegion(client);
    const arn = typeof olds.arn === "string" ? olds.arn : (await describeGroup(client, id))?.ModelPackageGroupArn;
    if (!arn) {
        throw goneError(what(id), region);
    }
    await applyTagChanges(client, arn, diffTags(olds.Tags as Tag[] | undefined, news.Tags as Tag[] | undefined), what(id));
    const d = await describeGroup(client, id);
    return { outs: groupOutputs(news, d, region, arn) };
}

/** Every version in the group (ListModelPackages pages through NextToken). */
export async function listVersions(client: SageMakerClient, group: string): Promise<string[]> {
    const arns: string[] = [];
    let NextToken: string | undefined;
    try {
        do {
            const page = await client.send(new (sdk().ListModelPackagesCommand)({ ModelPackageGroupName: group, NextToken, MaxResults: 100 }));
            arns.push(...(page.ModelPackageSummaryList ?? []).map((s) => s.ModelPackageArn).filter((a): a is string => !!a));
            NextToken = page.NextToken;
        } while (NextToken);
    } catch (err) {
        if (isNotFound(err)) {
            return [];
        }
        throw describeAwsError(err, { resource: what(group), operation: "ListModelPackages" });
    }
    return arns;
}

/**
 * A group that still holds versions is not deleted (they may be a pipeline's, outside this stack)
 * unless deleteVersionsOnDestroy opts in; then the versions go first.
 */
async function destroy(settings: ProviderSettings, id: string, props: Props): Promise<void> {
    const client = createSageMakerClient(settings, ownRegion(props));
    const versions = await listVersions(client, id);
    if (versions.length > 0 && props.deleteVersionsOnDestroy !== true) {
        const numbers = versions.map((a) => a.slice(a.lastIndexOf("/") + 1)).sort((x, y) => Number(x) - Number(y));
        const shown = numbers.slice(0, 5).join(", ");
        throw userError(`${what(id)} still holds ${versions.length} model package version(s) ` +
            `(${shown}${versions.length > 5 ? ", ..." : ""}), and SageMaker cannot delete a group that has versions. ` +
            "Fix: delete those versions first (versions created outside this stack, e.g. by a pipeline, are not deleted by Pulumi), " +
            "or set `deleteVersionsOnDestroy: true` on the ModelPackageGroup, run `pulumi up`, then destroy again to delete the versions with the group.");
    }
    for (const arn of versions) {
        try {
            await client.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        } catch (err) {
            if (!isNotFound(err)) {
                throw describeAwsError(err, { resource: `${what(id)} version ${arn.slice(arn.lastIndexOf("/") + 1)}`, operation: "DeleteModelPackage" });
            }
        }
    }
    try {
        await client.send(new (sdk().DeleteModelPackageGroupCommand)({ ModelPackageGroupName: id }));
    } catch (err) {
        if (!isNotFound(err)) {
            throw describeAwsError(err, { resource: what(id), operation: "DeleteModelPackageGroup" });
        }
    }
}

export const modelPackageGroupLifecycle: Lifecycle = {
    async check(settings, olds, news) {
        return checkGroup(olds ?? {}, news, settings);
    },
    async diff(settings, _id, olds, news) {
        return diffGroup(settings, olds, news);
    },
    create,
    read,
    update,
    delete: destroy,
};
