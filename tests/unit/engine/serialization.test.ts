// The provider text (`__provider`, stored twice in every resource's state) for every kind.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { providerText } from "../../../provider/common/provider-shim";
import { Model, modelProvider } from "../../../provider/model/resource";
import { modelPackageProvider } from "../../../provider/model-package/resource";
import { modelPackageGroupProvider } from "../../../provider/model-package-group/resource";
import { withEnv } from "../../helpers/env";
import { hostedProvider } from "../../helpers/hosted-provider";

/** Issue 26: a fifth of the smallest closure-serialized dynamic provider (~0.5 KB). */
const MAX_BYTES = 128;

const CREDENTIALS = {
    AWS_ACCESS_KEY_ID: "AKIAEXAMPLEKEYID1234",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    AWS_SESSION_TOKEN: "session-token-example-value",
};

const CONFIG = { "aws:region": "us-east-1", "sagemaker:endpoint": "http://127.0.0.1:4599" };

for (const [kind, provider] of [["Model", modelProvider], ["ModelPackage", modelPackageProvider], ["ModelPackageGroup", modelPackageGroupProvider]] as const) {
    describe(`${kind} provider serialization`, () => {
        it(`its state text is at most ${MAX_BYTES} bytes, requiring the package by name and capturing no SDK or table`, () => {
            const text = providerText(kind);
            assert.ok(Buffer.byteLength(text) <= MAX_BYTES, `provider text is ${Buffer.byteLength(text)} bytes`);
            assert.match(text, /require\("pulumi-sagemaker\/dist\/provider\/common\/provider-shim"\)/);
            assert.match(text, new RegExp(`"${kind}"`));
            assert.ok(!/client-sagemaker|validateShape|sagemaker-shapes/.test(text), "no SDK or shapes table captured");
        });

        it("the host's configured copy has every method and holds settings but no credential; the program's object is untouched", async () => {
            await withEnv(CREDENTIALS, async () => {
                const before = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
                const hosted = await hostedProvider(provider, CONFIG);
                assert.strictEqual(hosted.kind, kind);
                for (const method of ["check", "diff", "create", "read", "update", "delete"] as const) {
                    assert.strictEqual(typeof hosted[method], "function", method);
                }
                assert.deepStrictEqual(hosted.settings, { region: "us-east-1", endpoint: "http://127.0.0.1:4599" });
                const settingsText = JSON.stringify(hosted.settings);
                for (const value of Object.values(CREDENTIALS)) {
                    assert.ok(!settingsText.includes(value) && !hosted.text.includes(value), "no credential in the settings or the state text");
                }
                const after = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
                assert.strictEqual(after, before);
            });
        });
    });
}

describe("what a Model registers with the engine", () => {
    const registered: { type: string; inputs: Record<string, unknown> }[] = [];
    before(async () => {
        await pulumi.runtime.setMocks({
            newResource(args) {
                registered.push({ type: args.type, inputs: args.inputs });
                return { id: `${args.name}-id`, state: args.inputs };
            },
            call: () => ({}),
        }, "project", "stack", false);
    });
    after(() => pulumi.runtime.resetOptions("", "", -1, "", "", false, ""));

    it("the dynamic provider's type token, the small provider text as __provider, and `name` read from ModelName", async () => {
        const model = new Model("m", { ModelName: "churn-model", ExecutionRoleArn: "arn:aws:iam::123456789012:role/r" });
        const name = await new Promise((resolve) => model.name.apply(resolve));
        const r = registered.find((x) => x.inputs.__logicalName === "m")!;
        assert.strictEqual(r.type, "pulumi-nodejs:dynamic/sagemaker:Model");
        assert.strictEqual(r.inputs.__provider, providerText("Model"));
        assert.ok(!("name" in r.inputs) && !("model" in r.inputs), "no `name` or `model` registered: the state would repeat ModelName");
        assert.strictEqual(name, "churn-model");
    });
});
