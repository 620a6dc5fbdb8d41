// Issue 21 (mutation testing of the pack's policies/): sagemaker-plaintext-secrets, one rule per test,
// each changing one field of an otherwise compliant container and matching the message's property,
// constraint and fix. Expected values come from the API model (Environment is a map of
// EnvironmentKey `[a-zA-Z_][a-zA-Z0-9_]*` to string values, at PrimaryContainer / Containers[] of
// CreateModel and the containers of CreateModelPackage; DescribeModel returns it) and from the policy's
// documented config (docs/POLICIES.md: ignoreKeys patterns match a whole key, in any case).
import * as assert from "assert";
import Ajv = require("ajv");
import { plaintextSecrets } from "../../../policy-pack/src/policies/plaintext-secrets";
import { messages, runResourcePolicy, TestResource } from "../../helpers/policy-args";
import { IMAGE_USE1, TYPES } from "./fixtures";

const model = (environment: unknown): TestResource =>
    ({ type: TYPES.ours.model, name: "llm", props: { PrimaryContainer: { Image: IMAGE_USE1, Environment: environment } } });
const modelPackage = (environment: unknown): TestResource => ({
    type: TYPES.ours.modelPackage!, name: "v1",
    props: { InferenceSpecification: { Containers: [{ Image: IMAGE_USE1, Environment: environment }] } },
});

describe("issue 21: sagemaker-plaintext-secrets, one field at a time", () => {
    describe("config schema (what the engine validates before a run)", () => {
        const ajv = new Ajv({ allErrors: true });
        const schema = { type: "object", properties: plaintextSecrets.configSchema!.properties, additionalProperties: false };
        const accepts = (config: object) => ajv.validate(schema, config);

        it("ignoreKeys: a list of a non-empty keyPattern and a non-empty reason, nothing else", () => {
            assert.ok(accepts({ ignoreKeys: [{ keyPattern: "HF_TOKEN*", reason: "public read-only token" }] }));
            assert.ok(!accepts({ ignoreKeys: { keyPattern: "HF_TOKEN", reason: "r" } }));
            assert.ok(!accepts({ ignoreKeys: ["HF_TOKEN"] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: "HF_TOKEN" }] }));
            assert.ok(!accepts({ ignoreKeys: [{ reason: "r" }] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: "", reason: "r" }] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: "HF_TOKEN", reason: "" }] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: 1, reason: "r" }] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: "HF_TOKEN", reason: 1 }] }));
            assert.ok(!accepts({ ignoreKeys: [{ keyPattern: "HF_TOKEN", reason: "r", until: "2027" }] }));
        });
    });

    it("the description names the secret words and the rule; the remediation names pulumi.secret, Secrets Manager and ignoreKeys", async () => {
        const m = messages(await runResourcePolicy(plaintextSecrets, model({ HF_TOKEN: "hf_x" })))[0];
        assert.match(m, /^Container Environment values under keys that name a secret \(token, secret, password, API key, private key, credentials\) should not be written into SageMaker models as literals\./);
        for (const words of [/pulumi\.secret\(\.\.\.\) or config\.requireSecret\(\.\.\.\)/, /pulumi config set --secret KEY VALUE/, /AWS Secrets Manager/, /"keyPattern": "KEY"/, /ignoreKeys/]) {
            assert.match(plaintextSecrets.remediationSteps!, words);
        }
    });

    it("the message says why the policy reports it and whom SageMaker shows the value, for a model and a model package", async () => {
        const m = messages(await runResourcePolicy(plaintextSecrets, model({ HF_TOKEN: "hf_x" })))[0];
        assert.match(m, /A policy cannot see whether it was passed with pulumi\.secret, and SageMaker returns a container's Environment in plaintext to anyone allowed to describe the model\. Fix:/);
        assert.match(m, /or have the container read it from AWS Secrets Manager; if it holds no secret, add \{"keyPattern": "HF_TOKEN", "reason": "\.\.\."\} to sagemaker-plaintext-secrets's ignoreKeys\./);
        const p = messages(await runResourcePolicy(plaintextSecrets, modelPackage({ DB_PASSWORD: "pw" })))[0];
        assert.match(p, /^ModelPackage "v1" .* to anyone allowed to describe the model package\. Fix:/m);
    });

    it("an ignoreKeys pattern matches the whole key, in any case, not a prefix of it", async () => {
        const ignored = (keyPattern: string) => runResourcePolicy(plaintextSecrets, model({ HF_TOKEN: "hf_x" }), { config: { ignoreKeys: [{ keyPattern, reason: "r" }] } });
        assert.deepStrictEqual((await ignored("hf_token")).diagnostics, []);
        assert.deepStrictEqual((await ignored("HF_*")).diagnostics, []);
        assert.strictEqual((await ignored("HF")).diagnostics.length, 1);
    });

    it("an Environment that is null, a string or a list has no secret-named key: nothing reported, never a crash", async () => {
        for (const environment of [null, "HF_TOKEN=hf_x", ["HF_TOKEN=hf_x"]]) {
            assert.deepStrictEqual((await runResourcePolicy(plaintextSecrets, model(environment))).diagnostics, [], JSON.stringify(environment));
        }
    });
});
