// The engine's state functions (provider/engine/state.ts) on what a description can hold beyond
// the create members: tags and ignored members are not read as members, empty maps are no value.
import * as assert from "assert";
import { liveOf, refreshedInputs, stateOutputs } from "../../../provider/engine/state";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { modelSpec } from "../../../provider/model/spec";
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

    describe("refresh of a member fixed at creation (refresh \"declared\"): the declared form while the live value still covers it", () => {
        const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
        const model = modelSpec as unknown as KindSpec;
        const declared = { ModelName: "m", PrimaryContainer: { Image: IMAGE }, region: "us-east-1" };
        // SageMaker may report a container member the program left out (here ImageConfig's default access mode).
        const reported = { Image: IMAGE, Mode: "SingleModel", ImageConfig: { RepositoryAccessMode: "Platform" } };

        it("a live container that carries more than was declared: the declared container stays (no drift)", () => {
            const inputs = refreshedInputs(model, declared, { ModelName: "m", PrimaryContainer: reported }, [], "us-east-1");
            assert.deepStrictEqual(inputs.PrimaryContainer, { Image: IMAGE });
        });

        it("a live container that differs in a declared member: the live container (drift)", () => {
            const other = { ...reported, Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:2" };
            const inputs = refreshedInputs(model, declared, { ModelName: "m", PrimaryContainer: other }, [], "us-east-1");
            assert.deepStrictEqual(inputs.PrimaryContainer, other);
        });
    });
});
