// CreateModelPackage's ClientToken (provider/model-package/client-token.ts) and the engine's recovery
// policy that re-creates with the next attempt's token when the token named a package that is gone.
// The derivation is written out here independently: "pulumi-" + the first 29 hex digits of
// sha256(scope "\n" JSON with sorted keys "\n" attempt). It must never change between releases: a
// re-run after an upgrade must send the token the interrupted run sent.
import * as assert from "assert";
import { createHash } from "crypto";
import { CreateModelPackageCommand, DescribeModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { clientToken, resolveClientToken } from "../../../provider/model-package/client-token";
import { lifecycles } from "../../../provider/runtime";
import { awsError, rejection } from "../../helpers/errors";
import { mockedSageMakerWithInstantWaits } from "../../helpers/mocked-sagemaker";

const SCOPE = "project\nstack\n\nchurn-v1";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1";
const REQUEST = { ModelPackageGroupName: "churn", InferenceSpecification: { SupportedContentTypes: ["text/csv"], Containers: [{ Image: IMAGE }] } };
// REQUEST as JSON with every object's keys sorted (written out, not computed by the code under test).
const SORTED = `{"InferenceSpecification":{"Containers":[{"Image":"${IMAGE}"}],"SupportedContentTypes":["text/csv"]},"ModelPackageGroupName":"churn"}`;
const expected = (attempt: number) => `pulumi-${createHash("sha256").update(`${SCOPE}\n${SORTED}\n${attempt}`).digest("hex").slice(0, 29)}`;

describe("ClientToken derivation", () => {
    it("is pulumi- and 29 hex digits of sha256(scope, the request with sorted keys, the attempt): 36 characters", () => {
        const token = clientToken(SCOPE, REQUEST);
        assert.strictEqual(token, expected(1));
        assert.strictEqual(token.length, 36);
    });

    it("the attempt number is part of it: attempts 1, 2 and 3 give the three documented tokens", () => {
        assert.deepStrictEqual([1, 2, 3].map((n) => clientToken(SCOPE, REQUEST, n)), [expected(1), expected(2), expected(3)]);
    });

    it("key order never matters, at any depth; the request's own ClientToken is left out", () => {
        const reordered = { InferenceSpecification: { Containers: [{ Image: IMAGE }], SupportedContentTypes: ["text/csv"] }, ModelPackageGroupName: "churn", ClientToken: "old" };
        assert.strictEqual(clientToken(SCOPE, reordered), expected(1));
    });
});

describe("resolveClientToken", () => {
    it("with a scope: the derived token; with an empty scope: a random UUID kept from the previous inputs", () => {
        assert.strictEqual(resolveClientToken({}, { __clientTokenScope: SCOPE }, REQUEST), expected(1));
        const random = resolveClientToken({}, { __clientTokenScope: "" }, REQUEST)!;
        assert.match(random, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        assert.notStrictEqual(random, clientToken("", REQUEST));
        assert.strictEqual(resolveClientToken({ ClientToken: "kept-1" }, { __clientTokenScope: "" }, REQUEST), "kept-1");
    });
});

describe("the recovery policy: a token that names a package that is gone (mocked SDK)", () => {
    const sm = mockedSageMakerWithInstantWaits();
    const settings = { region: "us-east-1", maxAttempts: 1 };
    const arn = (n: number) => `arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/${n}`;
    const gone = (n: number) => awsError("ValidationException", `ModelPackage ${arn(n)} does not exist.`);
    const completed = (n: number) => ({ ModelPackageArn: arn(n), ModelPackageGroupName: "churn", ModelPackageVersion: n, ModelPackageStatus: "Completed" as const, CreationTime: new Date() });
    const inputs = { ...REQUEST, __clientTokenScope: SCOPE, ClientToken: expected(1), region: "us-east-1" };

    it("creates again with attempt 2's token, and keeps the package that one made", async () => {
        sm.on(CreateModelPackageCommand).resolvesOnce({ ModelPackageArn: arn(1) }).resolvesOnce({ ModelPackageArn: arn(2) });
        sm.on(DescribeModelPackageCommand, { ModelPackageName: arn(1) }).rejects(gone(1));
        sm.on(DescribeModelPackageCommand, { ModelPackageName: arn(2) }).resolves(completed(2));
        const { id, outs } = await lifecycles.ModelPackage.create(settings, inputs);
        assert.strictEqual(id, arn(2));
        assert.strictEqual(outs.version, 2);
        const tokens = sm.commandCalls(CreateModelPackageCommand).map((c) => c.args[0].input.ClientToken);
        assert.deepStrictEqual(tokens, [expected(1), expected(2)]);
    });

    it("stops after 3 creates in all (attempts 1, 2, 3), reporting the package as gone", async () => {
        sm.on(CreateModelPackageCommand).resolvesOnce({ ModelPackageArn: arn(1) }).resolvesOnce({ ModelPackageArn: arn(2) }).resolves({ ModelPackageArn: arn(3) });
        sm.on(DescribeModelPackageCommand).rejects(gone(9));
        const err = await rejection(lifecycles.ModelPackage.create(settings, inputs));
        assert.match(err.message, /model package .*churn\/3/);
        // What the user reads is the message alone: the host prints `${err}: ${err.stack}` (as for userError).
        assert.strictEqual(err.stack, "");
        const tokens = sm.commandCalls(CreateModelPackageCommand).map((c) => c.args[0].input.ClientToken);
        assert.deepStrictEqual(tokens, [expected(1), expected(2), expected(3)]);
    });
});
