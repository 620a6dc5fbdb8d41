// Issue 15 item 5, end to end: examples/deploy-approved with the real Pulumi CLI against the local
// endpoint. A pipeline (the example's pipeline.ts, through the SDK) fills a model package group
// outside the stack; the program serves its latest Approved version through the registry lookup.
// A newer version approved out of band makes the next preview plan, and the next up perform, the
// model's replacement; the stack output names the version served.
//
// Not in tests/e2e/examples.test.ts: that suite's examples own everything they deploy (each
// leaves the shared endpoint empty), while this one serves a group that outlives the stack. Its
// preview with the pack and examples/policy-config.json is checked here the same way.
import { strict as assert } from "assert";
import * as path from "path";
import {
    DescribeModelCommand, DescribeModelPackageCommand, ListTagsCommand,
    type SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { registerVersion, setApproval } from "../../examples/deploy-approved/pipeline";
import {
    EXAMPLES_DIR, MODEL, POLICY_PACK_DIR, PulumiStack, assertOk, calls, createStack, exampleDir,
    expectFailure, resourceChanges, resourceLines, setConfig, useE2eEndpoint, violationsAt,
} from "../helpers/e2e";

const WITH_PACK = ["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", path.join(EXAMPLES_DIR, "policy-config.json")];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The lookup serves Completed versions only: wait as a pipeline would before asking for approval. */
async function completed(client: SageMakerClient, arn: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
        const { ModelPackageStatus } = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        if (ModelPackageStatus === "Completed") {
            return;
        }
        await sleep(50);
    }
    throw new Error(`${arn} did not complete`);
}

