// sagemaker-plaintext-secrets (issue 25, item 2): opt-in, advisory by default; a literal value under a
// secret-named Environment key of a model or model package, in each representation the pack governs,
// is reported with the resource, the path in the resource's own names, and the fix. The pack runs
// the provider's own detection, copied by the generator (checked here).
import * as assert from "assert";
import * as fs from "fs";
import { plaintextSecrets, plaintextSecretsPolicy } from "../../../policy-pack/src/policies/plaintext-secrets";
import { readyPackArgs } from "../../../policy-pack/src/ready-pack";
import { sagemakerGuardrails } from "../../../policy-pack/src/guardrails";
import { SHARED_FILES, sharedCopy } from "../../../scripts/generate-policy-data";
import { messages, runResourcePolicy, UNKNOWN, UNKNOWN_OBJECT, type TestResource } from "../../helpers/policy-args";
import { IMAGE_USE1, REPS, TYPES, type Rep } from "./fixtures";

const ENV = { HF_TOKEN: "hf_abcdef", TOKENIZER_PATH: "/opt/ml/tokenizer", MAX_NEW_TOKENS: "512", DB_PASSWORD: UNKNOWN };

function modelWithEnv(rep: Rep, environment: unknown, inList = false): TestResource {
    const k = (p: string) => (rep === "ours" ? p : p[0].toLowerCase() + p.slice(1));
    const container = { [k("Image")]: IMAGE_USE1, [k("Environment")]: environment };
    return { type: TYPES[rep].model, name: "llm", props: { [inList ? k("Containers") : k("PrimaryContainer")]: inList ? [container] : container } };
}

describe("policy sagemaker-plaintext-secrets", () => {
    it("the pack's detection is the provider's file, copied verbatim by the generator", () => {
        for (const [source, copy] of Object.entries(SHARED_FILES)) {
            assert.strictEqual(fs.readFileSync(copy, "utf8"), sharedCopy(source), `${copy}: run npm run generate:policy-data`);
        }
    });

    for (const rep of REPS) {
        it(`${rep}: a literal token is an advisory naming the resource, the path and the fix; unknowns and non-secrets are not`, async () => {
            const res = await runResourcePolicy(plaintextSecrets, modelWithEnv(rep, ENV));
            assert.strictEqual(res.diagnostics.length, 1, JSON.stringify(res.diagnostics));
            const [m] = messages(res, "advisory");
            const container = rep === "ours" ? "PrimaryContainer.Environment" : "primaryContainer.environment";
            assert.match(m, new RegExp(`^Model "llm" \\(${TYPES[rep].model.replace(/[/.]/g, "\\$&")}\\): ${container.replace(".", "\\.")}\\.HF_TOKEN holds a literal value under a key that names a secret \\(the word "token"\\)`, "m"));
            assert.match(m, /Fix: pass it with pulumi\.secret\(\.\.\.\) or config\.requireSecret\("HF_TOKEN"\) after `pulumi config set --secret HF_TOKEN <value>`/);
            assert.ok(!m.includes("hf_abcdef"), "the value is never shown");
        });
    }

    it("reads containers lists and model packages (ours and aws-native), every Environment the API has", async () => {
        const inList = await runResourcePolicy(plaintextSecrets, modelWithEnv("aws", { apiKey: "k" }, true));
        assert.match(messages(inList)[0], /containers\[0\]\.environment\.apiKey holds a literal value/);
        for (const rep of ["ours", "aws-native"] as const) {
            const k = (p: string) => (rep === "ours" ? p : p[0].toLowerCase() + p.slice(1));
            const pkg: TestResource = {
                type: TYPES[rep].modelPackage!, name: "v1", props: {
                    [k("InferenceSpecification")]: { [k("Containers")]: [{ [k("Image")]: IMAGE_USE1, [k("Environment")]: { DB_PASSWORD: "pw" } }] },
                    [k("ValidationSpecification")]: { [k("ValidationProfiles")]: [{ [k("TransformJobDefinition")]: { [k("Environment")]: { CLIENT_SECRET: "s" } } }] },
                },
            };
            const res = await runResourcePolicy(plaintextSecrets, pkg);
            assert.deepStrictEqual(messages(res).map((m) => /: (\S+) holds/.exec(m)?.[1]), [
                `${k("InferenceSpecification")}.${k("Containers")}[0].${k("Environment")}.DB_PASSWORD`,
                `${k("ValidationSpecification")}.${k("ValidationProfiles")}[0].${k("TransformJobDefinition")}.${k("Environment")}.CLIENT_SECRET`,
            ]);
            assert.match(messages(res)[0], /^ModelPackage "v1"/m);
        }
    });

    it("an unknown Environment map, an ARN or a file path, and ignoreKeys report nothing", async () => {
        const none = async (env: unknown, config?: Record<string, unknown>) =>
            assert.deepStrictEqual(messages(await runResourcePolicy(plaintextSecrets, modelWithEnv("ours", env), { config })), []);
        await none(UNKNOWN_OBJECT);
        await none({ HF_TOKEN: "arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf", PRIVATE_KEY: "/run/secrets/key.pem" });
        await none({ HF_TOKEN: "x", hf_token_2: "y" }, { ignoreKeys: [{ keyPattern: "hf_token*", reason: "public read-only token" }] });
    });

    it("other types are not read", async () => {
        const res = await runResourcePolicy(plaintextSecrets, { type: "aws:s3/bucket:Bucket", name: "b", props: { environment: { HF_TOKEN: "x" } } });
        assert.deepStrictEqual(res.diagnostics, []);
    });

    it("is opt-in: advisory when given without a level, absent from the default guardrails, disabled in the ready pack", () => {
        assert.strictEqual(plaintextSecrets.enforcementLevel, "advisory");
        assert.strictEqual(plaintextSecretsPolicy({ ignoreKeys: [] }).enforcementLevel, "advisory");
        assert.strictEqual(plaintextSecretsPolicy("mandatory").enforcementLevel, "mandatory");
        assert.ok(!sagemakerGuardrails().some((p) => p.name === "sagemaker-plaintext-secrets"));
        const optedIn = sagemakerGuardrails({ plaintextSecrets: {} }).find((p) => p.name === "sagemaker-plaintext-secrets");
        assert.strictEqual(optedIn?.enforcementLevel, "advisory");
        const ready = readyPackArgs().policies.find((p) => p.name === "sagemaker-plaintext-secrets");
        assert.strictEqual(ready?.enforcementLevel, "disabled");
    });
});
