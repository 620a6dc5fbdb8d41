// Issue 7, end to end: every example under examples/ run by the real Pulumi CLI on a file backend,
// deploying into one local SageMaker endpoint shared by the whole file. Each example is previewed
// with the policy pack and the configuration the examples are written for
// (`--policy-pack policy-pack --policy-pack-config examples/policy-config.json`): the non-compliant
// one is blocked, the others preview clean. Every example that does not need @pulumi/aws then
// deploys (with the pack), the endpoint's inventory is what the program declares, a second
// `up --expect-no-changes` passes without a mutating call, and `destroy` empties the endpoint.
//
// Not listed on purpose: examples/aws-variant. It declares `aws.sagemaker.Model` and friends, which
// need the aws resource plugin (`pulumi-resource-aws`); it cannot be downloaded here, so neither
// preview nor up can run (`no resource plugin 'pulumi-resource-aws' found`). It is covered by
// tests/unit/examples/aws-variant.test.ts, which runs its program under Pulumi's runtime mocks and
// the pack's policies over what it registers.
//
// Depth is elsewhere: the Model lifecycle (updates, replacement, refresh, drift) is in
// model.test.ts, the registry's approval flips in model-package.test.ts, the pack's levels and
// config variations in policy-pack.test.ts. Here each example gets one preview and one
// up / no-op up / destroy cycle.
import { strict as assert } from "assert";
import * as path from "path";
import {
    DescribeModelCommand, DescribeModelPackageCommand, DescribeModelPackageGroupCommand, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import {
    EXAMPLES_DIR, MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, POLICY_PACK_DIR, PulumiStack, assertEndpointEmpty, assertOk,
    calls, createStack, exampleDir, resourceChanges, sortedIds, useE2eEndpoint, violationsAt,
} from "../helpers/e2e";

/** What a pipeline passes: the pack and the examples' pack configuration. */
const WITH_PACK = ["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", path.join(EXAMPLES_DIR, "policy-config.json")];

/** Operations that change something at the endpoint: a no-op `up` must call none of them. */
const MUTATING = [
    "CreateModel", "DeleteModel", "CreateModelPackage", "UpdateModelPackage", "DeleteModelPackage",
    "CreateModelPackageGroup", "DeleteModelPackageGroup", "AddTags", "DeleteTags",
];

interface DeployedExample {
    /** directory under examples/ */
    name: string;
    /** SageMaker resources the program declares, by type token (the stack resource comes on top) */
    declares: { [MODEL]: number; [MODEL_PACKAGE_GROUP]?: number; [MODEL_PACKAGE]?: number };
    /** advisories the preview reports with examples/policy-config.json: policy → resource names */
    previewAdvisories?: Record<string, string[]>;
    /** checks the deployed resources against the program, through the SageMaker API */
    inspect(client: SageMakerClient, outputs: Record<string, unknown>): Promise<void>;
}

async function describeModel(client: SageMakerClient, outputs: Record<string, unknown>) {
    return client.send(new DescribeModelCommand({ ModelName: String(outputs.modelName) }));
}

const DEPLOYED: DeployedExample[] = [
    {
        name: "quickstart",
        declares: { [MODEL]: 1 },
        async inspect(client, outputs) {
            const model = await describeModel(client, outputs);
            assert.equal(model.ModelArn, outputs.modelArn);
            assert.equal(outputs.modelRegion, "us-east-1");
            assert.equal(model.EnableNetworkIsolation, true);
            assert.equal(model.PrimaryContainer?.Image, "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
            assert.equal(model.PrimaryContainer?.ModelDataUrl, "s3://quickstart-models-us-east-1/xgboost/model.tar.gz");
        },
    },
    {
        name: "gated-foundation-model",
        declares: { [MODEL]: 1 },
        async inspect(client, outputs) {
            const model = await describeModel(client, outputs);
            const source = model.PrimaryContainer?.ModelDataSource?.S3DataSource;
            assert.match(String(source?.S3Uri), /^s3:\/\/jumpstart-private-cache-prod-us-east-1\/meta-textgeneration\/meta-textgeneration-llama-3-8b\//);
            assert.equal(source?.ModelAccessConfig?.AcceptEula, true);
            assert.equal(model.EnableNetworkIsolation, true);
        },
    },
    {
        name: "inference-pipeline",
        declares: { [MODEL]: 1 },
        async inspect(client, outputs) {
            const model = await describeModel(client, outputs);
            assert.equal(model.PrimaryContainer, undefined);
            assert.deepEqual(model.Containers?.map((c) => c.ContainerHostname), ["preprocess", "predict", "postprocess"]);
            assert.equal(model.InferenceExecutionConfig?.Mode, "Direct");
            assert.equal(model.EnableNetworkIsolation, true);
        },
    },
    {
        name: "model-registry",
        declares: { [MODEL]: 1, [MODEL_PACKAGE_GROUP]: 1, [MODEL_PACKAGE]: 2 },
        // The model's PrimaryContainer.ModelPackageName is the ARN of a package not created yet, but
        // declared in this stack and region: region-match places it by that resource (no advisory).
        async inspect(client, outputs) {
            const group = await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: String(outputs.groupName) }));
            assert.equal(group.ModelPackageGroupArn, outputs.groupArn);
            const approvals: string[] = [];
            for (const [i, arn] of [outputs.v1Arn, outputs.v2Arn].entries()) {
                const pkg = await client.send(new DescribeModelPackageCommand({ ModelPackageName: String(arn) }));
                assert.equal(pkg.ModelPackageGroupName, outputs.groupName);
                assert.equal(pkg.ModelPackageVersion, i + 1);
                assert.equal(pkg.ModelPackageStatus, "Completed");
                approvals.push(String(pkg.ModelApprovalStatus));
            }
            assert.deepEqual(approvals, ["Rejected", "Approved"]);
            // Served: the newest approved version, v2.
            assert.equal(outputs.servedVersion, "v2");
            const model = await describeModel(client, outputs);
            assert.equal(model.PrimaryContainer?.ModelPackageName, outputs.v2Arn);
        },
    },
];

