// Why a lookup found nothing, in words a user can act on: which filter left no version, what the
// group holds instead, and what to do. Only runs on the error path (its calls are counted there).
import type { ModelPackageSummary } from "../common/sdk-shapes";
import type { VersionQuery } from "./args";
import { RegistryLookupError } from "./errors";
import type { LookupSession } from "./session";

/** The query as the message names it: `ModelApprovalStatus = Approved, ModelPackageStatus = Completed`. */
export function describeQuery(query: VersionQuery): string {
    const parts: string[] = [];
    const r = query.request;
    if (r.ModelApprovalStatus) parts.push(`ModelApprovalStatus = ${r.ModelApprovalStatus}`);
    if (r.CreationTimeAfter) parts.push(`CreationTimeAfter = ${r.CreationTimeAfter.toISOString()}`);
    if (r.CreationTimeBefore) parts.push(`CreationTimeBefore = ${r.CreationTimeBefore.toISOString()}`);
    if (query.status) parts.push(`ModelPackageStatus = ${query.status}`);
    for (const [k, v] of Object.entries(query.metadata ?? {})) parts.push(`CustomerMetadataProperties.${k} = ${JSON.stringify(v)}`);
    return parts.length ? parts.join(", ") : "no filter";
}

/** `2 PendingManualApproval, 1 Rejected`: how many versions have each value. */
function tally(versions: ModelPackageSummary[], value: (s: ModelPackageSummary) => string | undefined): string {
    const counts = new Map<string, number>();
    for (const v of versions) {
        const key = value(v) ?? "none";
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(", ");
}

const versions = (n: number) => `${n} version${n === 1 ? "" : "s"}`;

/**
 * The error for "no version matches": lists the group once more without filters (ceil(N / page size)
 * ListModelPackages, plus one DescribeModelPackageGroup when the group holds no version at all) and
 * walks the filters in the order the lookup applies them until one leaves nothing.
 */
export async function noMatchError(session: LookupSession, query: VersionQuery): Promise<RegistryLookupError> {
    const all = await session.allVersions(query.pageSize);
    if (all.length === 0) {
        if (!(await session.groupExists())) {
            return session.groupNotFound();
        }
        return new RegistryLookupError(session.lookup, "noMatch", `${session.group} has no versions yet. Fix: register one ` +
            `(CreateModelPackage with ModelPackageGroupName "${session.target.groupName}", as a training pipeline does), then run again.`);
    }
    const head = `no version of ${session.group} matches ${describeQuery(query)}: of its ${versions(all.length)}`;
    const fail = (funnel: string, fix: string) => new RegistryLookupError(session.lookup, "noMatch", `${head}${funnel}. Fix: ${fix}.`);
    const { request } = query;
    let left = all;
    let funnel = "";

    if (request.ModelApprovalStatus) {
        const wanted = request.ModelApprovalStatus;
        const kept = left.filter((v) => (v.ModelApprovalStatus ?? "PendingManualApproval") === wanted);
        if (kept.length === 0) {
            const newest = all[0];
            const approve = wanted === "Approved"
                ? `approve one in SageMaker Studio or with \`aws sagemaker update-model-package --model-package-arn ${newest.ModelPackageArn} ` +
                  `--model-approval-status Approved\` (the newest, version ${newest.ModelPackageVersion}), or ask for another ModelApprovalStatus`
                : `set a version's approval to ${wanted}, or ask for another ModelApprovalStatus`;
            return fail(`, none is ${wanted} (${tally(left, (v) => v.ModelApprovalStatus ?? "PendingManualApproval")})`, approve);
        }
        funnel += `, ${kept.length} ${kept.length === 1 ? "is" : "are"} ${wanted}`;
        left = kept;
    }
    const after = request.CreationTimeAfter?.getTime();
    const before = request.CreationTimeBefore?.getTime();
    if (after !== undefined || before !== undefined) {
        const created = (v: ModelPackageSummary) => v.CreationTime?.getTime() ?? 0;
        const kept = left.filter((v) => (after === undefined || created(v) > after) && (before === undefined || created(v) < before));
        if (kept.length === 0) {
            const newest = left[0];
            return fail(`${funnel}, none of ${funnel ? "those" : "them"} was created in the window`,
                `widen CreationTimeAfter / CreationTimeBefore (the newest candidate, version ${newest.ModelPackageVersion}, ` +
                `was created at ${newest.CreationTime?.toISOString()}), or leave them out`);
        }
        funnel += `, ${kept.length} of ${funnel ? "those" : "them"} created in the window`;
        left = kept;
    }
    if (query.status) {
        const wanted = query.status;
        const kept = left.filter((v) => v.ModelPackageStatus === wanted);
        if (kept.length === 0) {
            const validating = left.some((v) => v.ModelPackageStatus === "Pending" || v.ModelPackageStatus === "InProgress");
            return fail(`${funnel}, none of ${funnel ? "those" : "them"} is ${wanted} (${tally(left, (v) => v.ModelPackageStatus)})`,
                (validating ? "wait until SageMaker has validated the version (Pending and InProgress end Completed or Failed) and run again" :
                    "register a new version (the reason a version Failed is in its ModelPackageStatusDetails)") +
                `, or set ModelPackageStatus to the status you want ("Any" for every one)`);
        }
        funnel += `, ${kept.length} of ${funnel ? "those" : "them"} ${wanted}`;
        left = kept;
    }
    if (query.metadata) {
        const pairs = Object.entries(query.metadata).map(([k, v]) => `${k}=${v}`).join(",");
        return fail(`${funnel}, and none of ${funnel ? "those" : "them"} has all of the CustomerMetadataProperties asked for`,
            `set them on the version to serve (\`aws sagemaker update-model-package --model-package-arn ${left[0].ModelPackageArn} ` +
            `--customer-metadata-properties ${pairs}\`), or relax CustomerMetadataProperties`);
    }
    // Every filter still holds for some version: one appeared between the search and this listing.
    return fail(`${funnel}: a matching version appeared while looking`, "run again");
}

/**
 * The error for a version number the group does not have: names the newest version (one more
 * ListModelPackages of one item), or says the group is empty or missing.
 */
export async function versionNotFoundError(session: LookupSession, version: number): Promise<RegistryLookupError> {
    let newest: ModelPackageSummary | undefined;
    for await (const page of session.pages({ ModelPackageGroupName: session.target.group, SortBy: "CreationTime", SortOrder: "Descending" }, 1)) {
        newest = page[0];
        break;
    }
    if (!newest && !(await session.groupExists())) {
        return session.groupNotFound();
    }
    const holds = newest ? `its newest version is ${newest.ModelPackageVersion}` : "it has no versions yet";
    return new RegistryLookupError(session.lookup, "versionNotFound", `version ${version} of ${session.group} does not exist (${holds}; ` +
        `versions are numbered from 1 in the order they are registered, and a deleted one leaves a gap). ` +
        `Fix: use an existing ModelPackageVersion (getModelPackageVersions lists them).`);
}
