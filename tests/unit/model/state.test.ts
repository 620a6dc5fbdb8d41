import * as assert from "assert";
import type { DescribeModelOutput } from "@aws-sdk/client-sagemaker";
import { canonical, memberCanonical, mismatches } from "../../../provider/common/values";
import { secretsOf } from "../../../provider/engine/context";
import { matches } from "../../../provider/engine/match";
import { createRequest } from "../../../provider/engine/request";
import { computedOutputs, liveOf, refreshedInputs, stateOutputs } from "../../../provider/engine/state";
import { MODEL_MEMBERS } from "../../../provider/model/members";
import { modelSpec } from "../../../provider/model/spec";
import { IMAGE, ROLE } from "./fixtures";

const description: DescribeModelOutput = {
    ModelName: "m",
    ModelArn: "arn:aws:sagemaker:us-east-1:123456789012:model/m",
    CreationTime: new Date("2024-01-01T00:00:00Z"),
    ExecutionRoleArn: ROLE,
    PrimaryContainer: { Image: IMAGE, Mode: "SingleModel", Environment: { TOKEN: "hunter22" } },
    EnableNetworkIsolation: false,
};

const clean = (v: unknown) => canonical(v);
const normalizeMember = (m: keyof typeof MODEL_MEMBERS, v: unknown) => memberCanonical(MODEL_MEMBERS[m], v);
const environmentValues = (props: Record<string, unknown> | undefined) => secretsOf(modelSpec, props);
const modelMismatches = (declared: Record<string, unknown>, d: DescribeModelOutput, tags: { Key: string; Value: string }[]) =>
    matches(modelSpec, declared, { ...liveOf(modelSpec, d), Tags: tags });
const inputsFromLive = (previous: Record<string, unknown> | undefined, d: DescribeModelOutput, tags: { Key: string; Value: string }[], region: string) =>
    refreshedInputs(modelSpec, previous, liveOf(modelSpec, d), tags, region);
const modelOutputs = (inputs: Record<string, unknown>, f: { region: string; arn?: string; description?: DescribeModelOutput }) =>
    stateOutputs(modelSpec, inputs, f.description && liveOf(modelSpec, f.description), computedOutputs(modelSpec, f.description, inputs, f.region, { arn: f.arn }));

describe("Model state helpers", () => {
    it("createRequest sends SDK members only", () => {
        const req = createRequest(modelSpec, { ModelName: "m", region: "us-east-1", __logicalName: "m", __autoNamed: true, adopt: true, __provider: "x", Tags: [], VpcConfig: null });
        assert.deepStrictEqual(req, { ModelName: "m" }, "our settings, the engine's key, absent members and empty lists are not sent");
    });

    it("environmentValues collects every container's values", () => {
        assert.deepStrictEqual(environmentValues({ PrimaryContainer: { Environment: { A: "x" } }, Containers: [{ Environment: { B: "y" } }, null] }), ["x", "y"]);
        assert.deepStrictEqual(environmentValues(undefined), []);
    });

    it("normalization: empty and default values equal absent", () => {
        assert.strictEqual(clean({ a: [], b: {}, c: null }), undefined);
        assert.strictEqual(normalizeMember("EnableNetworkIsolation", false), undefined);
        assert.deepStrictEqual(normalizeMember("PrimaryContainer", { Image: "i", Mode: "SingleModel" }), { Image: "i" });
        assert.strictEqual(normalizeMember("InferenceExecutionConfig", { Mode: "Serial" }), undefined);
    });

    it("mismatches reports paths only, treats server-filled members as matching", () => {
        assert.deepStrictEqual(mismatches({ a: { b: 1 } }, { a: { b: 1, extra: 2 } }, "X"), []);
        assert.deepStrictEqual(mismatches({ a: { b: 1 }, l: [1] }, { a: { b: 2 }, l: [1, 2] }, "X"), ["X.a.b", "X.l"]);
    });

    it("modelMismatches compares immutable members and tags", () => {
        const declared = { ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, Environment: { TOKEN: "hunter22" } }, Tags: [{ Key: "a", Value: "1" }] };
        assert.deepStrictEqual(modelMismatches(declared, description, [{ Key: "a", Value: "1" }]), []);
        assert.deepStrictEqual(modelMismatches(declared, description, []), ["Tags"]);
        const other = { ...declared, PrimaryContainer: { Image: IMAGE, Environment: { TOKEN: "other" } } };
        assert.deepStrictEqual(modelMismatches(other, description, [{ Key: "a", Value: "1" }]), ["PrimaryContainer.Environment.TOKEN"]);
        assert.deepStrictEqual(modelMismatches({ ...declared, VpcConfig: undefined }, { ...description, VpcConfig: { SecurityGroupIds: ["sg"], Subnets: ["s"] } }, [{ Key: "a", Value: "1" }]), ["VpcConfig"]);
    });

    it("inputsFromLive keeps the declared form when it still matches, else the live one", () => {
        const previous = { __logicalName: "lm", __autoNamed: true, ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, Environment: { TOKEN: "hunter22" } }, Tags: [{ Key: "b", Value: "2" }, { Key: "a", Value: "1" }] };
        const same = inputsFromLive(previous, description, [{ Key: "a", Value: "1" }, { Key: "b", Value: "2" }], "us-east-1");
        assert.deepStrictEqual(same, { ...previous, region: "us-east-1" });
        const drifted = inputsFromLive(previous, { ...description, ExecutionRoleArn: "arn:aws:iam::123456789012:role/X" }, [{ Key: "a", Value: "9" }, { Key: "aws:x", Value: "s" }], "us-east-1");
        assert.strictEqual(drifted.ExecutionRoleArn, "arn:aws:iam::123456789012:role/X");
        assert.deepStrictEqual(drifted.Tags, [{ Key: "a", Value: "9" }]);
        const imported = inputsFromLive(undefined, description, [], "us-east-1");
        assert.strictEqual(imported.ModelName, "m");
        assert.deepStrictEqual(imported.PrimaryContainer, description.PrimaryContainer);
        assert.ok(!("__logicalName" in imported) && !("Tags" in imported));
    });

    it("modelOutputs adds computed outputs and drops __provider and undefined", () => {
        const outs = modelOutputs({ __provider: "p", ModelName: "m", region: undefined, Tags: undefined }, { region: "us-east-1", description });
        assert.deepStrictEqual(Object.keys(outs).sort(), ["ModelName", "arn", "creationTime", "region"]);
        assert.strictEqual(outs.region, "us-east-1");
        assert.strictEqual(outs.creationTime, "2024-01-01T00:00:00.000Z");
        const partial = modelOutputs({ ModelName: "m" }, { region: "us-east-1", arn: "arn:x" });
        assert.strictEqual(partial.arn, "arn:x");
    });
});