describe("e2e: examples/deploy-approved serves the registry's latest approved version, with the real Pulumi CLI", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    // Inner suite: its after hook (destroy) runs before the outer one closes the endpoint.
    describe("one stack, a group filled by the pipeline", () => {
        const GROUP = `e2e-approved-${process.pid}`;
        const versionArns: string[] = [];
        let stack: PulumiStack;

        before(async () => {
            // The pipeline: version 1 approved, version 2 registered and awaiting review.
            versionArns.push(await registerVersion(t.client, GROUP, { approval: "Approved" }));
            versionArns.push(await registerVersion(t.client, GROUP, { approval: "PendingManualApproval" }));
            for (const arn of versionArns) {
                await completed(t.client, arn);
            }
            stack = await createStack(exampleDir("deploy-approved"), { endpoint: t.endpoint, name: "e2e-deploy-approved", config: { groupName: GROUP } });
        });

        after(async () => {
            if (stack && t.endpoint.inventory().models.length > 0) {
                await stack.destroy().catch(() => undefined);
            }
            await stack?.dispose();
        });

        async function servedModel(): Promise<{ outputs: Record<string, unknown>; packageArn?: string; versionTag?: string }> {
            const outputs = await stack.outputs();
            const model = await t.client.send(new DescribeModelCommand({ ModelName: String(outputs.modelName) }));
            const tags = await t.client.send(new ListTagsCommand({ ResourceArn: model.ModelArn }));
            return {
                outputs,
                packageArn: model.PrimaryContainer?.ModelPackageName,
                versionTag: tags.Tags?.find((tag) => tag.Key === "model-package-version")?.Value,
            };
        }

        it("preview with the pack and examples/policy-config.json has no violation, one registry-approval advisory, and already shows version 1's ARN (looked up during preview)", async () => {
            t.endpoint.resetCounters();
            const preview = await stack.preview(WITH_PACK);
            assertOk(preview, "preview of examples/deploy-approved with the pack");
            assert.match(preview.output, /sagemaker-guardrails@v0\.1\.0/, "the pack did not run");
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
            // The package ARN is known at preview, so the region match on it is decided (no advisory from
            // it). The registry's approval is not visible to a policy: a version declared outside the
            // stack and not in approvedPackages is an advisory at the default unknownApproval level.
            assert.deepEqual(violationsAt(preview.output, "advisory"), { "sagemaker-registry-approval": ["served"] }, preview.output);
            assert.match(preview.output, new RegExp(`"${versionArns[0]}" is version 1 of model package group "${GROUP}", declared outside this stack[^\\n]*approvedPackages`), preview.output);
            assert.deepEqual(resourceChanges(preview.output), { created: 2, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, preview.output);
            assert.match(preview.output, new RegExp(`servedPackageArn\\s*:\\s*"${versionArns[0]}"`), preview.output);
            assert.match(preview.output, /servedVersion\s*:\s*1\b/, preview.output);
            assert.ok(calls(t.endpoint, "ListModelPackages") >= 1, "the program looked the version up");
            assert.equal(calls(t.endpoint, "CreateModel"), 0);
        });

        it("up (with the pack) deploys a model serving version 1; the outputs name it", async () => {
            const up = await stack.up(WITH_PACK);
            assert.deepEqual(resourceChanges(up.output), { created: 2, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);
            assert.deepEqual(violationsAt(up.output, "mandatory"), {}, up.output);
            const served = await servedModel();
            assert.equal(served.outputs.servedVersion, 1);
            assert.equal(served.outputs.servedPackageArn, versionArns[0]);
            assert.equal(served.outputs.servedApproval, "Approved");
            assert.equal(served.packageArn, versionArns[0]);
            assert.equal(served.versionTag, "1");
        });

        it("while no newer version is approved, up --expect-no-changes passes and creates nothing", async () => {
            t.endpoint.resetCounters();
            await stack.up(["--expect-no-changes"]);
            assert.equal(calls(t.endpoint, "CreateModel"), 0);
            assert.equal(calls(t.endpoint, "DeleteModel"), 0);
        });

        it("a reviewer approves version 2 out of band: preview plans the model's replacement, up performs it, the output names version 2", async () => {
            const before = await servedModel();
            await setApproval(t.client, GROUP, 2, "Approved");

            const preview = await stack.preview();
            assertOk(preview, "preview after the approval");
            assert.deepEqual(resourceChanges(preview.output), { created: 0, updated: 0, replaced: 1, deleted: 0, unchanged: 1 }, preview.output);
            assert.match(resourceLines(preview.output, MODEL, "served").join("\n"), /replace.*PrimaryContainer/, preview.output);
            assert.match(preview.output, new RegExp(`servedPackageArn\\s*:\\s*"${versionArns[0]}"\\s*=>\\s*"${versionArns[1]}"`), preview.output);

            t.endpoint.resetCounters();
            const up = await stack.up();
            assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 0, replaced: 1, deleted: 0, unchanged: 1 }, up.output);
            assert.equal(calls(t.endpoint, "CreateModel"), 1);
            assert.equal(calls(t.endpoint, "DeleteModel"), 1);
            const after = await servedModel();
            assert.equal(after.outputs.servedVersion, 2);
            assert.equal(after.packageArn, versionArns[1]);
            assert.equal(after.versionTag, "2");
            assert.notEqual(after.outputs.modelName, before.outputs.modelName);
            // The old model is gone: only the one serving version 2 is left.
            assert.deepEqual(t.endpoint.inventory().models, [after.outputs.modelArn]);
        });

        it("pinning version 1 (a rollback) serves it again, whatever the approvals", async () => {
            await setConfig(stack, { pinnedVersion: "1" });
            const up = await stack.up();
            assert.equal(resourceChanges(up.output).replaced, 1, up.output);
            const served = await servedModel();
            assert.equal(served.outputs.servedVersion, 1);
            assert.equal(served.packageArn, versionArns[0]);
            await setConfig(stack, { pinnedVersion: undefined });
        });

        it("with no version approved, preview stops with the lookup's message (group, filter, fix), no stack trace, nothing changed", async () => {
            await setApproval(t.client, GROUP, 1, "Rejected");
            await setApproval(t.client, GROUP, 2, "Rejected");
            t.endpoint.resetCounters();
            const preview = await expectFailure(stack, ["preview"]);
            assert.match(preview.output, new RegExp(`getLatestModelPackageVersion: no version of model package group "${GROUP}" in us-east-1 ` +
                "matches ModelApprovalStatus = Approved, ModelPackageStatus = Completed: of its 2 versions, none is Approved \\(2 Rejected\\)\\. " +
                "Fix: approve one in SageMaker Studio"), preview.output);
            assert.doesNotMatch(preview.output, /unhandled exception|at .*\.(ts|js):\d+/, preview.output);
            assert.equal(calls(t.endpoint, "CreateModel") + calls(t.endpoint, "DeleteModel"), 0);
        });

        it("destroy deletes the model only: the group and its versions (the pipeline's) remain", async () => {
            const destroy = await stack.destroy();
            assert.equal(resourceChanges(destroy.output).deleted, 2, destroy.output);
            const inventory = t.endpoint.inventory();
            assert.deepEqual(inventory.models, []);
            assert.equal(inventory.modelPackageGroups.length, 1);
            assert.deepEqual(inventory.modelPackages.slice().sort(), versionArns.slice().sort());
        });
    });
});
