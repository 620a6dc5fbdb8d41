// Refresh reads back every member a resource manages: out-of-band changes show as drift, and what
// SageMaker adds on its own never does.
import * as assert from "assert";
import { refreshedInputs, stateOutputs } from "../../../provider/engine/state";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { inferenceSpecification, IMAGE } from "../../scenarios/kinds";

type Props = Record<string, unknown>;

/** A version as the program declared it (nothing but the group and the inference specification). */
const declared: Props = { ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t" };

/** What DescribeModelPackage reports right after creation: the request, the default approval, and members SageMaker fills in. */
function described(extra: Props = {}): Props {
    const spec = inferenceSpecification();
    const containers = (spec.Containers as Props[]).map((c) => ({ ...c, ImageDigest: "sha256:0123", ModelDataETag: "\"abc\"" }));
    return { ModelPackageGroupName: "churn", InferenceSpecification: { ...spec, Containers: containers }, ModelApprovalStatus: "PendingManualApproval", ...extra };
}

const refresh = (live: Props, tags = [] as { Key: string; Value: string }[]) => refreshedInputs(modelPackageSpec, declared, live, tags, "us-east-1");

describe("refresh of a ModelPackage version", () => {
    it("right after creation: no drift (the image digest and data ETag are SageMaker's, the default approval was in the outputs)", () => {
        const outputsAtCreate = stateOutputs(modelPackageSpec, declared, described(), {});
        const inputs = refresh(described());
        const outputsAtRefresh = stateOutputs(modelPackageSpec, inputs, described(), {});
        assert.deepStrictEqual(outputsAtRefresh, outputsAtCreate);
        assert.deepStrictEqual(inputs.InferenceSpecification, declared.InferenceSpecification, "declared form kept");
    });

    const outOfBand: [string, unknown][] = [
        ["CustomerMetadataProperties", { owner: "pipeline" }],
        ["ModelCard", { ModelCardStatus: "Draft", ModelCardContent: "{}" }],
        ["SourceUri", "s3://my-models-us-east-1/source/"],
        ["ModelLifeCycle", { Stage: "Staging", StageStatus: "Approved" }],
        ["ApprovalDescription", "approved in Studio"],
        ["ModelApprovalStatus", "Approved"],
        ["AdditionalInferenceSpecifications", [{ Name: "neo", Containers: [{ Image: IMAGE }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] }]],
    ];
    for (const [member, value] of outOfBand) {
        it(`shows ${member} set out of band although the program never declared it`, () => {
            assert.deepStrictEqual(refresh(described({ [member]: value }))[member], value);
        });
    }

    it("shows a container Environment changed out of band (UpdateModelPackage can replace the InferenceSpecification)", () => {
        const live = described();
        const containers = (live.InferenceSpecification as { Containers: Props[] }).Containers;
        containers[0] = { ...containers[0], Environment: { MODE: "online", DEBUG: "1" } };
        const inputs = refresh(live);
        assert.deepStrictEqual((inputs.InferenceSpecification as { Containers: Props[] }).Containers[0].Environment, { MODE: "online", DEBUG: "1" });
        assert.ok(!("ImageDigest" in (inputs.InferenceSpecification as { Containers: Props[] }).Containers[0]), "server-filled members are not inputs");
    });

    it("keeps what SageMaker does not report (ClientToken) and our settings", () => {
        const inputs = refresh(described());
        assert.strictEqual(inputs.ClientToken, "t");
        assert.strictEqual(inputs.region, "us-east-1");
    });

    it("keeps a group given by ARN as written when it is the same group", () => {
        const byArn = { ...declared, ModelPackageGroupName: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn" };
        const inputs = refreshedInputs(modelPackageSpec, byArn, described(), [], "us-east-1");
        assert.strictEqual(inputs.ModelPackageGroupName, byArn.ModelPackageGroupName);
    });
});
