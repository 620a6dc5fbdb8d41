// Issue 24, end to end: the provider plugin (pulumi-resource-sagemaker, the same engine as the
// dynamic face) from a Pulumi YAML program (examples/yaml-registry) with the real CLI and the YAML
// language host, deploying into the local endpoint: preview, up, refresh without drift, an
// in-place update whose preview leaves the serving model alone (stable outputs), a replacement,
// `pulumi import` of a model created out of band, destroy; and get-schema equal to the committed one.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand, DescribeModelCommand, DescribeModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { PulumiStack, REPO_ROOT, assertEndpointEmpty, calls, createStack, exampleDir, resourceChanges, setConfig, useE2eEndpoint } from "../helpers/e2e";
import { engineEnv } from "../../scripts/lib/pulumi-cli";

const PLUGIN_BIN = path.join(REPO_ROOT, "plugin", "bin");
const MODEL = "sagemaker:index:Model";
const PACKAGE = "sagemaker:index:ModelPackage";
const GROUP = "sagemaker:index:ModelPackageGroup";
const SECRET = "tok-4f1d9c2e-never-in-state";

describe("e2e: the provider plugin from Pulumi YAML with the real CLI", function () {
    this.timeout(15 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async function () {
        assert.ok(fs.existsSync(path.join(REPO_ROOT, "dist", "plugin", "main.js")), "dist/plugin is missing: npm run build");
        // The plugin from PATH (an ambient plugin); requests go where `sagemaker:endpoint` says: the
        // environment names no endpoint and no region, so config that did not reach the plugin fails.
        stack = await createStack(exampleDir("yaml-registry"), {
            name: "e2e-yaml",
            config: { "sagemaker:region": "us-east-1", "sagemaker:endpoint": t.endpoint.url },
            env: {
                PATH: `${PLUGIN_BIN}:${engineEnv().PATH}`,
                AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test",
                AWS_REGION: "", AWS_DEFAULT_REGION: "", AWS_ENDPOINT_URL_SAGEMAKER: "", AWS_ENDPOINT_URL: "",
                PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20",
            },
        });
        await stack.expectOk(["config", "set", "--secret", "apiToken", SECRET]);
    });

    after(async () => {
        await stack?.dispose();
    });

    async function state(type: string) {
        return (await stack.resourcesOfType(type));
    }

    it("`pulumi package get-schema` of the plugin is the committed schema", async () => {
        const result = await stack.runRaw(["package", "get-schema", path.join(PLUGIN_BIN, "pulumi-resource-sagemaker")]);
        assert.equal(result.code, 0, result.output);
        const committed = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema", "sagemaker.json"), "utf8"));
        assert.deepEqual(JSON.parse(result.stdout), committed);
    });

    it("preview plans the group, the version and the model, with the lookup unknown until the version exists", async () => {
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        assert.equal(resourceChanges(preview.output).created, 4, preview.output);
        assertEndpointEmpty(t.endpoint);
    });

    it("up creates them in the endpoint, names the model from the engine's seed, and the lookup finds the version", async () => {
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 4, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);
        const outputs = await stack.outputs();
        assert.match(String(outputs.modelName), /^scorer-[0-9a-f]{7}$/);
        assert.equal(outputs.latestApprovedArn, outputs.versionArn);
        assert.equal(outputs.versionNumber, 1);
        assert.equal(outputs.trainingJob, "churn-xgb-2025-01-13");
        const inventory = t.endpoint.inventory();
        assert.equal(inventory.models.length, 1);
        assert.equal(inventory.modelPackageGroups.length, 1);
        assert.deepEqual(inventory.modelPackages, [outputs.versionArn]);
        const model = await t.client.send(new DescribeModelCommand({ ModelName: String(outputs.modelName) }));
        assert.equal(model.PrimaryContainer?.ModelPackageName, outputs.versionArn);
        assert.equal(model.EnableNetworkIsolation, true);
        assert.deepEqual(model.PrimaryContainer?.Environment, { API_TOKEN: SECRET });
        const [m] = await state(MODEL);
        assert.equal(m.inputs?.modelName, outputs.modelName, "the state holds the schema's camelCase names");
    });

    it("a secret in a container's environment stays secret: the state holds it encrypted only", async () => {
        const exported = JSON.stringify(await stack.exportState());
        assert.ok(!exported.includes(SECRET), "the plain secret is nowhere in the state");
        const [m] = await state(MODEL);
        const secret = "4dabf18193072939515e22adb298388d";
        // The plugin takes no secrets: the engine sends it plain values and marks each output secret
        // where the input was, down to the one environment variable.
        const token = (props: Record<string, unknown> | undefined) =>
            ((props?.primaryContainer as Record<string, unknown>)?.environment as Record<string, unknown>)?.API_TOKEN as Record<string, unknown>;
        assert.ok(secret in token(m.inputs), "the input is a secret");
        assert.ok(secret in token(m.outputs), "the output is a secret");
    });

    it("refresh finds no drift, and a second up has nothing to do", async () => {
        await stack.refresh(["--expect-no-changes"]);
        const preview = await stack.preview(["--expect-no-changes"]);
        assert.equal(preview.code, 0, preview.output);
    });

    it("an in-place update: preview shows only the version updated (its ARN is stable), up sends one UpdateModelPackage", async () => {
        await setConfig(stack, { trainingJob: "churn-xgb-2025-02-10" });
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        assert.deepEqual(resourceChanges(preview.output), { created: 0, updated: 1, replaced: 0, deleted: 0, unchanged: 3 }, preview.output);
        // Only what changes: not the ClientToken the engine derives from the request (its change is ignored).
        assert.match(preview.output, /sagemaker:index:ModelPackage version update \[diff: ~customerMetadataProperties\]/, preview.output);
        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 1, replaced: 0, deleted: 0, unchanged: 3 }, up.output);
        assert.equal(calls(t.endpoint, "UpdateModelPackage"), 1);
        const outputs = await stack.outputs();
        const described = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: String(outputs.versionArn) }));
        assert.deepEqual(described.CustomerMetadataProperties, { trainingJob: "churn-xgb-2025-02-10", auc: "0.91" });
        assert.equal(outputs.trainingJob, "churn-xgb-2025-02-10");
    });

    it("a replacement: a new model under a new generated name first, then the old one deleted", async () => {
        const before = String((await stack.outputs()).modelName);
        await setConfig(stack, { networkIsolation: "false" });
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 0, replaced: 1, deleted: 0, unchanged: 3 }, up.output);
        const after = String((await stack.outputs()).modelName);
        assert.notEqual(after, before);
        assert.match(after, /^scorer-[0-9a-f]{7}$/);
        assert.equal(t.endpoint.inventory().models.length, 1);
        const model = await t.client.send(new DescribeModelCommand({ ModelName: after }));
        assert.equal(model.EnableNetworkIsolation, false);
    });

    it("`pulumi import` brings a model created out of band into the stack, with its inputs", async () => {
        await t.client.send(new CreateModelCommand({
            ModelName: "made-by-hand",
            ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
            PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: "s3://sagemaker-us-east-1-123456789012/hand/model.tar.gz" },
            EnableNetworkIsolation: true,
            Tags: [{ Key: "owner", Value: "data-science" }],
        }));
        const imported = await stack.expectOk(["import", MODEL, "handmade", "made-by-hand", "--yes", "--protect=false"]);
        // The code `pulumi import` writes for the program: the model with the inputs read back.
        assert.match(imported.output, /type: sagemaker:(index:)?Model\n/, "the generated YAML declares the model");
        assert.match(imported.output, /modelName: made-by-hand/);
        const entry = (await state(MODEL)).find((r) => r.id === "made-by-hand");
        assert.ok(entry, "the imported model is in the state");
        assert.deepEqual(entry.inputs?.tags, [{ key: "owner", value: "data-science" }]);
        assert.equal(entry.inputs?.enableNetworkIsolation, true);
        assert.equal((entry.inputs?.primaryContainer as Record<string, unknown>).modelDataUrl, "s3://sagemaker-us-east-1-123456789012/hand/model.tar.gz");
        await stack.refresh(["--expect-no-changes"]);
    });

    it("`pulumi import` works for a group and a package version too (a version by its ARN)", async () => {
        await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "hand-group", ModelPackageGroupDescription: "made by hand" }));
        const created = await t.client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: "hand-group", ModelApprovalStatus: "PendingManualApproval",
            InferenceSpecification: {
                Containers: [{ Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: "s3://sagemaker-us-east-1-123456789012/hand/v1.tar.gz" }],
                SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"],
            },
        }));
        const arn = String(created.ModelPackageArn);
        await stack.expectOk(["import", GROUP, "handgroup", "hand-group", "--yes", "--protect=false"]);
        const version = await stack.expectOk(["import", PACKAGE, "handversion", arn, "--yes", "--protect=false"]);
        assert.match(version.output, /modelApprovalStatus: PendingManualApproval/);
        const group = (await state(GROUP)).find((r) => r.id === "hand-group");
        assert.equal(group?.inputs?.modelPackageGroupDescription, "made by hand");
        const pkg = (await state(PACKAGE)).find((r) => r.id === arn);
        assert.equal(pkg?.inputs?.modelPackageGroupName, "hand-group");
        assert.equal(pkg?.outputs?.version, 1);
        await stack.refresh(["--expect-no-changes"]);
        // The imported version goes first: nothing orders it before its imported group in a destroy.
        await stack.expectOk(["destroy", "--yes", "--skip-preview", "--target", String(pkg?.urn)]);
    });

    it("destroy deletes everything, the imported resources included", async () => {
        const destroy = await stack.destroy();
        assert.equal(resourceChanges(destroy.output).deleted, 6, destroy.output);
        assertEndpointEmpty(t.endpoint);
        assert.equal((await state(GROUP)).length + (await state(PACKAGE)).length + (await state(MODEL)).length, 0);
    });
});
