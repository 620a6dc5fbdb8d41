// The plaintext-secret warning in the program (issue 25, item 2): a plain string under a secret key
// of any container's Environment is named with its resource, path and fix; a Pulumi secret (the value,
// or any Input around it) and a preview-time unknown are not. Run under Pulumi's runtime mocks at
// preview, so Outputs, secrets and unknowns are the SDK's own.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { plaintextSecretWarnings } from "../../../provider/common/secret-warnings";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";

describe("plaintext secrets in the program", () => {
    before(async () => {
        await pulumi.runtime.setMocks({
            // No outputs: at preview every output of a mocked resource is unknown.
            newResource: (args) => ({ id: `${args.name}-id`, state: {} }),
            call: () => ({}),
        }, "project", "stack", true);
    });

    const keysOf = (warnings: string[]) => warnings.map((w) => /: (\S+) is a plaintext value/.exec(w)?.[1]);

    it("names the resource, the path and the fix for a plain string", async () => {
        const warnings = await plaintextSecretWarnings("Model", "llm", {
            PrimaryContainer: { Image: image, Environment: { HF_TOKEN: "hf_abc", TOKENIZER_PATH: "/opt/tok", MAX_NEW_TOKENS: "512" } },
        });
        assert.strictEqual(warnings.length, 1, warnings.join("\n"));
        assert.match(warnings[0], /^Model "llm": PrimaryContainer\.Environment\.HF_TOKEN is a plaintext value under a key that names a secret/);
        assert.match(warnings[0], /Fix: pass it as a secret, e\.g\. HF_TOKEN: pulumi\.secret\(/);
        assert.match(warnings[0], /pulumi config set --secret HF_TOKEN/);
    });

    it("a plain Output counts as plaintext; a secret value, map or container list does not", async () => {
        const warnings = await plaintextSecretWarnings("Model", "m", {
            Containers: [
                { Image: image, Environment: { DB_PASSWORD: pulumi.output("pw"), API_KEY: pulumi.secret("k") } },
                { Image: image, Environment: pulumi.secret({ HF_TOKEN: "t" }) },
                pulumi.output({ Image: image, Environment: { CLIENT_SECRET: Promise.resolve("s") } }),
            ],
        });
        assert.deepStrictEqual(keysOf(warnings), ["Containers[0].Environment.DB_PASSWORD", "Containers[2].Environment.CLIENT_SECRET"]);
        assert.deepStrictEqual(await plaintextSecretWarnings("Model", "m", { Containers: pulumi.secret([{ Image: image, Environment: { HF_TOKEN: "t" } }]) }), []);
        assert.deepStrictEqual(await plaintextSecretWarnings("Model", "m", {
            PrimaryContainer: { Image: image, Environment: { HF_TOKEN: pulumi.interpolate`${pulumi.secret("hf")}_x` } },
        }), []);
    });

    it("an unknown value at preview is not judged (and does not hang)", async () => {
        // A property the mock does not return is unknown at preview, as another resource's output is.
        class Thing extends pulumi.CustomResource {
            declare readonly token: pulumi.Output<string>;
            constructor(name: string) {
                super("test:index:Thing", name, { token: undefined });
            }
        }
        const other = new Thing("thing");
        assert.deepStrictEqual(await plaintextSecretWarnings("Model", "m", {
            PrimaryContainer: { Image: image, Environment: { HF_TOKEN: other.token } },
            Containers: other.token.apply(() => [{ Image: image, Environment: { DB_PASSWORD: "pw" } }]),
        }), []);
    });

    it("model packages: every container and additional inference specification, and the validation transform", async () => {
        const container = (key: string) => ({ Image: image, Environment: { [key]: "plain" } });
        const warnings = await plaintextSecretWarnings("ModelPackage", "v1", {
            InferenceSpecification: { Containers: [container("HF_TOKEN")] },
            AdditionalInferenceSpecifications: [{ Containers: [container("DB_PASSWORD"), container("SM_NUM_GPUS")] }],
            ValidationSpecification: { ValidationProfiles: [{ TransformJobDefinition: { Environment: { apiKey: "k" } } }] },
        });
        assert.deepStrictEqual(keysOf(warnings), [
            "InferenceSpecification.Containers[0].Environment.HF_TOKEN",
            "AdditionalInferenceSpecifications[0].Containers[0].Environment.DB_PASSWORD",
            "ValidationSpecification.ValidationProfiles[0].TransformJobDefinition.Environment.apiKey",
        ]);
        assert.match(warnings[0], /^ModelPackage "v1": /);
    });

    it("groups hold no containers: nothing to warn about", async () => {
        assert.deepStrictEqual(await plaintextSecretWarnings("ModelPackageGroup", "g", { Environment: { HF_TOKEN: "x" } }), []);
    });
});