describe("e2e: the examples with the real Pulumi CLI and the policy pack", function () {
    this.timeout(10 * 60_000);
    // One endpoint for every example: each one's destroy must leave it empty for the next.
    const t = useE2eEndpoint();

    describe("examples/non-compliant", () => {
        let stack: PulumiStack;
        before(async () => {
            stack = await createStack(exampleDir("non-compliant"), { endpoint: t.endpoint, name: "e2e-ex-non-compliant" });
        });
        after(async () => {
            await stack?.dispose();
        });

        it("preview with the pack and examples/policy-config.json is blocked: one [mandatory] violation per model, nothing deployed", async () => {
            const preview = await stack.preview(WITH_PACK);
            assert.notEqual(preview.code, 0, preview.output);
            // The examples' config allows eu-west-1 and approves the Llama EULA; neither excuses
            // an eu-west-1 image in a us-east-1 stack nor a gated source without AcceptEula.
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {
                "sagemaker-network-isolation": ["no-isolation"],
                "sagemaker-region-match": ["cross-region-image"],
                "sagemaker-eula-acceptance": ["gated-without-eula"],
                "sagemaker-registry-approval": ["serves-unapproved"],
            }, preview.output);
            // serves-unapproved's package ARN is unknown until the package exists, but the package is
            // declared in this stack and region: region-match places it by that resource, no advisory.
            assert.deepEqual(violationsAt(preview.output, "advisory"), {}, preview.output);
            assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
            assertEndpointEmpty(t.endpoint);
        });
    });

    for (const example of DEPLOYED) {
        describe(`examples/${example.name}`, () => {
            let stack: PulumiStack;
            const types = Object.keys(example.declares) as (keyof DeployedExample["declares"])[];
            const total = Object.values(example.declares).reduce((a, b) => a + b, 0);

            before(async () => {
                assertEndpointEmpty(t.endpoint);
                stack = await createStack(exampleDir(example.name), { endpoint: t.endpoint, name: `e2e-ex-${example.name}` });
            });
            after(async () => {
                // Only after a failure is there anything left; leave the endpoint empty for the next example.
                if (stack && Object.values(t.endpoint.inventory()).some((arns) => arns.length > 0)) {
                    await stack.destroy().catch(() => undefined);
                }
                await stack?.dispose();
            });

            it("preview with the pack and examples/policy-config.json is clean: exit 0, no mandatory violation", async () => {
                const preview = await stack.preview(WITH_PACK);
                assertOk(preview, `preview of examples/${example.name} with the pack`);
                assert.match(preview.output, /sagemaker-guardrails@v0\.1\.0/, "the pack did not run");
                assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
                assert.deepEqual(violationsAt(preview.output, "advisory"), example.previewAdvisories ?? {}, preview.output);
                assert.deepEqual(resourceChanges(preview.output), { created: total + 1, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, preview.output);
                assertEndpointEmpty(t.endpoint);
            });

            it("up (with the pack) deploys exactly what the program declares: the endpoint's inventory is the state", async () => {
                t.endpoint.resetCounters();
                const up = await stack.up(WITH_PACK);
                assert.match(up.output, /sagemaker-guardrails@v0\.1\.0/, "the pack did not run during up");
                assert.deepEqual(resourceChanges(up.output), { created: total + 1, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);
                // Once every value is known, nothing at all is reported (the preview's advisories were about unknowns).
                assert.deepEqual(violationsAt(up.output, "mandatory"), {}, up.output);
                assert.deepEqual(violationsAt(up.output, "advisory"), {}, up.output);

                const inventory = t.endpoint.inventory();
                const state = {
                    models: sortedIds(await stack.resourcesOfType(MODEL)),
                    modelPackageGroups: sortedIds(await stack.resourcesOfType(MODEL_PACKAGE_GROUP)),
                    modelPackages: sortedIds(await stack.resourcesOfType(MODEL_PACKAGE)),
                };
                assert.deepEqual({
                    models: inventory.models.slice().sort(),
                    modelPackageGroups: inventory.modelPackageGroups.slice().sort(),
                    modelPackages: inventory.modelPackages.slice().sort(),
                }, state);
                assert.equal(state.models.length, example.declares[MODEL]);
                assert.equal(state.modelPackageGroups.length, example.declares[MODEL_PACKAGE_GROUP] ?? 0);
                assert.equal(state.modelPackages.length, example.declares[MODEL_PACKAGE] ?? 0);
                for (const type of types) {
                    const create = type === MODEL ? "CreateModel" : type === MODEL_PACKAGE ? "CreateModelPackage" : "CreateModelPackageGroup";
                    assert.equal(calls(t.endpoint, create), example.declares[type], `${create} calls`);
                }

                await example.inspect(t.client, await stack.outputs());
            });

            it("a second up --expect-no-changes passes and calls no mutating API", async () => {
                t.endpoint.resetCounters();
                const up = await stack.up(["--expect-no-changes"]);
                assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 0, replaced: 0, deleted: 0, unchanged: total + 1 }, up.output);
                for (const op of MUTATING) {
                    assert.equal(calls(t.endpoint, op), 0, `${op} was called`);
                }
            });

            it("destroy deletes everything: the endpoint is empty, the state too", async () => {
                const destroy = await stack.destroy();
                assert.equal(resourceChanges(destroy.output).deleted, total + 1, destroy.output);
                assertEndpointEmpty(t.endpoint);
                assert.deepEqual((await stack.exportState()).deployment.resources ?? [], []);
            });
        });
    }
});
