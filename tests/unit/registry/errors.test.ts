// The registry lookups' error paths against a mocked SDK: bad arguments (rejected before any call),
// SageMaker's refusals, the "nothing matched" explanations a live endpoint rarely produces
// (versions still validating, a version approved between two calls), and the stack config.
import { strict as assert } from "assert";
import * as util from "util";
import * as pulumi from "@pulumi/pulumi";
import { mockClient } from "aws-sdk-client-mock";
import {
    DescribeModelPackageCommand, DescribeModelPackageGroupCommand, ListModelPackagesCommand, type ModelPackageSummary, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import {
    getLatestModelPackageVersion, getModelPackageVersion, getModelPackageVersions, RegistryLookupError,
} from "../../../provider/registry";
import { withEnv } from "../../helpers/env";
import { awsError } from "../../helpers/errors";
import { lookupFailure } from "../../helpers/registry";

const settings = { region: "us-east-1", maxAttempts: 1 };
const opts = { settings };
const GROUP_ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn";

function summary(version: number, extra: Partial<ModelPackageSummary> = {}): ModelPackageSummary {
    return {
        ModelPackageName: "churn", ModelPackageGroupName: "churn", ModelPackageVersion: version, ModelPackageArn: `${GROUP_ARN}/${version}`,
        CreationTime: new Date(Date.UTC(2025, 0, version)), ModelPackageStatus: "Completed", ModelApprovalStatus: "Approved", ...extra,
    };
}

describe("registry lookups: error paths (mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("is a pulumi.RunError, so the CLI prints its message without a stack trace", async () => {
        sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
        sm.on(DescribeModelPackageGroupCommand).rejects(awsError("ValidationException", "ModelPackageGroup churn does not exist."));
        const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts));
        assert.ok(pulumi.RunError.isInstance(err));
    });

    it("inspects as its message alone, even carrying the runtime's promise (Pulumi's runner inspects every uncaught error)", () => {
        const err = new RegistryLookupError("getModelPackageVersion", "versionNotFound", "version 7 of model package group \"churn\" does not exist.");
        // What @pulumi/pulumi's debuggablePromise attaches when the error rejects a resource's input.
        Object.assign(err, { promise: Promise.reject(err).catch(() => undefined) });
        assert.equal(util.inspect(err, { colors: true }), "RegistryLookupError: getModelPackageVersion: version 7 of model package group \"churn\" does not exist.");
    });

    describe("arguments are checked before any call, every problem at once", () => {
        const cases: [string, unknown, RegExp[]][] = [
            ["no group", {}, [/ModelPackageGroupName: is required but missing \(constraint: required\)/]],
            ["a group name the API's pattern rejects", { ModelPackageGroupName: "churn_v2" }, [/ModelPackageGroupName: does not match the pattern .* \(constraint: pattern\)\. Fix: use the group's name \(letters, digits and hyphens, at most 63\) or its ARN/]],
            ["a misspelt filter", { ModelPackageGroupName: "churn", ModelApprovalstatus: "Approved" },
                [/ModelApprovalstatus: is not an argument of this lookup \(allowed: ModelPackageGroupName, region, ModelApprovalStatus, /]],
            ["an approval the API does not have", { ModelPackageGroupName: "churn", ModelApprovalStatus: "approved" },
                [/ModelApprovalStatus: "approved" is not a ModelApprovalStatus value; did you mean Approved\? allowed: Approved, Rejected, PendingManualApproval .*\(constraint: enum\)/]],
            ["a page size above the API's maximum", { ModelPackageGroupName: "churn", pageSize: 101 }, [/pageSize: 101 is not a ListModelPackages page size \(constraint: range\)\. Fix: use a whole number from 1 to 100 \(the API's MaxResults range\), or leave it out for 100\./]],
            ["a page size that is not a whole number", { ModelPackageGroupName: "churn", pageSize: 2.5 }, [/pageSize: 2\.5 is not a ListModelPackages page size/]],
            ["a page size of 0", { ModelPackageGroupName: "churn", pageSize: 0 }, [/pageSize: 0 is not a ListModelPackages page size/]],
            ["a time that is not one", { ModelPackageGroupName: "churn", CreationTimeAfter: "last tuesday" }, [/CreationTimeAfter: expected a timestamp/]],
            ["an empty window", { ModelPackageGroupName: "churn", CreationTimeAfter: "2025-02-01T00:00:00Z", CreationTimeBefore: new Date("2025-01-01T00:00:00Z") },
                [/CreationTimeAfter: 2025-02-01T00:00:00.000Z is not before CreationTimeBefore 2025-01-01T00:00:00.000Z \(constraint: range\)/]],
            ["a status the API does not have", { ModelPackageGroupName: "churn", ModelPackageStatus: "Done" },
                [/ModelPackageStatus: "Done" is not one of .*Completed.* \| Any \(constraint: enum\)/]],
            ["an empty metadata filter and a non-string value", { ModelPackageGroupName: "churn", CustomerMetadataProperties: {} },
                [/CustomerMetadataProperties: 0 entries is below the minimum 1/]],
            ["a metadata value that is not a string", { ModelPackageGroupName: "churn", CustomerMetadataProperties: { auc: 0.9 } },
                [/CustomerMetadataProperties\.auc: expected a string/]],
            ["a region that is not one", { ModelPackageGroupName: "churn", region: "us-east" }, [/region: "us-east" is not an AWS region name/]],
            ["two problems", { ModelPackageGroupName: "churn", ModelApprovalStatus: "Yes", pageSize: 500 }, [/ModelApprovalStatus: "Yes"/, /pageSize: 500 is not/]],
        ];
        for (const [what, args, expected] of cases) {
            it(`getLatestModelPackageVersion: ${what}`, async () => {
                const err = await lookupFailure(getLatestModelPackageVersion(args as never, opts));
                assert.equal(err.reason, "invalidArguments");
                assert.match(err.message, /^getLatestModelPackageVersion: invalid arguments, nothing was looked up: /);
                for (const re of expected) {
                    assert.match(err.message, re);
                }
                assert.equal(sm.calls().length, 0, "no SageMaker call");
            });
        }

        it("getModelPackageVersions checks the same filters", async () => {
            const err = await lookupFailure(getModelPackageVersions({ ModelPackageGroupName: "churn", pageSize: 1000 }, opts));
            assert.match(err.message, /^getModelPackageVersions: invalid arguments.*pageSize: 1000 is not a ListModelPackages page size/);
            assert.equal(sm.calls().length, 0);
        });

        for (const version of [0, 1.5, "3", 1_000_000_000, undefined]) {
            it(`getModelPackageVersion: ModelPackageVersion ${JSON.stringify(version)}`, async () => {
                const err = await lookupFailure(getModelPackageVersion({ ModelPackageGroupName: "churn", ModelPackageVersion: version } as never, opts));
                assert.equal(err.reason, "invalidArguments");
                assert.match(err.message, version === undefined ? /ModelPackageVersion: is required but missing/
                    : /ModelPackageVersion: .* is not a version number \(constraint: type\)\. Fix: use a whole number from 1 to 999999999/);
                assert.equal(sm.calls().length, 0);
            });
        }

        it("arguments that are not an object", async () => {
            const err = await lookupFailure(getModelPackageVersions(null as never, opts));
            assert.match(err.message, /expected an object of arguments such as \{ ModelPackageGroupName: "my-group" \}, got null/);
        });
    });

    describe("SageMaker's refusals name the group, the operation and the fix", () => {
        it("AccessDeniedException on ListModelPackages", async () => {
            sm.on(ListModelPackagesCommand).rejects(awsError("AccessDeniedException", "User is not authorized to perform: sagemaker:ListModelPackages"));
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts));
            assert.equal(err.reason, "sageMaker");
            assert.equal(err.message, "getLatestModelPackageVersion: model package group \"churn\" in us-east-1: SageMaker ListModelPackages failed: " +
                "AccessDeniedException: User is not authorized to perform: sagemaker:ListModelPackages — Grant the deploying identity the SageMaker " +
                "permission for this operation (see README, IAM permissions) and iam:PassRole on the execution role.");
        });

        it("ThrottlingException on DescribeModelPackage, after the SDK's retries", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2)] });
            sm.on(DescribeModelPackageCommand).rejects(awsError("ThrottlingException", "Rate exceeded"));
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts));
            assert.equal(err.reason, "sageMaker");
            assert.match(err.message, /SageMaker DescribeModelPackage failed: ThrottlingException: Rate exceeded — SageMaker kept throttling/);
        });

        it("a ListModelPackages that reports the group missing (instead of an empty list) is groupNotFound", async () => {
            sm.on(ListModelPackagesCommand).rejects(awsError("ValidationException", "Model Package Group churn does not exist."));
            const err = await lookupFailure(getModelPackageVersions({ ModelPackageGroupName: "churn" }, opts));
            assert.equal(err.reason, "groupNotFound");
        });

        it("a DescribeModelPackageGroup refusal while explaining an empty answer is reported as such", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
            sm.on(DescribeModelPackageGroupCommand).rejects(awsError("AccessDeniedException", "not authorized: sagemaker:DescribeModelPackageGroup"));
            const err = await lookupFailure(getModelPackageVersions({ ModelPackageGroupName: "churn" }, opts));
            assert.equal(err.reason, "sageMaker");
            assert.match(err.message, /SageMaker DescribeModelPackageGroup failed: AccessDeniedException/);
        });
    });

    // The mock answers the last matching definition: the unfiltered listing first, the filtered search after it.
    describe("why nothing matched", () => {
        it("versions still being validated: wait, or ask for another status", async () => {
            const versions = [summary(3, { ModelPackageStatus: "InProgress" }), summary(2, { ModelPackageStatus: "Pending" }), summary(1, { ModelApprovalStatus: "Rejected" })];
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: versions });
            sm.on(ListModelPackagesCommand, { ModelApprovalStatus: "Approved" }).resolves({ ModelPackageSummaryList: versions.slice(0, 2) });
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts));
            assert.equal(err.reason, "noMatch");
            assert.match(err.message, /of its 3 versions, 2 are Approved, none of those is Completed \(1 InProgress, 1 Pending\)\. Fix: wait until SageMaker has validated the version/);
            assert.equal(sm.commandCalls(DescribeModelPackageCommand).length, 0, "no candidate, nothing described");
        });

        it("another approval asked for: no Studio instructions", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(1)] });
            sm.on(ListModelPackagesCommand, { ModelApprovalStatus: "Rejected" }).resolves({ ModelPackageSummaryList: [] });
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn", ModelApprovalStatus: "Rejected" }, opts));
            assert.match(err.message, /of its 1 version, none is Rejected \(1 Approved\)\. Fix: set a version's approval to Rejected, or ask for another ModelApprovalStatus\.$/);
        });

        it("only the creation window excludes: the fix names the newest candidate's creation time", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2), summary(1)] });
            sm.on(ListModelPackagesCommand, { ModelApprovalStatus: "Approved", CreationTimeAfter: new Date("2025-06-01T00:00:00Z") }).resolves({ ModelPackageSummaryList: [] });
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn", CreationTimeAfter: "2025-06-01T00:00:00Z" }, opts));
            assert.match(err.message, /of its 2 versions, 2 are Approved, none of those was created in the window\. Fix: widen CreationTimeAfter \/ CreationTimeBefore \(the newest candidate, version 2, was created at 2025-01-02T00:00:00.000Z\)/);
        });

        it("a version approved between the search and the explanation: run again", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(1)] });
            sm.on(ListModelPackagesCommand, { ModelApprovalStatus: "Approved" }).resolves({ ModelPackageSummaryList: [] });
            const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts));
            assert.match(err.message, /a matching version appeared while looking\. Fix: run again\.$/);
        });

        it("a candidate whose approval changed between List and Describe is skipped for the next one", async () => {
            sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2), summary(1)] });
            sm.on(DescribeModelPackageCommand, { ModelPackageName: `${GROUP_ARN}/2` }).resolves({ ...summary(2), ModelApprovalStatus: "Rejected" });
            sm.on(DescribeModelPackageCommand, { ModelPackageName: `${GROUP_ARN}/1` }).resolves(summary(1));
            const latest = await getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, opts);
            assert.equal(latest.version, 1);
        });
    });

    describe("stack config and region", () => {
        it("a malformed aws:region fails with the providers' message (stackConfig), before any call", async () => {
            const saved = pulumi.runtime.allConfig();
            pulumi.runtime.setAllConfig({ ...saved, "aws:region": "mars-1" });
            try {
                const err = await lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }));
                assert.equal(err.reason, "stackConfig");
                assert.match(err.message, /^getLatestModelPackageVersion: stack config "aws:region" is "mars-1", which is not an AWS region name/);
                assert.equal(sm.calls().length, 0);
            } finally {
                pulumi.runtime.setAllConfig(saved);
            }
        });

        it("no region anywhere: says where to set one", async () => {
            const err = await withEnv({
                AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined,
                AWS_CONFIG_FILE: "/nonexistent/config", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials",
            }, () => lookupFailure(getLatestModelPackageVersion({ ModelPackageGroupName: "churn" }, { settings: {} })));
            assert.equal(err.reason, "stackConfig");
            assert.match(err.message, /no region is set for model package group "churn": set the stack's region \(pulumi config set aws:region us-east-1\), AWS_REGION, or the lookup's region argument/);
            assert.equal(sm.calls().length, 0);
        });
    });
});
