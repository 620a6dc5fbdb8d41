import type { DescribeModelPackageGroupOutput, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sdk } from "../aws/client";
import { describeAwsError, isNotFound, userError } from "../aws/errors";
import { ruleFailures } from "../rules/wording";
import type { CallContext, KindSpec, Props } from "../engine/kind";
import { booleanSetting, COMMON_SETTINGS } from "../engine/own-settings";
import { GROUP_MEMBERS } from "./members";

/**
 * The ModelPackageGroup, declared. There is no UpdateModelPackageGroup: every member but Tags
 * replaces the group. `deleteVersionsOnDestroy` is ours: it only steers `delete`, so changing it
 * is an update without an API call.
 */

const label = (name: unknown): string => `ModelPackageGroup "${String(name)}"`;

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
        throw describeAwsError(err, { resource: label(group), operation: "ListModelPackages" });
    }
    return arns;
}

/**
 * A group that still holds versions is not deleted (they may be a pipeline's, outside this stack)
 * unless deleteVersionsOnDestroy opts in; then the versions go first.
 */
async function deleteVersionsFirst(ctx: CallContext, id: string, props: Props): Promise<void> {
    const versions = await listVersions(ctx.client, id);
    if (versions.length > 0 && props.deleteVersionsOnDestroy !== true) {
        const numbers = versions.map((a) => a.slice(a.lastIndexOf("/") + 1)).sort((x, y) => Number(x) - Number(y));
        const shown = numbers.slice(0, 5).join(", ");
        throw userError(`${ctx.resource} still holds ${versions.length} model package version(s) ` +
            `(${shown}${versions.length > 5 ? ", ..." : ""}), and SageMaker cannot delete a group that has versions. ` +
            "Fix: delete those versions first (versions created outside this stack, e.g. by a pipeline, are not deleted by Pulumi), " +
            "or set `deleteVersionsOnDestroy: true` on the ModelPackageGroup, run `pulumi up`, then destroy again to delete the versions with the group.");
    }
    for (const arn of versions) {
        try {
            await ctx.client.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        } catch (err) {
            if (!isNotFound(err)) {
                throw describeAwsError(err, { resource: `${ctx.resource} version ${arn.slice(arn.lastIndexOf("/") + 1)}`, operation: "DeleteModelPackage" });
            }
        }
    }
}

export const modelPackageGroupSpec: KindSpec<DescribeModelPackageGroupOutput> = {
    kind: "ModelPackageGroup",
    doc: "docs/MODEL-PACKAGE.md",
    members: GROUP_MEMBERS,
    own: {
        ...COMMON_SETTINGS,
        deleteVersionsOnDestroy: { change: "update", validate: booleanSetting("deleteVersionsOnDestroy", "true or false (default false)") },
    },
    name: { member: "ModelPackageGroupName", generated: true },
    computedOutputs: ["arn", "name", "status", "creationTime", "region"],
    rules: (inputs) => ruleFailures("CreateModelPackageGroup", inputs),
    lostCreate: "by-name",
    api: {
        outputs: (d, inputs, fallback) => ({
            name: d?.ModelPackageGroupName ?? inputs.ModelPackageGroupName,
            status: d?.ModelPackageGroupStatus ?? fallback.status,
        }),
    },
    hooks: {
        beforeDelete: deleteVersionsFirst,
    },
};
