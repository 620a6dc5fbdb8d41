// The serialized provider (`__provider`, stored twice in every resource's state) for every kind.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { modelProvider } from "../../../provider/model/resource";
import { modelPackageProvider } from "../../../provider/model-package/resource";
import { modelPackageGroupProvider } from "../../../provider/model-package-group/resource";
import { withEnv } from "../../helpers/env";
import { hostedProvider } from "../../helpers/hosted-provider";

/** Issue 16's target: at most 2x the smallest dynamic provider (~0.5 KB). */
const MAX_BYTES = 1024;

const CREDENTIALS = {
    AWS_ACCESS_KEY_ID: "AKIAEXAMPLEKEYID1234",
    AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    AWS_SESSION_TOKEN: "session-token-example-value",
};

const CONFIG = { "aws:region": "us-east-1", "sagemaker:endpoint": "http://127.0.0.1:4599" };

for (const [kind, provider] of [["Model", modelProvider], ["ModelPackage", modelPackageProvider], ["ModelPackageGroup", modelPackageGroupProvider]] as const) {
    describe(`${kind} provider serialization`, () => {
        it(`serializes to at most ${MAX_BYTES} bytes, requiring the runtime by package name and capturing no SDK or table`, async () => {
            const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
            assert.ok(Buffer.byteLength(text) <= MAX_BYTES, `serialized provider is ${Buffer.byteLength(text)} bytes`);
            assert.match(text, /require\("pulumi-sagemaker\/dist\/provider\/runtime"\)/);
            assert.match(text, new RegExp(`"${kind}"`));
            assert.ok(!/client-sagemaker|validateShape|sagemaker-shapes/.test(text), "no SDK or shapes table captured");
        });

        it("the host's configured copy has every method and holds settings but no credential; the program's object is untouched", async () => {
            await withEnv(CREDENTIALS, async () => {
                const before = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
                const hosted = await hostedProvider(provider, CONFIG);
                for (const method of ["check", "diff", "create", "read", "update", "delete"] as const) {
                    assert.strictEqual(typeof hosted[method], "function", method);
                }
                assert.deepStrictEqual(hosted.settings, { region: "us-east-1", endpoint: "http://127.0.0.1:4599" });
                const settingsText = JSON.stringify(hosted.settings);
                for (const value of Object.values(CREDENTIALS)) {
                    assert.ok(!settingsText.includes(value) && !before.includes(value), "no credential in the settings or the serialized text");
                }
                const after = (await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text;
                assert.strictEqual(after, before);
            });
        });
    });
}
