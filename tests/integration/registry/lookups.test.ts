// Issue 15 item 1: the registry lookups through the real SDK against the local endpoint. One test
// per filter, the calls each lookup makes (ListModelPackages pages, DescribeModelPackage), and
// pagination both with a small page size and at the API's real one (100) with more versions than a page.
import { strict as assert } from "assert";
import { DescribeModelPackageCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { getLatestModelPackageVersion, getModelPackageVersion, getModelPackageVersions } from "../../../provider/registry";
import { localClient } from "../../helpers/local-endpoint";
import { lookupFailure } from "../../helpers/registry";
import { callsMade, registerGroup, useRegistryEndpoint } from "./harness";

const ACCOUNT_ARN = "arn:aws:sagemaker:us-east-1:123456789012";
const arnOf = (group: string, version: number) => `${ACCOUNT_ARN}:model-package/${group.toLowerCase()}/${version}`;

describe("registry lookups against the local endpoint", function () {
    this.timeout(60_000);
    const t = useRegistryEndpoint({ packageFailures: [{ match: "^broken", reason: "image scan failed" }] });

    // churn: 1 Approved (prod), 2 Approved (staging), 3 PendingManualApproval, 4 Rejected,
    // 5 Approved but Failed, 6 Approved (prod) but Failed. Spaced so creation times differ.
    const CHURN = "churn";
    let created: Date[] = [];
    before(async () => {
        await registerGroup(t.client, CHURN, [
            { approval: "Approved", metadata: { stage: "prod", auc: "0.87" } },
            { approval: "Approved", metadata: { stage: "staging" } },
            { approval: "PendingManualApproval", metadata: { stage: "prod" } },
            { approval: "Rejected" },
            { approval: "Approved", description: "broken build" },
            { approval: "Approved", metadata: { stage: "prod" }, description: "broken again" },
        ], 5);
        created = [];
        for (let v = 1; v <= 6; v++) {
            created.push((await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arnOf(CHURN, v) }))).CreationTime!);
        }
    });
    beforeEach(() => t.endpoint.resetCounters());

    describe("getLatestModelPackageVersion", () => {
        it("by default: the newest Approved and Completed version, in one ListModelPackages and one DescribeModelPackage", async () => {
            const latest = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN });
            // 5 and 6 are Approved but Failed; 3 and 4 are not Approved.
            assert.deepEqual(latest, {
                arn: arnOf(CHURN, 2), groupName: CHURN, version: 2, approvalStatus: "Approved", status: "Completed",
                creationTime: created[1].toISOString(), region: "us-east-1", customerMetadata: { stage: "staging" },
            });
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 1, DescribeModelPackage: 1 });
        });

        it("ModelApprovalStatus: PendingManualApproval finds 3, Rejected finds 4 (server-side filter)", async () => {
            assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, ModelApprovalStatus: "PendingManualApproval" })).version, 3);
            assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, ModelApprovalStatus: "Rejected" })).version, 4);
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 2, DescribeModelPackage: 2 });
        });

        it("CreationTimeBefore: the newest approved version created before version 2 is 1", async () => {
            const v = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, CreationTimeBefore: created[1] });
            assert.equal(v.version, 1);
        });

        it("CreationTimeAfter (a Date or an ISO string): nothing approved and completed after version 2 was created", async () => {
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, CreationTimeAfter: created[1].toISOString() }));
            assert.equal(err.reason, "noMatch");
            // Approved: 1, 2, 5, 6; of those, created after 2: 5 and 6, both Failed: the status left nothing.
            assert.match(err.message, /CreationTimeAfter = /);
            assert.match(err.message, /of its 6 versions, 4 are Approved, 2 of those created in the window, none of those is Completed \(2 Failed\)/);
            const v = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, CreationTimeAfter: created[0], CreationTimeBefore: created[2] });
            assert.equal(v.version, 2);
        });

        it("ModelPackageStatus: Failed finds 6, Any finds 6, the default (Completed) skips both failed versions", async () => {
            assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, ModelPackageStatus: "Failed" })).version, 6);
            const any = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, ModelPackageStatus: "Any" });
            assert.equal(any.version, 6);
            assert.equal(any.status, "Failed");
        });

        it("CustomerMetadataProperties: stage = prod finds 1, describing each approved and completed candidate newest first (2, then 1)", async () => {
            const v = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, CustomerMetadataProperties: { stage: "prod" } });
            assert.equal(v.version, 1);
            assert.deepEqual(v.customerMetadata, { stage: "prod", auc: "0.87" });
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 1, DescribeModelPackage: 2 });
            // Every key must match.
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, CustomerMetadataProperties: { stage: "prod", auc: "0.91" } }));
            assert.equal(err.reason, "noMatch");
            assert.match(err.message, /none of those has all of the CustomerMetadataProperties asked for/);
            assert.match(err.message, /--customer-metadata-properties stage=prod,auc=0\.91/);
        });

        it("pages through ListModelPackages with the given page size until a match (pageSize 1: versions 6, 5, 4 is not Approved, 2)", async () => {
            const v = await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN, pageSize: 1 });
            assert.equal(v.version, 2);
            // Approved versions newest first: 6, 5 (Failed), 2 (match): three pages of one.
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 3, DescribeModelPackage: 1 });
        });

        it("sees an approval made out of band at the next call", async () => {
            await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arnOf(CHURN, 3), ModelApprovalStatus: "Approved" }));
            try {
                assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: CHURN })).version, 3);
            } finally {
                await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arnOf(CHURN, 3), ModelApprovalStatus: "PendingManualApproval" }));
            }
        });

        it("nothing approved: the error names the group and the filter, what the group holds, and how to approve", async () => {
            await registerGroup(t.client, "fraud", [{ approval: "PendingManualApproval" }, { approval: "Rejected" }, { approval: "PendingManualApproval" }]);
            t.endpoint.resetCounters();
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "fraud" }));
            assert.equal(err.reason, "noMatch");
            assert.equal(err.message, "getLatestModelPackageVersion: no version of model package group \"fraud\" in us-east-1 matches " +
                "ModelApprovalStatus = Approved, ModelPackageStatus = Completed: of its 3 versions, none is Approved " +
                "(2 PendingManualApproval, 1 Rejected). Fix: approve one in SageMaker Studio or with `aws sagemaker update-model-package " +
                `--model-package-arn ${arnOf("fraud", 3)} --model-approval-status Approved\` (the newest, version 3), or ask for another ModelApprovalStatus.`);
            // The search (1 page, filtered) and the explanation (1 page, unfiltered).
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 2 });
        });

        it("a group that does not exist, and one with no versions, are told apart", async () => {
            const missing = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "no-such-group" }));
            assert.equal(missing.reason, "groupNotFound");
            assert.match(missing.message, /^getLatestModelPackageVersion: model package group "no-such-group" in us-east-1 does not exist\. Fix: check ModelPackageGroupName/);
            await registerGroup(t.client, "empty", []);
            const empty = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "empty" }));
            assert.equal(empty.reason, "noMatch");
            assert.match(empty.message, /model package group "empty" in us-east-1 has no versions yet\. Fix: register one/);
        });
    });

    describe("getModelPackageVersion", () => {
        it("a version by number: one DescribeModelPackage, whatever its approval", async () => {
            const v = await getModelPackageVersion({ ModelPackageGroupName: CHURN, ModelPackageVersion: 3 });
            assert.equal(v.arn, arnOf(CHURN, 3));
            assert.equal(v.approvalStatus, "PendingManualApproval");
            assert.equal(v.status, "Completed");
            assert.deepEqual(v.customerMetadata, { stage: "prod" });
            assert.deepEqual(callsMade(t.endpoint), { DescribeModelPackage: 1 });
        });

        it("the group may be given by its ARN", async () => {
            const v = await getModelPackageVersion({ ModelPackageGroupName: `${ACCOUNT_ARN}:model-package-group/churn`, ModelPackageVersion: 4 });
            assert.equal(v.arn, arnOf(CHURN, 4));
            assert.equal(v.approvalStatus, "Rejected");
        });

        it("a version the group does not have: the error names the newest version", async () => {
            const err = await lookupFailure(getModelPackageVersion({ ModelPackageGroupName: CHURN, ModelPackageVersion: 7 }));
            assert.equal(err.reason, "versionNotFound");
            assert.match(err.message, /^getModelPackageVersion: version 7 of model package group "churn" in us-east-1 does not exist \(its newest version is 6;/);
            const noGroup = await lookupFailure(getModelPackageVersion({ ModelPackageGroupName: "no-such-group", ModelPackageVersion: 1 }));
            assert.equal(noGroup.reason, "groupNotFound");
        });
    });

    describe("getModelPackageVersions", () => {
        it("every version, newest first, with status, approval, creation time and ARN, from ListModelPackages alone", async () => {
            const all = await getModelPackageVersions({ ModelPackageGroupName: CHURN });
            assert.deepEqual(all.map((v) => [v.version, v.approvalStatus, v.status]), [
                [6, "Approved", "Failed"], [5, "Approved", "Failed"], [4, "Rejected", "Completed"],
                [3, "PendingManualApproval", "Completed"], [2, "Approved", "Completed"], [1, "Approved", "Completed"],
            ]);
            assert.deepEqual(all.map((v) => v.arn), [6, 5, 4, 3, 2, 1].map((n) => arnOf(CHURN, n)));
            assert.deepEqual(all.map((v) => v.creationTime), [...created].reverse().map((d) => d.toISOString()));
            assert.equal(all[0].description, "broken again");
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 1 });
        });

        it("each filter: approval, creation window, status, metadata (metadata costs one DescribeModelPackage per version)", async () => {
            const versions = async (args: Parameters<typeof getModelPackageVersions>[0]) => (await getModelPackageVersions(args)).map((v) => v.version);
            assert.deepEqual(await versions({ ModelPackageGroupName: CHURN, ModelApprovalStatus: "Approved" }), [6, 5, 2, 1]);
            assert.deepEqual(await versions({ ModelPackageGroupName: CHURN, CreationTimeAfter: created[1], CreationTimeBefore: created[4] }), [4, 3]);
            assert.deepEqual(await versions({ ModelPackageGroupName: CHURN, ModelPackageStatus: "Completed" }), [4, 3, 2, 1]);
            t.endpoint.resetCounters();
            assert.deepEqual(await versions({ ModelPackageGroupName: CHURN, CustomerMetadataProperties: { stage: "prod" } }), [6, 3, 1]);
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 1, DescribeModelPackage: 6 });
        });

        it("pageSize 4: six versions in two ListModelPackages", async () => {
            assert.equal((await getModelPackageVersions({ ModelPackageGroupName: CHURN, pageSize: 4 })).length, 6);
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 2 });
        });

        it("no match is an empty list for an existing group, an error for a missing one", async () => {
            assert.deepEqual(await getModelPackageVersions({ ModelPackageGroupName: CHURN, CustomerMetadataProperties: { stage: "dev" } }), []);
            const err = await lookupFailure(getModelPackageVersions({ ModelPackageGroupName: "no-such-group" }));
            assert.equal(err.reason, "groupNotFound");
        });
    });

    describe("more versions than one page, at the API's real page size (MaxResults 100)", () => {
        // 230 versions: 1 Approved and Completed; 2..230 Approved but Failed (so the latest-approved
        // search has to read every page); 230 = 100 + 100 + 30.
        const BIG = "big-group";
        before(async function () {
            this.timeout(120_000);
            await registerGroup(t.client, BIG, [
                { approval: "Approved" },
                ...Array.from({ length: 229 }, () => ({ approval: "Approved" as const, description: "broken nightly" })),
            ]);
        });

        it("getModelPackageVersions returns all 230, newest first, in 3 ListModelPackages", async () => {
            const all = await getModelPackageVersions({ ModelPackageGroupName: BIG });
            assert.deepEqual(all.map((v) => v.version), Array.from({ length: 230 }, (_, i) => 230 - i));
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 3 });
        });

        it("getLatestModelPackageVersion reads all 3 pages to find version 1", async () => {
            const latest = await getLatestModelPackageVersion({ ModelPackageGroupName: BIG });
            assert.equal(latest.version, 1);
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 3, DescribeModelPackage: 1 });
        });
    });

    describe("where the lookups read", () => {
        it("the region argument overrides the stack's aws:region", async () => {
            const west = localClient(t.endpoint, { region: "eu-west-1" });
            try {
                await registerGroup(west, "west-only", [{ approval: "Approved" }]);
            } finally {
                west.destroy();
            }
            const found = await getLatestModelPackageVersion({ ModelPackageGroupName: "west-only", region: "eu-west-1" });
            assert.equal(found.region, "eu-west-1");
            assert.equal(found.arn, "arn:aws:sagemaker:eu-west-1:123456789012:model-package/west-only/1");
            const inStackRegion = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "west-only" }));
            assert.equal(inStackRegion.reason, "groupNotFound");
            assert.match(inStackRegion.message, /"west-only" in us-east-1 does not exist/);
        });

        it("opts.settings replace the stack config (here: an endpoint with nothing listening)", async () => {
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: CHURN },
                { settings: { endpoint: "http://127.0.0.1:9", region: "us-east-1", maxAttempts: 1 } }));
            assert.equal(err.reason, "sageMaker");
            assert.match(err.message, /SageMaker ListModelPackages failed: ECONNREFUSED/);
            assert.match(err.message, /could not be reached: check the region, `sagemaker:endpoint`/);
        });
    });

    // Issue 22 item 5: the lifecycle stage (ModelLifeCycle, returned by ListModelPackages and DescribeModelPackage).
    describe("ModelLifeCycle filter", () => {
        const TIERS = "tiers";
        before(async () => {
            await registerGroup(t.client, TIERS, [{ approval: "Approved" }, { approval: "Approved" }, { approval: "Approved" }], 5);
            await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arnOf(TIERS, 1), ModelLifeCycle: { Stage: "Production", StageStatus: "Approved" } }));
            await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arnOf(TIERS, 2), ModelLifeCycle: { Stage: "Production", StageStatus: "PendingApproval" } }));
            await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arnOf(TIERS, 3), ModelLifeCycle: { Stage: "Staging", StageStatus: "Approved" } }));
        });

        it("Stage and StageStatus: the newest Approved version in Production with stage status Approved is 1", async () => {
            const v = await getLatestModelPackageVersion({ ModelPackageGroupName: TIERS, ModelLifeCycle: { Stage: "Production", StageStatus: "Approved" } });
            assert.equal(v.version, 1);
            assert.deepEqual(v.lifeCycle, { stage: "Production", stageStatus: "Approved" });
            assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: TIERS, ModelLifeCycle: { Stage: "Production" } })).version, 2);
            assert.equal((await getLatestModelPackageVersion({ ModelPackageGroupName: TIERS, ModelLifeCycle: { StageStatus: "Approved" } })).version, 3);
        });

        it("the listing filters by stage from ListModelPackages alone (no DescribeModelPackage)", async () => {
            const staged = await getModelPackageVersions({ ModelPackageGroupName: TIERS, ModelLifeCycle: { Stage: "Production" } });
            assert.deepEqual(staged.map((v) => v.version), [2, 1]);
            assert.deepEqual(callsMade(t.endpoint), { ListModelPackages: 1 });
        });

        it("a filter that is not one is refused before any call", async () => {
            for (const bad of [{}, { Stage: "" }, { Tier: "Production" }, "Production"]) {
                const failure = await lookupFailure(getModelPackageVersions({ ModelPackageGroupName: TIERS, ModelLifeCycle: bad as never }));
                assert.match(failure.message, /ModelLifeCycle/, JSON.stringify(bad));
            }
            assert.deepEqual(callsMade(t.endpoint), {});
        });
    });
});
