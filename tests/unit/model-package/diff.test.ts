import * as assert from "assert";
import { diffInputs, planUpdate as plan } from "../../../provider/engine/diff";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { UNKNOWN } from "../../../provider/common/unknown";
import { inferenceSpec, spec, unversioned, versioned } from "./fixtures";

const settings = { region: "us-east-1" };
const diffModelPackage = (s: typeof settings, olds: Record<string, unknown>, news: Record<string, unknown>) => diffInputs(modelPackageSpec, s, olds, news);
const planUpdate = (olds: Record<string, unknown>, news: Record<string, unknown>) => plan(modelPackageSpec, olds, news);

/**
 * From the API reference: the members UpdateModelPackage takes (besides the ARN, the "...ToRemove"
 * and "...ToAdd" forms and ClientToken). Every other CreateModelPackageInput member can only be set at creation.
 */
const UPDATE_IN_PLACE = ["ModelApprovalStatus", "ApprovalDescription", "ModelPackageRegistrationType", "InferenceSpecification", "SourceUri", "ModelCard", "ModelLifeCycle"];
const REPLACE_MEMBERS = ["ModelPackageName", "ModelPackageGroupName", "ModelPackageDescription", "ValidationSpecification", "SourceAlgorithmSpecification",
    "CertifyForMarketplace", "MetadataProperties", "ModelMetrics", "Domain", "Task", "SamplePayloadUrl", "DriftCheckBaselines", "SkipModelValidation",
    "SecurityConfig", "ManagedStorageType"];
const PROVIDER = "serialized-provider";

/** Old outputs as the engine passes them to diff: inputs plus what we computed. */
function outputsOf(inputs: Record<string, unknown>): Record<string, unknown> {
    return { ...inputs, ClientToken: "t-1", __provider: PROVIDER, arn: "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1",
        name: "churn", version: 1, status: "Completed", statusDetails: {}, creationTime: "2026-01-01T00:00:00.000Z", region: "us-east-1" };
}

function diff(oldInputs: Record<string, unknown>, newInputs: Record<string, unknown>) {
    return diffModelPackage(settings, outputsOf(oldInputs), { ...newInputs, ClientToken: "t-2", __provider: PROVIDER });
}

