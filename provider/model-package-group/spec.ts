import type { DescribeModelPackageGroupOutput } from "../common/sdk-shapes";
import { sdk } from "../aws/client";
import { isNotFound, userError } from "../aws/errors";
import { ruleFailures } from "../rules/wording";
import { booleanSetting, COMMON_SETTINGS, type KindContext, type KindSpec, type Props } from "../engine/kind";
import { GROUP_MEMBERS } from "./members";
import { nameOf, versionOf } from "../identity/names";

/**
 * The ModelPackageGroup, declared. There is no UpdateModelPackageGroup: every member but Tags
 * replaces the group. `deleteVersionsOnDestroy` is ours: it only steers `delete`, so changing it
 * is an update without an API call.
 */

/** Every version in the group (ListModelPackages pages through NextToken); none when the group is gone. */
async function listVersions(ctx: KindContext, group: string): Promise<string[]> {
    const { ListModelPackagesCommand } = sdk();
    const arns: string[] = [];
    let NextToken: string | undefined;
    try {
        do {
            const page = await ctx.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, NextToken, MaxResults: 100 }));
            arns.push(...(page.ModelPackageSummaryList ?? []).map((s) => s.ModelPackageArn).filter((a): a is string => !!a));
            NextToken = page.NextToken;
        } while (NextToken);
    } catch (err) {
        if (isNotFound(err)) {
            return [];
        }
        throw ctx.failure(err, "ListModelPackages");
    }
    return arns;
}

/**
 * A group that still holds versions is not deleted (they may be a pipeline's, outside this stack)
 * unless deleteVersionsOnDestroy opts in; then the versions go first.
 */
async function deleteVersionsFirst(ctx: KindContext, id: string, props: Props): Promise<void> {
    const versions = await listVersions(ctx, id);
    if (versions.length > 0 && props.deleteVersionsOnDestroy !== true) {
        const numbers = versions.map((a) => versionOf(a) ?? nameOf(a)).sort((x, y) => Number(x) - Number(y));
        const shown = numbers.slice(0, 5).join(", ");
        throw userError(`${ctx.resource} still holds ${versions.length} model package version(s) ` +
            `(${shown}${versions.length > 5 ? ", ..." : ""}), and SageMaker cannot delete a group that has versions. ` +
            "Fix: delete those versions first (versions created outside this stack, e.g. by a pipeline, are not deleted by Pulumi), " +
            "or set `deleteVersionsOnDestroy: true` on the ModelPackageGroup, run `pulumi up`, then destroy again to delete the versions with the group.");
    }
    for (const arn of versions) {
        try {
            await ctx.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        } catch (err) {
            if (!isNotFound(err)) {
                throw ctx.failure(err, "DeleteModelPackage", `${ctx.resource} version ${versionOf(arn) ?? nameOf(arn)}`);
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
    lostCreate: { by: "name" },
    api: {
        commands: (sm) => ({ create: sm.CreateModelPackageGroupCommand, describe: sm.DescribeModelPackageGroupCommand, delete: sm.DeleteModelPackageGroupCommand }),
        outputs: (d, inputs, fallback) => ({
            name: d?.ModelPackageGroupName ?? inputs.ModelPackageGroupName,
            status: d?.ModelPackageGroupStatus ?? fallback.status,
        }),
    },
    hooks: {
        beforeDelete: deleteVersionsFirst,
    },
};
