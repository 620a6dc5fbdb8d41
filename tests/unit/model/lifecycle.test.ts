// The Model lifecycle against a mocked SDK: error paths that a live endpoint cannot easily produce.
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import {
    AddTagsCommand, CreateModelCommand, DeleteModelCommand, DeleteTagsCommand, DescribeModelCommand, ListTagsCommand, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { lifecycleOf } from "../../../provider/engine/lifecycle";
import { modelSpec } from "../../../provider/model/spec";
import { IMAGE, ROLE } from "./fixtures";
import { awsError, rejection } from "../../helpers/errors";

const settings = { region: "us-east-1", maxAttempts: 1 };
const modelLifecycle = lifecycleOf(modelSpec);
const SECRET = "sk-live-0123456789";
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model/m-abc";

function inputs(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        __provider: "serialized",
        __logicalName: "m",
        __autoNamed: true,
        ModelName: "m-abc",
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, Environment: { API_KEY: SECRET } },
        Tags: [{ Key: "team", Value: "ml" }],
        ...extra,
    };
}

function described(extra: Record<string, unknown> = {}) {
    return {
        ModelName: "m-abc",
        ModelArn: ARN,
        CreationTime: new Date(),
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, Mode: "SingleModel" as const, Environment: { API_KEY: SECRET } },
        EnableNetworkIsolation: false,
        ...extra,
    };
}

