import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { modelProvider } from "../../../provider/model/resource";

describe("Model provider serialization", () => {
    const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY, token: process.env.AWS_SESSION_TOKEN };
    before(() => {
        process.env.AWS_ACCESS_KEY_ID = "AKIAEXAMPLEKEYID1234";
        process.env.AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        process.env.AWS_SESSION_TOKEN = "session-token-example-value";
    });
    after(() => {
        for (const [k, v] of [["AWS_ACCESS_KEY_ID", saved.id], ["AWS_SECRET_ACCESS_KEY", saved.secret], ["AWS_SESSION_TOKEN", saved.token]] as const) {
            if (v === undefined) delete process.env[k];
            else process.env[k] = v;
        }
    });

    it("serializes small, with no credentials, even after configure", async () => {
        await modelProvider.configure({ config: { get: (k: string) => ({ "aws:region": "us-east-1", "sagemaker:endpoint": "http://127.0.0.1:4599" } as Record<string, string>)[k] } } as never);
        const { text } = await pulumi.runtime.serializeFunction(() => modelProvider, { allowSecrets: true });
        assert.ok(Buffer.byteLength(text) < 4096, `serialized provider is ${Buffer.byteLength(text)} bytes`);
        for (const name of ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]) {
            assert.ok(!text.includes(process.env[name]!), `${name} value leaked into the serialized provider`);
        }
        assert.match(text, /pulumi-sagemaker\/dist\/provider\/runtime/);
        assert.ok(!/client-sagemaker|validateShape|sagemaker-shapes/.test(text), "no SDK or shapes table captured");
        modelProvider.settings = {};
    });
});
