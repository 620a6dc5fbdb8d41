// The engine's update (provider/engine/update.ts) for a kind with an update call, computed outputs
// and tags: which calls an update makes and where the outputs come from. A mocked SDK, because
// what is asserted is the calls themselves (which describe is made or skipped).
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import { AddTagsCommand, DeleteTagsCommand, DescribeModelPackageCommand, SageMakerClient, UpdateModelPackageCommand, type DescribeModelPackageCommandOutput } from "@aws-sdk/client-sagemaker";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpecification } from "../../scenarios/kinds";
import { awsError, rejection } from "../../helpers/errors";

const settings = { region: "us-east-1", maxAttempts: 1 };
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";
const CREATED = "2026-01-02T03:04:05.000Z";

type Props = Record<string, unknown>;

function inputs(extra: Props = {}): Props {
    return { __provider: "v1", ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t", Tags: [{ Key: "team", Value: "ml" }], ...extra };
}

/** The state after create: the inputs, the default approval SageMaker set, the computed outputs. */
function state(extra: Props = {}): Props {
    return {
        ...inputs(), ModelApprovalStatus: "PendingManualApproval",
        arn: ARN, name: "churn", version: 1, status: "Completed", statusDetails: {}, creationTime: CREATED, ...extra,
    };
}

function described(extra: Props = {}): DescribeModelPackageCommandOutput {
    return {
        ModelPackageGroupName: "churn", ModelPackageName: "churn", ModelPackageVersion: 1, ModelPackageArn: ARN,
        ModelPackageStatus: "Completed" as const, ModelPackageStatusDetails: { ValidationStatuses: [] },
        CreationTime: new Date("2026-05-06T07:08:09.000Z"), InferenceSpecification: inferenceSpecification(),
        ModelApprovalStatus: "PendingManualApproval" as const, ...extra,
    } as unknown as DescribeModelPackageCommandOutput;
}

describe("engine update (a model package version, mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());
    const update = (olds: Props, news: Props) => lifecycles.ModelPackage.update(settings, ARN, olds, news);

    it("an update call: one UpdateModelPackage, then the outputs come from a new description (members left undeclared included)", async () => {
        sm.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: ARN });
        sm.on(DescribeModelPackageCommand).resolves(described({ ApprovalDescription: "ok", ModelPackageStatusDetails: { ValidationStatuses: [{ Name: "v", Status: "Completed" }] } }));
        const { outs } = await update(state(), inputs({ ApprovalDescription: "ok" }));
        assert.deepStrictEqual(sm.commandCalls(UpdateModelPackageCommand).map((c) => c.args[0].input), [{ ModelPackageArn: ARN, ApprovalDescription: "ok" }]);
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 1);
        assert.strictEqual(outs!.ModelApprovalStatus, "PendingManualApproval", "the default approval, not declared, read back");
        assert.deepStrictEqual(outs!.statusDetails, { ValidationStatuses: [{ Name: "v", Status: "Completed" }] });
        assert.strictEqual(outs!.creationTime, "2026-05-06T07:08:09.000Z");
    });

    it("a tag change alone: AddTags on the ARN in the state, no describe, the computed outputs kept as they were", async () => {
        const olds = state();
        const { outs } = await update(olds, inputs({ Tags: [{ Key: "team", Value: "ml" }, { Key: "cost", Value: "1" }] }));
        assert.deepStrictEqual(sm.commandCalls(AddTagsCommand).map((c) => c.args[0].input), [{ ResourceArn: ARN, Tags: [{ Key: "cost", Value: "1" }] }]);
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 0);
        assert.strictEqual(sm.commandCalls(UpdateModelPackageCommand).length, 0);
        assert.strictEqual(sm.commandCalls(DeleteTagsCommand).length, 0, "nothing removed: no DeleteTags");
        for (const k of ["arn", "name", "version", "status", "statusDetails", "creationTime"]) {
            assert.deepStrictEqual(outs![k], olds[k], k);
        }
        assert.strictEqual(outs!.region, "us-east-1");
    });

    it("an update call with no tag change on a state without the ARN: one describe (after the call), no tag calls", async () => {
        sm.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: ARN });
        sm.on(DescribeModelPackageCommand).resolves(described());
        const { outs } = await update(state({ arn: undefined }), inputs({ ApprovalDescription: "ok" }));
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 1);
        assert.strictEqual(sm.commandCalls(AddTagsCommand).length + sm.commandCalls(DeleteTagsCommand).length, 0);
        assert.strictEqual(outs!.arn, ARN);
    });

    it("a tag removed only: one DeleteTags, no AddTags", async () => {
        await update(state({ Tags: [{ Key: "team", Value: "ml" }, { Key: "cost", Value: "1" }] }), inputs({ Tags: [{ Key: "team", Value: "ml" }] }));
        assert.deepStrictEqual(sm.commandCalls(DeleteTagsCommand).map((c) => c.args[0].input), [{ ResourceArn: ARN, TagKeys: ["cost"] }]);
        assert.strictEqual(sm.commandCalls(AddTagsCommand).length, 0);
    });

    it("a tag change on a state without the ARN: the ARN comes from a description", async () => {
        const other = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/7";
        sm.on(DescribeModelPackageCommand).resolves(described({ ModelPackageArn: other }));
        await update(state({ arn: undefined }), inputs({ Tags: [{ Key: "cost", Value: "1" }] }));
        assert.deepStrictEqual(sm.commandCalls(AddTagsCommand).map((c) => c.args[0].input.ResourceArn), [other]);
    });

    it("a tag change on a state without the ARN, the package gone meanwhile: an error naming it and the fix", async () => {
        sm.on(DescribeModelPackageCommand).rejects(awsError("ValidationException", `ModelPackage ${ARN} does not exist.`));
        const err = await rejection(update(state({ arn: undefined }), inputs({ Tags: [{ Key: "cost", Value: "1" }] })));
        assert.match(err.message, /no longer exists in us-east-1: run `pulumi refresh`/);
        assert.strictEqual(sm.commandCalls(AddTagsCommand).length, 0);
    });

    it("new provider code alone: a new description, so the outputs are what the new code computes", async () => {
        sm.on(DescribeModelPackageCommand).resolves(described());
        const { outs } = await update(state(), inputs({ __provider: "v2" }));
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 1);
        assert.strictEqual(outs!.creationTime, "2026-05-06T07:08:09.000Z");
        assert.deepStrictEqual(outs!.statusDetails, { ValidationStatuses: [] });
    });

    it("a state an older provider wrote, without one of today's computed outputs: described to fill it", async () => {
        sm.on(DescribeModelPackageCommand).resolves(described());
        const { outs } = await update(state({ statusDetails: undefined }), inputs({ Tags: [{ Key: "cost", Value: "1" }] }));
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 1);
        assert.deepStrictEqual(outs!.statusDetails, { ValidationStatuses: [] });
    });

    it("a package gone when the update describes it: an error naming it and the fix", async () => {
        sm.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: ARN });
        sm.on(DescribeModelPackageCommand).rejects(awsError("ValidationException", `ModelPackage ${ARN} does not exist.`));
        const err = await rejection(update(state(), inputs({ ApprovalDescription: "ok" })));
        assert.match(err.message, /no longer exists in us-east-1/);
    });
});