describe("Model lifecycle (mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    describe("create", () => {
        it("sends the SDK members only (tags included) and stores the description", async () => {
            sm.on(CreateModelCommand).resolves({ ModelArn: ARN });
            sm.on(DescribeModelCommand).resolves(described());
            const { id, outs } = await modelLifecycle.create(settings, inputs({ region: "us-east-1" }));
            assert.strictEqual(id, "m-abc");
            const sent = sm.commandCalls(CreateModelCommand)[0].args[0].input as unknown as Record<string, unknown>;
            assert.deepStrictEqual(Object.keys(sent).sort(), ["ExecutionRoleArn", "ModelName", "PrimaryContainer", "Tags"]);
            assert.strictEqual(outs.arn, ARN);
            assert.strictEqual(outs.ModelName, "m-abc");
            assert.strictEqual(outs.region, "us-east-1");
            assert.match(String(outs.creationTime), /^\d{4}-\d\d-\d\dT/);
            assert.ok(!("__provider" in outs));
            const sentInputs = inputs({ region: "us-east-1" });
            assert.deepStrictEqual(Object.keys(outs).filter((k) => !(k in sentInputs)).sort(), ["arn", "creationTime"],
                "no output beside the inputs could carry an Environment value (docs/MODEL.md's outputs)");
            assert.strictEqual(sm.commandCalls(AddTagsCommand).length, 0, "tags go in CreateModel");
        });

        it("keeps the model in state when the describe after create fails", async () => {
            sm.on(CreateModelCommand).resolves({ ModelArn: ARN });
            sm.on(DescribeModelCommand).rejects(awsError("ThrottlingException", "Rate exceeded"));
            const { id, outs } = await modelLifecycle.create(settings, inputs());
            assert.strictEqual(id, "m-abc");
            assert.strictEqual(outs.arn, ARN);
        });

        it("adopts the model when the response was lost and it matches", async () => {
            sm.on(CreateModelCommand).rejects(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
            sm.on(DescribeModelCommand).resolves(described());
            sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
            const { id, outs } = await modelLifecycle.create(settings, inputs());
            assert.strictEqual(id, "m-abc");
            assert.strictEqual(outs.arn, ARN);
            assert.strictEqual(sm.commandCalls(DeleteModelCommand).length, 0);
        });

        it("adopts when a retry found the name taken by the lost first attempt", async () => {
            sm.on(CreateModelCommand).rejects(awsError("ValidationException", `Cannot create already existing model "${ARN}".`, 2));
            sm.on(DescribeModelCommand).resolves(described());
            sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
            const { outs } = await modelLifecycle.create(settings, inputs());
            assert.strictEqual(outs.arn, ARN);
        });

        it("never adopts a model that existed before (first attempt said 'already exists')", async () => {
            sm.on(CreateModelCommand).rejects(awsError("ValidationException", `Cannot create already existing model "${ARN}".`, 1));
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /^Model "m-abc": a model named "m-abc" already exists in us-east-1/);
            assert.match(err.message, /left untouched\. Fix: choose another ModelName \(or leave ModelName out to get a generated name\), delete the existing one, or bring it under management with `adopt: true`/);
            assert.strictEqual(sm.commandCalls(DescribeModelCommand).length, 0);
            assert.strictEqual(sm.commandCalls(DeleteModelCommand).length, 0);
        });

        it("refuses to adopt a different model, naming the conflicting paths but no values", async () => {
            sm.on(CreateModelCommand).rejects(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
            sm.on(DescribeModelCommand).resolves(described({ PrimaryContainer: { Image: IMAGE, Environment: { API_KEY: "other-value-123" } } }));
            sm.on(ListTagsCommand).resolves({ Tags: [] });
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /differs from the inputs at PrimaryContainer\.Environment\.API_KEY, Tags/);
            assert.ok(!err.message.includes(SECRET) && !err.message.includes("other-value-123"));
            assert.strictEqual(sm.commandCalls(DeleteModelCommand).length, 0);
        });

        describe("one rule (matches) for lost-create recovery and adopt: a single differing member is enough", () => {
            const lost = () => sm.on(CreateModelCommand).rejects(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
            const cases: [string, Record<string, unknown>, string][] = [
                ["the execution role", { ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other" }, "ExecutionRoleArn"],
                ["the image", { PrimaryContainer: { Image: `${IMAGE}-other`, Mode: "SingleModel", Environment: { API_KEY: SECRET } } }, "PrimaryContainer.Image"],
                ["network isolation on, the inputs leaving it out (SageMaker's default is off)", { EnableNetworkIsolation: true }, "EnableNetworkIsolation"],
                ["a VPC the inputs do not declare", { VpcConfig: { SecurityGroupIds: ["sg-1"], Subnets: ["subnet-1"] } }, "VpcConfig"],
            ];
            for (const [what, live, path] of cases) {
                it(`recovery refuses a model whose ${what} differs, naming ${path} only`, async () => {
                    lost();
                    sm.on(DescribeModelCommand).resolves(described(live));
                    sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
                    const err = await rejection(modelLifecycle.create(settings, inputs()));
                    assert.match(err.message, new RegExp(`differs from the inputs at ${path.replace(/\./g, "\\.")};`));
                    assert.strictEqual(sm.commandCalls(DeleteModelCommand).length, 0);
                });
                it(`adopt refuses a model whose ${what} differs, naming ${path} with both values`, async () => {
                    sm.on(DescribeModelCommand).resolves(described(live));
                    sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
                    const err = await rejection(modelLifecycle.create(settings, inputs({ adopt: true })));
                    assert.match(err.message, new RegExp(`differs from the inputs at ${path.replace(/\./g, "\\.")} \\(declared [^)]*, live [^)]*\\) \\(constraint: members fixed at creation must match to adopt\\)\\. Fix: change the program`));
                    assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 0);
                });
            }

            it("only the tags differing: recovery refuses (it must be this call's model), adopt takes it and sets the tags", async () => {
                lost();
                sm.on(DescribeModelCommand).resolves(described());
                sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "other" }] });
                const err = await rejection(modelLifecycle.create(settings, inputs()));
                assert.match(err.message, /differs from the inputs at Tags;/);
                sm.reset();
                sm.on(DescribeModelCommand).resolves(described());
                sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "other" }] });
                const { id } = await modelLifecycle.create(settings, inputs({ adopt: true }));
                assert.strictEqual(id, "m-abc");
                assert.deepStrictEqual(sm.commandCalls(AddTagsCommand).map((c) => c.args[0].input.Tags), [[{ Key: "team", Value: "ml" }]]);
            });

            it("what SageMaker adds (a container's Mode default) is no difference for either", async () => {
                lost();
                sm.on(DescribeModelCommand).resolves(described());
                sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
                assert.strictEqual((await modelLifecycle.create(settings, inputs())).id, "m-abc");
                sm.reset();
                sm.on(DescribeModelCommand).resolves(described());
                sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
                assert.strictEqual((await modelLifecycle.create(settings, inputs({ adopt: true }))).id, "m-abc");
                assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 0);
            });
        });

        it("refuses to adopt a matching model created long before this deployment", async () => {
            sm.on(CreateModelCommand).rejects(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
            sm.on(DescribeModelCommand).resolves(described({ CreationTime: new Date("2020-01-01T00:00:00Z") }));
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /before this deployment/);
        });

        it("reports the original network error when nothing was created", async () => {
            sm.on(CreateModelCommand).rejects(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }));
            sm.on(DescribeModelCommand).rejects(awsError("ValidationException", `Could not find model "${ARN}".`));
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /^Model "m-abc": SageMaker CreateModel failed: ECONNREFUSED/);
            assert.match(err.message, /could not be reached/);
        });

        it("translates AccessDenied with a hint, no stack and no secret values", async () => {
            sm.on(CreateModelCommand).rejects(awsError("AccessDeniedException", `User is not authorized; env API_KEY=${SECRET}`));
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /^Model "m-abc": SageMaker CreateModel failed: AccessDeniedException/);
            assert.match(err.message, /iam:PassRole/);
            assert.ok(!err.message.includes(SECRET));
            assert.strictEqual(err.stack, ""); // no stack: the host prints `${err}: ${err.stack}` (see userError)
        });

        it("translates throttling that outlasted the retries", async () => {
            sm.on(CreateModelCommand).rejects(awsError("ThrottlingException", "Rate exceeded", 8));
            const err = await rejection(modelLifecycle.create(settings, inputs()));
            assert.match(err.message, /ThrottlingException: Rate exceeded — .*sagemaker:maxAttempts/);
        });
    });

    describe("read", () => {
        it("rebuilds inputs and outputs from DescribeModel + ListTags", async () => {
            sm.on(DescribeModelCommand).resolves(described());
            sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "changed" }] });
            const props = { ...inputs(), arn: ARN, region: "us-east-1" };
            const r = await modelLifecycle.read(settings, "m-abc", props);
            assert.strictEqual(r.id, "m-abc");
            assert.deepStrictEqual(r.inputs!.Tags, [{ Key: "team", Value: "changed" }]);
            assert.deepStrictEqual(r.inputs!.PrimaryContainer, inputs().PrimaryContainer, "declared form kept when it matches");
            assert.strictEqual(r.inputs!.__logicalName, "m");
            assert.strictEqual(r.props!.arn, ARN);
        });

        it("follows ListTags pages", async () => {
            sm.on(DescribeModelCommand).resolves(described());
            sm.on(ListTagsCommand)
                .resolvesOnce({ Tags: [{ Key: "a", Value: "1" }], NextToken: "t" })
                .resolvesOnce({ Tags: [{ Key: "b", Value: "2" }] });
            const r = await modelLifecycle.read(settings, "m-abc", undefined);
            assert.deepStrictEqual(r.inputs!.Tags, [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }]);
        });

        it("reports a missing model as gone", async () => {
            sm.on(DescribeModelCommand).rejects(awsError("ValidationException", `Could not find model "${ARN}".`));
            assert.deepStrictEqual(await modelLifecycle.read(settings, "m-abc", inputs()), {});
        });

        it("surfaces other errors", async () => {
            sm.on(DescribeModelCommand).rejects(awsError("AccessDeniedException", "denied"));
            const err = await rejection(modelLifecycle.read(settings, "m-abc", inputs()));
            assert.match(err.message, /SageMaker DescribeModel failed: AccessDeniedException/);
        });
    });

    describe("update", () => {
        const olds = () => ({ ...inputs({ Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }, { Key: "c", Value: "3" }] }), arn: ARN, region: "us-east-1" });

        it("uses one DeleteTags and one AddTags at most", async () => {
            sm.on(DescribeModelCommand).resolves(described());
            const news = inputs({ Tags: [{ Key: "a", Value: "1" }, { Key: "b", Value: "20" }, { Key: "d", Value: "4" }] });
            const { outs } = await modelLifecycle.update(settings, "m-abc", olds(), news);
            assert.deepStrictEqual(sm.commandCalls(DeleteTagsCommand).map((c) => c.args[0].input), [{ ResourceArn: ARN, TagKeys: ["c"] }]);
            assert.deepStrictEqual(sm.commandCalls(AddTagsCommand).map((c) => c.args[0].input), [{ ResourceArn: ARN, Tags: [{ Key: "b", Value: "20" }, { Key: "d", Value: "4" }] }]);
            assert.deepStrictEqual(outs!.Tags, news.Tags);
            assert.strictEqual(outs!.arn, ARN);
        });

        it("makes no tag calls for a provider-only change", async () => {
            sm.on(DescribeModelCommand).resolves(described());
            await modelLifecycle.update(settings, "m-abc", olds(), { ...olds(), __provider: "new" });
            assert.strictEqual(sm.commandCalls(AddTagsCommand).length + sm.commandCalls(DeleteTagsCommand).length, 0);
        });

        it("never touches aws: tags", async () => {
            sm.on(DescribeModelCommand).resolves(described());
            const withSystem = { ...olds(), Tags: [{ Key: "aws:x", Value: "s" }, { Key: "a", Value: "1" }] };
            await modelLifecycle.update(settings, "m-abc", withSystem, inputs({ Tags: [] }));
            assert.deepStrictEqual(sm.commandCalls(DeleteTagsCommand).map((c) => c.args[0].input.TagKeys), [["a"]]);
        });
    });

    describe("delete", () => {
        it("is idempotent", async () => {
            sm.on(DeleteModelCommand).rejects(awsError("ValidationException", `Could not find model "${ARN}".`));
            await modelLifecycle.delete(settings, "m-abc", inputs());
        });

        it("reports other failures", async () => {
            sm.on(DeleteModelCommand).rejects(awsError("AccessDeniedException", "denied"));
            const err = await rejection(modelLifecycle.delete(settings, "m-abc", inputs()));
            assert.match(err.message, /^Model "m-abc": SageMaker DeleteModel failed: AccessDeniedException/);
        });
    });
});
