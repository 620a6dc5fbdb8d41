// The engine's create (provider/engine/create.ts) for a model package version: what it does after
// the create call (tags, which CreateModelPackage takes for no version, and ApprovalDescription,
// which only UpdateModelPackage takes), and what is kept when that work fails. A mocked SDK:
// what is asserted is the calls themselves.
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import {
    AddTagsCommand, CreateModelPackageCommand, DescribeModelPackageCommand, SageMakerClient, UpdateModelPackageCommand, type DescribeModelPackageCommandOutput,
} from "@aws-sdk/client-sagemaker";
import { lifecycles } from "../../../provider/runtime";
import { ResourceInitError } from "../../../provider/engine/kind";
import { inferenceSpecification } from "../../scenarios/kinds";
import { awsError, rejection } from "../../helpers/errors";

const settings = { region: "us-east-1", maxAttempts: 1 };
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";

type Props = Record<string, unknown>;

function inputs(extra: Props = {}): Props {
    return { __provider: "v1", ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t", ...extra };
}

function described(extra: Props = {}): DescribeModelPackageCommandOutput {
    return {
        ModelPackageGroupName: "churn", ModelPackageName: "churn", ModelPackageVersion: 1, ModelPackageArn: ARN,
        ModelPackageStatus: "Completed", ModelPackageStatusDetails: { ValidationStatuses: [] },
        CreationTime: new Date("2026-05-06T07:08:09.000Z"), InferenceSpecification: inferenceSpecification(),
        ModelApprovalStatus: "PendingManualApproval", ...extra,
    } as unknown as DescribeModelPackageCommandOutput;
}

describe("engine create (a model package version, mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => {
        sm.reset();
        sm.on(CreateModelPackageCommand).resolves({ ModelPackageArn: ARN });
    });
    after(() => sm.restore());
    const create = (news: Props) => lifecycles.ModelPackage.create(settings, news);

    it("declared tags: one AddTags on the new version's ARN right after the create call (which carries none)", async () => {
        sm.on(DescribeModelPackageCommand).resolves(described());
        const tags = [{ Key: "team", Value: "ml" }];
        const { id, outs } = await create(inputs({ Tags: tags }));
        assert.strictEqual(id, ARN);
        assert.strictEqual((sm.commandCalls(CreateModelPackageCommand)[0].args[0].input as Props).Tags, undefined);
        assert.deepStrictEqual(sm.commandCalls(AddTagsCommand).map((c) => c.args[0].input), [{ ResourceArn: ARN, Tags: tags }]);
        assert.deepStrictEqual(outs.Tags, tags);
    });

    it("no tags, or an empty list: no AddTags; no ApprovalDescription: no UpdateModelPackage", async () => {
        sm.on(DescribeModelPackageCommand).resolves(described());
        await create(inputs());
        await create(inputs({ Tags: [] }));
        assert.strictEqual(sm.commandCalls(AddTagsCommand).length, 0);
        assert.strictEqual(sm.commandCalls(UpdateModelPackageCommand).length, 0);
    });

    it("ApprovalDescription: one UpdateModelPackage after the create call, then the outputs come from a new description", async () => {
        sm.on(DescribeModelPackageCommand)
            .resolvesOnce(described())
            .resolves(described({ ModelApprovalStatus: "Approved", ApprovalDescription: "ok" }));
        const { outs } = await create(inputs({ ModelApprovalStatus: "Approved", ApprovalDescription: "ok" }));
        assert.strictEqual((sm.commandCalls(CreateModelPackageCommand)[0].args[0].input as Props).ApprovalDescription, undefined);
        assert.deepStrictEqual(sm.commandCalls(UpdateModelPackageCommand).map((c) => c.args[0].input), [{ ModelPackageArn: ARN, ApprovalDescription: "ok" }]);
        assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 2);
        assert.strictEqual(outs.ModelApprovalStatus, "Approved");
    });

    it("the work after the create call fails: the version is kept in the stack (its id and outputs), with the error", async () => {
        sm.on(DescribeModelPackageCommand).resolves(described());
        sm.on(AddTagsCommand).rejects(awsError("AccessDeniedException", "not allowed to tag"));
        const err = await rejection(create(inputs({ Tags: [{ Key: "team", Value: "ml" }] })));
        assert.ok(err instanceof ResourceInitError, err.message);
        assert.strictEqual(err.id, ARN);
        assert.strictEqual(err.properties.arn, ARN);
        assert.strictEqual(err.properties.status, "Completed");
        assert.strictEqual(err.properties.__provider, "v1");
        assert.match(err.message, /AddTags failed: AccessDeniedException/);
    });
});
