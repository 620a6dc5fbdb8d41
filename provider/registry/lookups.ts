// The registry lookups, promise form. They run in the program's process (not in a provider), at
// preview and at up alike, so what they find is known when the engine plans.
import type { DescribeModelPackageOutput, ModelPackageSummary } from "../common/sdk-shapes";
import { parseVersionNumber, parseVersionQuery, type VersionQuery } from "./args";
import { noMatchError, versionNotFoundError } from "./explain";
import { LookupSession } from "./session";
import type {
    GetLatestModelPackageVersionArgs, GetModelPackageVersionArgs, GetModelPackageVersionsArgs, LookupOptions,
    ModelPackageVersionDetails, ModelPackageVersionSummary,
} from "./types";

/**
 * The newest version of a group that passes the filters; by default the newest **Approved** and
 * **Completed** one. Calls: ListModelPackages pages (newest first, 100 a page, ModelApprovalStatus
 * and creation times filtered server-side) until a match, usually one, plus one DescribeModelPackage
 * per candidate examined (one without a CustomerMetadataProperties filter).
 */
export async function getLatestModelPackageVersion(args: GetLatestModelPackageVersionArgs, opts?: LookupOptions): Promise<ModelPackageVersionDetails> {
    const { target, query } = parseVersionQuery("getLatestModelPackageVersion", args, { approval: "Approved", status: "Completed" });
    const session = await LookupSession.open("getLatestModelPackageVersion", target, opts);
    for await (const page of session.pages(query.request, query.pageSize)) {
        for (const candidate of page.filter((s) => statusMatches(query, s))) {
            const described = await session.describe(candidate.ModelPackageArn!);
            // Judged on Describe's fresher answer too: an approval can change between the two calls.
            if (described && approvalMatches(query, described) && statusMatches(query, described) && metadataMatches(query, described)) {
                return session.details(described);
            }
        }
    }
    throw await noMatchError(session, query);
}

/** One version by its number: one DescribeModelPackage of `<group>/<version>`. */
export async function getModelPackageVersion(args: GetModelPackageVersionArgs, opts?: LookupOptions): Promise<ModelPackageVersionDetails> {
    const { target, version } = parseVersionNumber("getModelPackageVersion", args);
    const session = await LookupSession.open("getModelPackageVersion", target, opts);
    const described = await session.describe(`${target.groupName}/${version}`);
    if (!described) {
        throw await versionNotFoundError(session, version);
    }
    return session.details(described);
}

/**
 * A group's versions that pass the filters (none by default), newest first. Calls: ceil(N / 100)
 * ListModelPackages for N versions passing the server-side filters, plus one DescribeModelPackage per
 * version when CustomerMetadataProperties is given, plus one DescribeModelPackageGroup when nothing
 * matched (a missing group is an error; an empty answer is not).
 */
export async function getModelPackageVersions(args: GetModelPackageVersionsArgs, opts?: LookupOptions): Promise<ModelPackageVersionSummary[]> {
    const { target, query } = parseVersionQuery("getModelPackageVersions", args, { status: "Any" });
    const session = await LookupSession.open("getModelPackageVersions", target, opts);
    const found: ModelPackageVersionSummary[] = [];
    for await (const page of session.pages(query.request, query.pageSize)) {
        for (const summary of page.filter((s) => statusMatches(query, s))) {
            if (query.metadata && !metadataMatches(query, await session.describe(summary.ModelPackageArn!))) {
                continue;
            }
            found.push(session.summary(summary));
        }
    }
    if (found.length === 0 && !(await session.groupExists())) {
        throw session.groupNotFound();
    }
    return found;
}

function approvalMatches(query: VersionQuery, v: DescribeModelPackageOutput): boolean {
    return !query.request.ModelApprovalStatus || v.ModelApprovalStatus === query.request.ModelApprovalStatus;
}

function statusMatches(query: VersionQuery, v: Pick<ModelPackageSummary, "ModelPackageStatus" | "ModelLifeCycle">): boolean {
    const stage = query.lifeCycle;
    return (!query.status || v.ModelPackageStatus === query.status)
        && (!stage || ((stage.Stage === undefined || v.ModelLifeCycle?.Stage === stage.Stage)
            && (stage.StageStatus === undefined || v.ModelLifeCycle?.StageStatus === stage.StageStatus)));
}

function metadataMatches(query: VersionQuery, v: DescribeModelPackageOutput | undefined): boolean {
    const have = v?.CustomerMetadataProperties ?? {};
    return Object.entries(query.metadata ?? {}).every(([k, value]) => have[k] === value);
}
