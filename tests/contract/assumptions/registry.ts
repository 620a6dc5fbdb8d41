// What the lifecycle-stage members and the registry lookups (provider/registry) rely on: a version
// found by <group>/<version> and by ARN (with IncludedData MetadataOnly, as the lookups send it),
// every ListModelPackages filter they use, the sort order, paging, and the summaries' members.
import {
    DescribeModelPackageCommand, DescribeModelPackageGroupCommand, ListModelPackagesCommand, UpdateModelPackageCommand, type ListModelPackagesCommandInput,
    type ModelLifeCycle, type ModelPackageSummary,
} from "@aws-sdk/client-sagemaker";
import type { Assumption, Context } from "../assumption";
import { expect, relevant, show } from "../calls";
import { allPages } from "../ledger";

const stage = (m: ModelLifeCycle | undefined) => show(m ?? null);
const sameStage = (a: ModelLifeCycle | undefined, b: ModelLifeCycle) =>
    a?.Stage === b.Stage && a?.StageStatus === b.StageStatus && a?.StageDescription === b.StageDescription;

/** Every page of ListModelPackages for the request, each page as returned. */
async function pages(x: Context, request: ListModelPackagesCommandInput): Promise<ModelPackageSummary[][]> {
    const out: ModelPackageSummary[][] = [];
    await allPages((NextToken) => x.calls.send(new ListModelPackagesCommand({ ...request, NextToken })),
        (p) => (out.push(p.ModelPackageSummaryList ?? []), []));
    return out;
}

/**
 * A group's versions (group: its name or ARN) as a filtered list returns them; counted within the
 * group client-side, so only C31 depends on the group filter itself.
 */
async function listed(x: Context, group: string, filters: Omit<ListModelPackagesCommandInput, "ModelPackageGroupName"> = {}): Promise<string[]> {
    const name = group.slice(group.lastIndexOf("/") + 1).toLowerCase();
    return (await pages(x, { ModelPackageGroupName: group, ...filters })).flat()
        .filter((v) => v.ModelPackageGroupName?.toLowerCase() === name).map((v) => v.ModelPackageArn ?? "");
}

/** A group with three versions created timeGapMs apart, their ARNs and creation times (as DescribeModelPackage returns them). */
async function threeVersions(x: Context, approvals: ("Approved" | "Rejected" | "PendingManualApproval")[] = ["Approved", "Approved", "Approved"]) {
    const { name } = await x.group("group");
    const arns: string[] = [];
    const times: number[] = [];
    for (const approval of approvals) {
        if (arns.length) await x.sleep(x.timing.timeGapMs);
        const arn = await x.version(name, { ModelApprovalStatus: approval });
        arns.push(arn);
        times.push((await x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).CreationTime?.getTime() ?? NaN);
    }
    expect(times[0] < times[1] && times[1] < times[2], `versions created ${x.timing.timeGapMs} ms apart have CreationTime ${show(times.map((t) => new Date(t)))}`);
    return { name, arns, times };
}

const between = (a: number, b: number) => new Date((a + b) / 2);

export const lifecycleAssumptions: Assumption[] = [
    {
        id: "C27", says: "CreateModelPackage's ModelLifeCycle (Stage, StageStatus, StageDescription) is returned by DescribeModelPackage as given",
        async run(x) {
            const given = { Stage: "Development", StageStatus: "InProgress", StageDescription: "contract suite" };
            const arn = await x.version((await x.group("group")).name, { ModelLifeCycle: given });
            const d = await x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
            expect(sameStage(d.ModelLifeCycle, given), `created with ModelLifeCycle ${stage(given)}: DescribeModelPackage returned ${stage(d.ModelLifeCycle)}`, relevant(x.calls.last, "ModelLifeCycle"));
        },
    },
    {
        id: "C28", says: "UpdateModelPackage's ModelLifeCycle replaces the stored one (Stage, StageStatus, StageDescription)",
        async run(x) {
            const arn = await x.version((await x.group("group")).name, { ModelLifeCycle: { Stage: "Development", StageStatus: "InProgress", StageDescription: "first" } });
            const next = { Stage: "Staging", StageStatus: "Approved", StageDescription: "promoted" };
            await x.calls.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelLifeCycle: next }));
            const d = await x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
            expect(sameStage(d.ModelLifeCycle, next), `after UpdateModelPackage ModelLifeCycle ${stage(next)}: DescribeModelPackage returned ${stage(d.ModelLifeCycle)}`, relevant(x.calls.last, "ModelLifeCycle"));
        },
    },
];

