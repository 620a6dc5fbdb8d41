// The engine's state functions (provider/engine/state.ts) on what a description can hold beyond
// the create members: tags and ignored members are not read as members, empty maps are no value.
import * as assert from "assert";
import { liveOf, refreshedInputs, stateOutputs } from "../../../provider/engine/state";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import type { KindSpec } from "../../../provider/engine/kind";
import { inferenceSpecification } from "../../scenarios/kinds";

const spec = modelPackageSpec as unknown as KindSpec;
const version = { ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpecification() };

describe("engine state", () => {
    it("liveOf: the create members a description reports, never Tags (ListTags' business) nor an ignored member (ClientToken)", () => {
        const live = liveOf(spec, { ...version, Tags: [{ Key: "a", Value: "1" }], ClientToken: "t", ModelPackageStatus: "Completed" });
        assert.deepStrictEqual(live, version);
    });

    it("refresh: a live map that is empty is no value (as if SageMaker left it out)", () => {
        const inputs = refreshedInputs(spec, { ...version, region: "us-east-1" }, { ...version, CustomerMetadataProperties: {} }, [], "us-east-1");
        assert.strictEqual("CustomerMetadataProperties" in inputs, false);
        const declared = { ...version, CustomerMetadataProperties: { team: "ml" }, region: "us-east-1" };
        const emptied = refreshedInputs(spec, declared, { ...version, CustomerMetadataProperties: {} }, [], "us-east-1");
        assert.strictEqual("CustomerMetadataProperties" in emptied, false, "emptied out of band: the member is gone, not {}");
    });

    it("outputs: a live member the program left out is recorded only when it holds something", () => {
        const outs = stateOutputs(spec, version, { ...version, CustomerMetadataProperties: {}, ModelApprovalStatus: "PendingManualApproval" }, {});
        assert.strictEqual("CustomerMetadataProperties" in outs, false);
        assert.strictEqual(outs.ModelApprovalStatus, "PendingManualApproval");
    });
});
