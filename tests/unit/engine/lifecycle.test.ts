// The engine's lifecycle wiring (provider/engine/lifecycle.ts) and read (read-delete.ts): when
// check previews `adopt`, and what read asks SageMaker. A mocked SDK: what is asserted is which
// calls are made.
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import { DeleteModelCommand, DescribeModelCommand, ListTagsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { awsError, rejection } from "../../helpers/errors";
import { lifecycleOf } from "../../../provider/engine/lifecycle";
import { ResourceInitError } from "../../../provider/engine/kind";
import { modelSpec } from "../../../provider/model/spec";
import { capturingWarnings } from "../../helpers/warnings";

const settings = { region: "us-east-1", maxAttempts: 1 };
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model/m";
const model = lifecycleOf(modelSpec);

type Props = Record<string, unknown>;

function inputs(extra: Props = {}): Props {
    return { ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, region: "us-east-1", ...extra };
}

function described(extra: Props = {}) {
    return { ModelName: "m", ModelArn: ARN, CreationTime: new Date(), ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, ...extra };
}

describe("engine lifecycle: check previews adopt only for a new, valid resource", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("a new resource with adopt: the live one is read, and preview says what up will do", async () => {
        sm.on(DescribeModelCommand).resolves(described());
        sm.on(ListTagsCommand).resolves({ Tags: [] });
        const { result, warnings } = await capturingWarnings(() => model.check(settings, {}, inputs({ adopt: true })));
        assert.deepStrictEqual(result.failures, []);
        assert.strictEqual(sm.commandCalls(DescribeModelCommand).length, 1);
        assert.deepStrictEqual(warnings, [`warning: Model "m": up adopts the existing model "m" in us-east-1 unchanged.`]);
    });

    it("nothing to adopt: preview says up creates it", async () => {
        sm.on(DescribeModelCommand).rejects(awsError("ValidationException", `Could not find model "${ARN}".`));
        const { result, warnings } = await capturingWarnings(() => model.check(settings, {}, inputs({ adopt: true })));
        assert.deepStrictEqual(result.failures, []);
        assert.deepStrictEqual(warnings, [`warning: Model "m": adopt finds no existing model in us-east-1, so up creates it.`]);
    });

    it("SageMaker cannot be read at preview: a warning with the first line of the error and the fix, not a failure", async () => {
        sm.on(DescribeModelCommand).rejects(awsError("AccessDeniedException", "denied\nsecond line"));
        const { result, warnings } = await capturingWarnings(() => model.check(settings, {}, inputs({ adopt: true })));
        assert.deepStrictEqual(result.failures, []);
        assert.strictEqual(warnings.length, 1);
        assert.match(warnings[0], /^warning: Model "m": preview could not read the resource adopt would take over \(.*AccessDeniedException: denied\); `pulumi up` compares it\. Fix: provide AWS credentials/);
        assert.doesNotMatch(warnings[0], /second line/);
    });

    it("tags that differ: preview names each tag it sets and the undeclared live tags it keeps (in the live order)", async () => {
        sm.on(DescribeModelCommand).resolves(described());
        sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "old" }, { Key: "owner", Value: "x" }, { Key: "cost", Value: "1" }] });
        const { warnings } = await capturingWarnings(() => model.check(settings, {}, inputs({ adopt: true, Tags: [{ Key: "team", Value: "ml" }] })));
        assert.deepStrictEqual(warnings, [`warning: Model "m": up adopts the existing model "m" in us-east-1 then updates tag "team" set to "ml". ` +
            `Live tags the program does not declare are kept: "owner", "cost" (set \`adoptTags: "remove"\` to remove them).`]);
    });

    it("a live resource that differs: the preview fails with adopt's failure", async () => {
        sm.on(DescribeModelCommand).resolves(described({ ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other" }));
        sm.on(ListTagsCommand).resolves({ Tags: [] });
        const result = await model.check(settings, {}, inputs({ adopt: true }));
        assert.deepStrictEqual(result.failures!.map((f) => f.property), ["adopt"]);
        assert.match(result.failures![0].reason, /differs from the inputs at ExecutionRoleArn/);
    });

    it("inputs that fail check: their failures, and SageMaker is not asked", async () => {
        const result = await model.check(settings, {}, inputs({ adopt: true, PrimaryContainer: undefined }));
        assert.deepStrictEqual(result.failures!.map((f) => f.property), ["PrimaryContainer"]);
        assert.strictEqual(sm.commandCalls(DescribeModelCommand).length, 0);
    });

    it("a resource already in the state (old inputs): no adopt preview, SageMaker is not asked", async () => {
        const { result, warnings } = await capturingWarnings(() => model.check(settings, inputs({ adopt: true }), inputs({ adopt: true })));
        assert.deepStrictEqual(result.failures, []);
        assert.deepStrictEqual(warnings, []);
        assert.strictEqual(sm.commandCalls(DescribeModelCommand).length, 0);
    });
});

describe("engine read", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("lists the tags on the described ARN", async () => {
        sm.on(DescribeModelCommand).resolves(described());
        sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "ml" }] });
        const r = await model.read(settings, "m", inputs());
        assert.deepStrictEqual(sm.commandCalls(ListTagsCommand).map((c) => c.args[0].input.ResourceArn), [ARN]);
        assert.deepStrictEqual(r.inputs!.Tags, [{ Key: "team", Value: "ml" }]);
    });

    it("a ListTags page without Tags: no tags", async () => {
        sm.on(DescribeModelCommand).resolves(described());
        sm.on(ListTagsCommand).resolves({});
        const r = await model.read(settings, "m", inputs({ Tags: [{ Key: "team", Value: "ml" }] }));
        assert.strictEqual(r.inputs!.Tags, undefined);
        assert.strictEqual(r.props!.Tags, undefined);
    });

    it("a description without an ARN: no ListTags (it needs one), and no tags", async () => {
        sm.on(DescribeModelCommand).resolves(described({ ModelArn: undefined }));
        const r = await model.read(settings, "m", inputs({ Tags: [{ Key: "team", Value: "ml" }] }));
        assert.strictEqual(sm.commandCalls(ListTagsCommand).length, 0);
        assert.strictEqual(r.inputs!.Tags, undefined);
    });
});

describe("ResourceInitError (a resource kept in the stack as not initialized)", () => {
    it("its reasons, which the host reports to the engine, are its message unless given", () => {
        assert.deepStrictEqual(new ResourceInitError("wait timed out", "id", {}).reasons, ["wait timed out"]);
        assert.deepStrictEqual(new ResourceInitError("m", "id", {}, ["a", "b"]).reasons, ["a", "b"]);
    });
});

describe("engine delete", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("a failure's message never shows an Environment value of the resource", async () => {
        const secret = "sk-live-0123456789";
        sm.on(DeleteModelCommand).rejects(awsError("AccessDeniedException", `not allowed: ${secret}`));
        const err = await rejection(model.delete(settings, "m", inputs({ PrimaryContainer: { Image: IMAGE, Environment: { KEY: secret } } })));
        assert.match(err.message, /SageMaker DeleteModel failed: AccessDeniedException/);
        assert.ok(!err.message.includes(secret), err.message);
    });
});