describe("ModelPackage diff", () => {
    it("reports no change for the same inputs (ClientToken and our computed outputs aside)", () => {
        assert.deepStrictEqual(diff(versioned(), versioned()), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("updates approval in place with one UpdateModelPackage call", () => {
        const olds = versioned({ ModelApprovalStatus: "PendingManualApproval" });
        const news = versioned({ ModelApprovalStatus: "Approved", ApprovalDescription: "metrics ok" });
        assert.deepStrictEqual(diff(olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual(planUpdate(outputsOf(olds), news).request, { ModelApprovalStatus: "Approved", ApprovalDescription: "metrics ok" });
    });

    it("ignoreChanges: the engine puts the old approval into the new inputs, and that is no change", () => {
        // After Studio approved and a refresh, olds say Approved; the program still says Pending but
        // ignoreChanges: ["ModelApprovalStatus"] makes the engine pass the old value as the new one.
        const olds = versioned({ ModelApprovalStatus: "Approved" });
        assert.strictEqual(diff(olds, versioned({ ModelApprovalStatus: "Approved" })).changes, false);
        // Without ignoreChanges the program's value would win: an in-place update back to pending.
        assert.deepStrictEqual(diff(olds, versioned({ ModelApprovalStatus: "PendingManualApproval" })).replaces, []);
    });

    it("removing an updatable member stops managing it (UpdateModelPackage cannot clear it)", () => {
        assert.strictEqual(diff(versioned({ ModelApprovalStatus: "Approved" }), versioned()).changes, false);
    });

    it("sends changed and removed customer metadata keys in one call", () => {
        const olds = versioned({ CustomerMetadataProperties: { team: "risk", stage: "dev", owner: "ana" } });
        const news = versioned({ CustomerMetadataProperties: { team: "risk", stage: "prod" } });
        assert.deepStrictEqual(diff(olds, news).replaces, []);
        assert.deepStrictEqual(planUpdate(outputsOf(olds), news).request, {
            CustomerMetadataProperties: { stage: "prod" },
            CustomerMetadataPropertiesToRemove: ["owner"],
        });
        const cleared = planUpdate(outputsOf(olds), versioned()).request;
        assert.deepStrictEqual(cleared, { CustomerMetadataPropertiesToRemove: ["team", "stage", "owner"] });
    });

    it("adds additional inference specifications in place; changing or removing one replaces", () => {
        const olds = versioned({ AdditionalInferenceSpecifications: [spec("neo-a")] });
        const added = versioned({ AdditionalInferenceSpecifications: [spec("neo-b"), spec("neo-a")] });
        assert.deepStrictEqual(diff(olds, added).replaces, []);
        assert.deepStrictEqual(planUpdate(outputsOf(olds), added).request, { AdditionalInferenceSpecificationsToAdd: [spec("neo-b")] });
        assert.deepStrictEqual(diff(olds, versioned()).replaces, ["AdditionalInferenceSpecifications"]);
        const changed = versioned({ AdditionalInferenceSpecifications: [spec("neo-a", "other:1")] });
        assert.deepStrictEqual(diff(olds, changed).replaces, ["AdditionalInferenceSpecifications"]);
    });

    it("updates InferenceSpecification, SourceUri, ModelCard and ModelLifeCycle in place for versions", () => {
        const olds = versioned();
        const news = versioned({
            InferenceSpecification: inferenceSpec("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-2"),
            SourceUri: "s3://bucket/src",
            ModelCard: { ModelCardStatus: "Draft" },
            ModelLifeCycle: { Stage: "Staging", StageStatus: "Approved" },
            ModelPackageRegistrationType: "Registered",
        });
        assert.deepStrictEqual(diff(olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual(Object.keys(planUpdate(outputsOf(olds), news).request ?? {}).sort(),
            ["InferenceSpecification", "ModelCard", "ModelLifeCycle", "ModelPackageRegistrationType", "SourceUri"]);
    });

    it("replaces on every member UpdateModelPackage does not accept", () => {
        const samples: Record<string, unknown> = {
            ModelPackageDescription: "new", ValidationSpecification: { ValidationRole: "r", ValidationProfiles: [] },
            SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: "a" }] }, MetadataProperties: { CommitId: "abc" },
            ModelMetrics: { ModelQuality: { Statistics: { ContentType: "application/json", S3Uri: "s3://b/s.json" } } },
            Domain: "NLP", Task: "CLASSIFICATION", SamplePayloadUrl: "s3://b/p.tar.gz",
            DriftCheckBaselines: { Bias: { PreTrainingConstraints: { ContentType: "application/json", S3Uri: "s3://b/c.json" } } },
            SkipModelValidation: "All", SecurityConfig: { KmsKeyId: "k" }, ManagedStorageType: "Restricted",
        };
        for (const member of REPLACE_MEMBERS.filter((m) => m !== "ModelPackageName" && m !== "ModelPackageGroupName" && m !== "CertifyForMarketplace")) {
            assert.ok(member in samples, `sample for ${member}`);
            assert.deepStrictEqual(diff(versioned(), versioned({ [member]: samples[member] })).replaces, [member], member);
        }
        assert.deepStrictEqual(diff(versioned(), versioned({ ModelPackageGroupName: "other" })).replaces, ["ModelPackageGroupName"]);
    });

    it("treats a group's name and its ARN as the same group", () => {
        const arn = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn";
        assert.strictEqual(diff(versioned(), versioned({ ModelPackageGroupName: arn })).changes, false);
    });

    it("replaces an unversioned package on any change but tags, deleting first when the name stays", () => {
        for (const member of UPDATE_IN_PLACE.filter((m) => m !== "ModelApprovalStatus" && m !== "ApprovalDescription")) {
            const value = member === "InferenceSpecification" ? inferenceSpec("x:2") : member === "ModelCard" ? { ModelCardStatus: "Draft" }
                : member === "ModelLifeCycle" ? { Stage: "a", StageStatus: "b" } : member === "ModelPackageRegistrationType" ? "Logged" : "s3://x";
            const result = diff(unversioned(), unversioned({ [member]: value }));
            assert.deepStrictEqual(result, { changes: true, replaces: [member], deleteBeforeReplace: true }, member);
        }
        const renamed = diff(unversioned(), unversioned({ ModelPackageName: "other", Domain: "NLP" }));
        assert.strictEqual(renamed.deleteBeforeReplace, false);
    });

    it("updates tags in place with the fewest calls", () => {
        const olds = versioned({ Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }] });
        const news = versioned({ Tags: [{ Key: "a", Value: "1" }, { Key: "c", Value: "3" }] });
        assert.deepStrictEqual(diff(olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
        const plan = planUpdate(outputsOf(olds), news);
        assert.strictEqual(plan.request, undefined);
        assert.deepStrictEqual(plan.tags, { toAdd: [{ Key: "c", Value: "3" }], toRemove: ["b"] });
    });

    it("reports a change (update) when only the serialized provider changed", () => {
        const result = diffModelPackage(settings, outputsOf(versioned()), { ...versioned(), __provider: "newer" });
        assert.deepStrictEqual(result, { changes: true, replaces: [], deleteBeforeReplace: false });
    });

    it("treats unknown values as changes: replace for replace-only members, update for the others", () => {
        assert.deepStrictEqual(diff(versioned(), versioned({ Domain: UNKNOWN })).replaces, ["Domain"]);
        assert.deepStrictEqual(diff(versioned(), versioned({ ModelApprovalStatus: UNKNOWN })), { changes: true, replaces: [], deleteBeforeReplace: false });
    });

    it("replaces when the region changes, not when it is only spelled out", () => {
        assert.strictEqual(diff(versioned(), versioned({ region: "us-east-1" })).changes, false);
        assert.deepStrictEqual(diff(versioned(), versioned({ region: "eu-west-1" })).replaces, ["region"]);
    });

    it("never diffs statusTimeoutMinutes", () => {
        assert.strictEqual(diff(versioned(), versioned({ statusTimeoutMinutes: 90 })).changes, false);
    });
});
