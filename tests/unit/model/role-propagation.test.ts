// CreateModel right after its execution role was created: SageMaker answers "Could not assume role"
// until IAM has propagated the role; the create call is sent again for up to 2 minutes
// (provider/aws/propagation.ts, as terraform-provider-aws's model.go does). A fake clock: no real waiting.
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import { CreateModelCommand, DescribeModelCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { propagationClock, retryWhile } from "../../../provider/aws/propagation";
import { lifecycleOf } from "../../../provider/engine/lifecycle";
import { modelSpec } from "../../../provider/model/spec";
import { IMAGE, ROLE } from "./fixtures";
import { awsError, rejection } from "../../helpers/errors";

const settings = { region: "us-east-1", maxAttempts: 1 };
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model/m-abc";
// SageMaker's wording (as reported by users of the CLI and of terraform-provider-aws).
const NOT_YET = `Could not assume role ${ROLE}. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to assume the role.`;

const inputs = { ModelName: "m-abc", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, region: "us-east-1" };

describe("Model create while its role propagates (mocked SDK, fake clock)", () => {
    const sm = mockClient(SageMakerClient);
    const saved = { ...propagationClock };
    let now = 0;
    const slept: number[] = [];
    beforeEach(() => {
        sm.reset();
        now = 1_700_000_000_000; // a real epoch: the clock is read as elapsed time, never as an absolute
        slept.length = 0;
        propagationClock.now = () => now;
        propagationClock.sleep = async (ms) => {
            slept.push(ms);
            now += ms;
        };
    });
    after(() => {
        Object.assign(propagationClock, saved);
        sm.restore();
    });

    it("sends CreateModel again while the role cannot be assumed, then succeeds", async () => {
        sm.on(CreateModelCommand)
            .rejectsOnce(awsError("ValidationException", NOT_YET))
            .rejectsOnce(awsError("ValidationException", NOT_YET))
            .resolves({ ModelArn: ARN });
        sm.on(DescribeModelCommand).resolves({ ModelName: "m-abc", ModelArn: ARN, CreationTime: new Date(), ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE } });
        const { id, outs } = await lifecycleOf(modelSpec).create(settings, inputs);
        assert.strictEqual(id, "m-abc");
        assert.strictEqual(outs.arn, ARN);
        assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 3);
        assert.deepStrictEqual(slept, [2_000, 4_000]);
    });

    it("gives up after 2 minutes with SageMaker's message", async () => {
        sm.on(CreateModelCommand).rejects(awsError("ValidationException", NOT_YET));
        const err = await rejection(lifecycleOf(modelSpec).create(settings, inputs));
        assert.match(err.message, /CreateModel failed: ValidationException: Could not assume role/);
        // 2 + 4 + 8 + 16 + 16 ... s: the waits stop before 120 s have passed since the first attempt.
        const waited = slept.reduce((a, b) => a + b, 0);
        assert.ok(waited <= 120_000 && waited > 120_000 - 16_000, `waited ${waited} ms`);
        assert.strictEqual(sm.commandCalls(CreateModelCommand).length, slept.length + 1);
    });

    it("the bound is inclusive: a wait that ends exactly at the limit is still taken", async () => {
        let calls = 0;
        await assert.rejects(retryWhile(async () => {
            calls++;
            throw new Error("not yet");
        }, () => true, 6_000), /not yet/);
        assert.deepStrictEqual(slept, [2_000, 4_000]);
        assert.strictEqual(calls, 3);
    });

    it("the real clock: now is Date.now, and sleep waits and resolves", async () => {
        Object.assign(propagationClock, saved);
        const before = Date.now();
        assert.ok(Math.abs(propagationClock.now() - before) < 1_000);
        const sleeping = propagationClock.sleep(1);
        assert.ok(sleeping instanceof Promise);
        await sleeping;
    });

    it("another ValidationException is the input's fault: one call, no wait", async () => {
        sm.on(CreateModelCommand).rejects(awsError("ValidationException", "1 validation error detected: Value 'x' at 'executionRoleArn' failed to satisfy constraint"));
        await rejection(lifecycleOf(modelSpec).create(settings, inputs));
        assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 1);
        assert.deepStrictEqual(slept, []);
    });

    it("the same words in another error code are not retried", async () => {
        sm.on(CreateModelCommand).rejects(awsError("AccessDeniedException", NOT_YET));
        await rejection(lifecycleOf(modelSpec).create(settings, inputs));
        assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 1);
    });
});