export const registryAssumptions: Assumption[] = [
    ...([
        ["<group>/<version>", (group: string, arn: string) => `${group}/${arn.split("/").pop()}`],
        ["its ARN", (_group: string, arn: string) => arn],
    ] as const).map(([form, ref], i): Assumption => ({
        id: ["C29", "C30"][i],
        says: `DescribeModelPackage with IncludedData MetadataOnly finds a version by ${form} (getModelPackageVersion, the lookups' details)`,
        async run(x) {
            const { name } = await x.group("group");
            await x.version(name);
            const second = await x.version(name);
            const d = await x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: ref(name, second), IncludedData: "MetadataOnly" }));
            expect(d.ModelPackageArn === second && d.ModelPackageGroupName?.toLowerCase() === name.toLowerCase(),
                `asked for ${ref(name, second)}: DescribeModelPackage returned ModelPackageArn ${show(d.ModelPackageArn)}, ModelPackageGroupName ${show(d.ModelPackageGroupName)}`, relevant(x.calls.last, "ModelPackageArn", "ModelPackageGroupName", "ModelPackageVersion"));
        },
    })),
    {
        id: "C31", says: "ListModelPackages with ModelPackageGroupName returns that group's versions only (no other group's, no unversioned package)",
        async run(x) {
            const { name } = await x.group("group");
            const mine = [await x.version(name), await x.version(name)];
            await x.version((await x.group("other")).name);
            await x.createPackage({ ModelPackageName: x.name("unversioned"), InferenceSpecification: x.spec() });
            const got = (await pages(x, { ModelPackageGroupName: name })).flat();
            const arns = got.map((v) => v.ModelPackageArn);
            expect(arns.length === 2 && mine.every((a) => arns.includes(a)), `ListModelPackages of ${name} returned ${show(got.map((v) => ({ arn: v.ModelPackageArn, group: v.ModelPackageGroupName })))}`, relevant(x.calls.last, "ModelPackageArn", "ModelPackageGroupName"));
        },
    },
    {
        id: "C32", says: "ListModelPackages' ModelApprovalStatus returns only the versions with that approval",
        async run(x) {
            const { name } = await x.group("group");
            const [approved, rejected] = [await x.version(name, { ModelApprovalStatus: "Approved" }), await x.version(name, { ModelApprovalStatus: "Rejected" })];
            await x.version(name, { ModelApprovalStatus: "PendingManualApproval" });
            for (const [status, want] of [["Approved", approved], ["Rejected", rejected]] as const) {
                const got = await listed(x, name, { ModelApprovalStatus: status });
                expect(got.length === 1 && got[0] === want, `ModelApprovalStatus ${status}: ListModelPackages returned ${show(got)}, expected [${want}]`, relevant(x.calls.last, "ModelPackageArn", "ModelApprovalStatus"));
            }
        },
    },
    {
        id: "C33", says: "ListModelPackages' CreationTimeAfter returns only the versions created after that time",
        async run(x) {
            const { name, arns, times } = await threeVersions(x);
            const after = between(times[0], times[1]);
            const got = await listed(x, name, { CreationTimeAfter: after });
            expect(got.length === 2 && got.includes(arns[1]) && got.includes(arns[2]), `CreationTimeAfter ${after.toISOString()}: ListModelPackages returned ${show(got)}, expected versions 2 and 3`, relevant(x.calls.last, "ModelPackageArn", "CreationTime"));
        },
    },
    {
        id: "C34", says: "ListModelPackages' CreationTimeBefore returns only the versions created before that time",
        async run(x) {
            const { name, arns, times } = await threeVersions(x);
            const before = between(times[1], times[2]);
            const got = await listed(x, name, { CreationTimeBefore: before });
            expect(got.length === 2 && got.includes(arns[0]) && got.includes(arns[1]), `CreationTimeBefore ${before.toISOString()}: ListModelPackages returned ${show(got)}, expected versions 1 and 2`, relevant(x.calls.last, "ModelPackageArn", "CreationTime"));
        },
    },
    {
        id: "C35", says: "ListModelPackages with SortBy CreationTime and SortOrder Descending lists the newest version first",
        async run(x) {
            const { name, arns } = await threeVersions(x);
            const got = await listed(x, name, { SortBy: "CreationTime", SortOrder: "Descending" });
            expect(show(got) === show([...arns].reverse()), `SortBy CreationTime, SortOrder Descending: ListModelPackages returned ${show(got)}, expected versions 3, 2, 1`, relevant(x.calls.last, "ModelPackageArn", "CreationTime"));
        },
    },
    {
        id: "C36", says: "ListModelPackages pages with MaxResults and NextToken: pages of at most MaxResults, every version once, in the order of one unpaged list",
        async run(x) {
            const { name } = await threeVersions(x);
            const request: ListModelPackagesCommandInput = { ModelPackageGroupName: name, SortBy: "CreationTime", SortOrder: "Descending" };
            // Compared within the group (client-side), so only C31 depends on the group filter.
            const ours = (v: ModelPackageSummary) => v.ModelPackageGroupName?.toLowerCase() === name.toLowerCase();
            const paged = (await pages(x, { ...request, MaxResults: 2 })).map((p) => p.map((v) => (ours(v) ? v.ModelPackageArn : "(other group)")));
            const whole = (await pages(x, { ...request, MaxResults: 100 })).flat().filter(ours).map((v) => v.ModelPackageArn);
            expect(paged.length >= 2 && paged.every((p) => p.length <= 2) && show(paged.flat().filter((a) => a !== "(other group)")) === show(whole),
                `MaxResults 2: pages ${show(paged)}; MaxResults 100: ${show(whole)}`, relevant(x.calls.last, "ModelPackageArn"));
        },
    },
    {
        id: "C37", says: "ListModelPackages summaries carry each version's ARN, group, version number, approval, status and CreationTime",
        async run(x) {
            const { name } = await x.group("group");
            const arn = await x.version(name, { ModelApprovalStatus: "Approved" });
            const got = (await pages(x, { ModelPackageGroupName: name })).flat().find((v) => v.ModelPackageArn === arn);
            expect(got && got.ModelPackageGroupName?.toLowerCase() === name.toLowerCase() && got.ModelPackageVersion === 1 && got.ModelApprovalStatus === "Approved" &&
                typeof got.ModelPackageStatus === "string" && got.CreationTime instanceof Date, `the summary of ${arn}: ${show(got ?? null)}`, x.calls.last);
        },
    },
    // ModelPackageGroupName is an ArnOrName in ListModelPackagesInput and DescribeModelPackageGroupInput (API model).
    {
        id: "C38", says: "ListModelPackages takes the group's ARN as ModelPackageGroupName, as it takes its name (a lookup's group given as an ARN)",
        async run(x) {
            const { name, arn } = await x.group("group");
            const version = await x.version(name);
            const got = await listed(x, arn);
            expect(got.length === 1 && got[0] === version, `ListModelPackages of ${arn} returned ${show(got)}, expected [${version}]`, relevant(x.calls.last, "ModelPackageArn", "ModelPackageGroupName"));
        },
    },
    {
        id: "C39", says: "DescribeModelPackageGroup takes the group's ARN as ModelPackageGroupName (a lookup that explains an empty answer)",
        async run(x) {
            const { name, arn } = await x.group("group");
            const d = await x.calls.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: arn }));
            expect(d.ModelPackageGroupArn === arn && d.ModelPackageGroupName === name, `DescribeModelPackageGroup of ${arn} returned ${show(d)}`, x.calls.last);
        },
    },
];
