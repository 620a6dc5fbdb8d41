// The plugin's provider (plugin/provider.ts) against the local endpoint, without gRPC: its config
// comes from the provider's own keys, names come from the engine's seed, previews leave computed
// outputs unknown, and a read by id alone (an import) returns inputs.
import { strict as assert } from "assert";
import * as fs from "fs";
import { DescribeModelCommand } from "@aws-sdk/client-sagemaker";
import { configFailures, providerArgs } from "../../../plugin/config";
import { PluginProvider } from "../../../plugin/provider";
import { committedSchemaFiles } from "../../../plugin/schema/files";
import { UNKNOWN } from "../../../provider/common/unknown";
import { withEnv } from "../../helpers/env";
import { DUMMY_CREDENTIALS, useLocalEndpoint } from "../../helpers/local-endpoint";

const URN = (kind: string, name: string) => `urn:pulumi:dev::proj::sagemaker:index:${kind}::${name}`;
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1";

describe("plugin provider against the local endpoint", function () {
    this.timeout(60_000);
    const t = useLocalEndpoint();
    const wire = JSON.parse(fs.readFileSync(committedSchemaFiles().wire, "utf8"));
    const env = { AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
        AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_ENDPOINT_URL_SAGEMAKER: undefined, AWS_ENDPOINT_URL: undefined };

    function configured(): PluginProvider {
        const p = new PluginProvider(wire);
        p.configure({ region: "us-east-1", endpoint: t.endpoint.url });
        return p;
    }

    it("reads the provider's config from Configure's args, else from its variables", () => {
        assert.deepEqual(providerArgs({ region: "eu-west-1" }, [["sagemaker:config:region", "us-east-1"]]), { region: "eu-west-1" });
        assert.deepEqual(providerArgs({}, [["sagemaker:config:region", "us-east-1"], ["aws:config:region", "x"]]), { region: "us-east-1" });
    });

    it("CheckConfig names the plugin's key, the value and the fix", () => {
        const [failure] = configFailures({ region: "us-east-one" });
        assert.equal(failure.property, "region");
        assert.match(failure.reason, /provider config "sagemaker:region" is "us-east-one", which is not an AWS region name/);
        assert.match(failure.reason, /pulumi config set sagemaker:region us-east-1/);
        assert.deepEqual(configFailures({ region: "us-east-1", maxAttempts: 3 }), []);
    });

    it("a malformed config fails every check with its message", async () => {
        const p = new PluginProvider(wire);
        p.configure({ endpoint: "localhost:4599" });
        const result = await p.check({ urn: URN("Model", "m"), olds: {}, news: { executionRoleArn: ROLE, primaryContainer: { image: IMAGE } } });
        assert.equal(result.failures.length, 1);
        assert.match(result.failures[0].reason, /"sagemaker:endpoint" is "localhost:4599", which is not an http or https URL/);
    });

    it("auto-names from the engine's seed: the same seed the same name, another seed another", async () => {
        const p = configured();
        const news = { executionRoleArn: ROLE, primaryContainer: { image: IMAGE } };
        const a = await withEnv(env, () => p.check({ urn: URN("Model", "scorer"), olds: {}, news, randomSeed: Buffer.from("seed-one") }));
        const b = await withEnv(env, () => p.check({ urn: URN("Model", "scorer"), olds: {}, news, randomSeed: Buffer.from("seed-one") }));
        const c = await withEnv(env, () => p.check({ urn: URN("Model", "scorer"), olds: {}, news, randomSeed: Buffer.from("seed-two") }));
        assert.deepEqual(a.failures, []);
        assert.match(String(a.inputs.modelName), /^scorer-[0-9a-f]{7}$/);
        assert.equal(b.inputs.modelName, a.inputs.modelName);
        assert.notEqual(c.inputs.modelName, a.inputs.modelName);
        assert.equal(a.inputs.__autoNamed, true, "a generated name: a replacement creates before deleting");
        const kept = await withEnv(env, () => p.check({ urn: URN("Model", "scorer"), olds: a.inputs, news, randomSeed: Buffer.from("seed-two") }));
        assert.equal(kept.inputs.modelName, a.inputs.modelName, "an update keeps the name");
    });

    it("check failures name the schema's property path", async () => {
        const p = configured();
        const result = await withEnv(env, () => p.check({ urn: URN("Model", "m"), olds: {}, news: { executionRoleArn: ROLE, primaryContainer: { image: IMAGE, mode: "Single" } } }));
        assert.deepEqual(result.failures.map((f) => f.property), ["primaryContainer.mode"]);
    });

    it("preview: a create's computed outputs are unknown; an update keeps the stable ones", async () => {
        const p = configured();
        const created = await p.create(URN("Model", "m"), { modelName: "m", executionRoleArn: ROLE, region: "us-east-1" }, true);
        assert.equal(created.outs.arn, UNKNOWN);
        assert.equal(created.outs.modelName, "m");
        const updated = await p.update(URN("ModelPackage", "v"), "arn:v/1", { arn: "arn:v/1", version: 1, status: "Completed", region: "us-east-1" }, { modelApprovalStatus: "Approved", region: "us-east-1" }, true);
        assert.equal(updated.arn, "arn:v/1");
        assert.equal(updated.version, 1);
        assert.equal(updated.status, UNKNOWN, "an update may change the status");
    });

    it("create, diff with stables, read by id alone (import) with inputs, delete", async () => {
        const p = configured();
        const checked = await withEnv(env, () => p.check({ urn: URN("Model", "imp"), olds: {}, news: {
            modelName: "imp-model", executionRoleArn: ROLE, primaryContainer: { image: IMAGE, environment: { MODE: "batch" } }, tags: [{ key: "team", value: "ml" }],
        } }));
        assert.deepEqual(checked.failures, []);
        const { id, outs } = await withEnv(env, () => p.create(URN("Model", "imp"), checked.inputs, false));
        assert.equal(id, "imp-model");
        const described = await t.client.send(new DescribeModelCommand({ ModelName: id }));
        assert.deepEqual(described.PrimaryContainer?.Environment, { MODE: "batch" });
        assert.equal(outs.arn, described.ModelArn);

        const retagged = { ...checked.inputs, tags: [{ key: "team", value: "risk" }] };
        const diff = await withEnv(env, () => p.diff(URN("Model", "imp"), id, outs, retagged, checked.inputs));
        assert.deepEqual({ changes: diff.changes, replaces: diff.replaces, diffs: diff.diffs }, { changes: true, replaces: [], diffs: ["tags"] });
        assert.deepEqual(diff.stables, ["arn", "region", "creationTime"]);
        const replacing = await withEnv(env, () => p.diff(URN("Model", "imp"), id, outs, { ...checked.inputs, executionRoleArn: `${ROLE}2` }, checked.inputs));
        assert.deepEqual(replacing.replaces, ["executionRoleArn"]);
        assert.equal(replacing.deleteBeforeReplace, true, "a fixed name cannot exist twice");
        assert.deepEqual(replacing.stables, []);

        const read = await withEnv(env, () => p.read(URN("Model", "imp"), id, {}));
        assert.ok(read);
        assert.deepEqual(read.inputs.tags, [{ key: "team", value: "ml" }]);
        assert.deepEqual(read.inputs.primaryContainer, { image: IMAGE, environment: { MODE: "batch" } });
        assert.equal(read.inputs.region, "us-east-1");

        await withEnv(env, () => p.delete(URN("Model", "imp"), id, outs));
        assert.equal(await withEnv(env, () => p.read(URN("Model", "imp"), id, outs)), undefined, "gone");
    });
});
