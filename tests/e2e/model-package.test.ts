// Issue 5, end to end: the model registry as code through the real Pulumi CLI, deploying into the
// local SageMaker endpoint. One stack of tests/e2e/fixtures/model-package serves every step, in order.
import { strict as assert } from "assert";
import { DescribeModelCommand, DescribeModelPackageCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import {
    MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, PulumiStack, assertEndpointEmpty, calls, createStack, fixtureDir,
    resourceChanges, resourceLines, setConfig, sortedIds, useE2eEndpoint,
} from "../helpers/e2e";

describe("e2e: ModelPackageGroup, ModelPackage and a Model from the approved version, with the real Pulumi CLI", function () {
    this.timeout(10 * 60_000);
    // A real status wait: each package is Pending, then InProgress, for 300 ms in all.
    const t = useE2eEndpoint({ packageStatusDelayMs: 300 });
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("model-package"), { endpoint: t.endpoint, name: "e2e-registry" });
    });

    after(async () => {
        await stack?.dispose();
    });

    async function out(): Promise<Record<string, unknown>> {
        return stack.outputs();
    }

    async function approvalOf(arn: string): Promise<string | undefined> {
        return (await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).ModelApprovalStatus;
    }

    it("up creates the group, two versions and the model: the endpoint's inventory is the state", async () => {
        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 5, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);

        const inventory = t.endpoint.inventory();
        assert.deepEqual(inventory.modelPackageGroups, sortedIds(await stack.resourcesOfType(MODEL_PACKAGE_GROUP)));
        assert.deepEqual(inventory.modelPackages.slice().sort(), sortedIds(await stack.resourcesOfType(MODEL_PACKAGE)));
        assert.deepEqual(inventory.models, sortedIds(await stack.resourcesOfType(MODEL)));
        assert.equal(inventory.modelPackageGroups.length, 1);
        assert.equal(inventory.modelPackages.length, 2);
        assert.equal(inventory.models.length, 1);
        assert.equal(calls(t.endpoint, "CreateModelPackage"), 2);

        const o = await out();
        assert.equal(o.v1Version, 1);
        assert.equal(o.v2Version, 2);
        assert.equal(o.v2Status, "Completed");
        assert.equal(o.v2Approval, "Approved");
        assert.match(String(o.v2Arn), new RegExp(`:model-package/${String(o.groupName).toLowerCase()}/2$`));
        assert.equal(await approvalOf(String(o.v1Arn)), "Rejected");
        assert.equal(await approvalOf(String(o.v2Arn)), "Approved");

        // The model serves the approved version.
        const model = await t.client.send(new DescribeModelCommand({ ModelName: String(o.modelName) }));
        assert.equal(model.ModelArn, o.modelArn);
        assert.equal(model.PrimaryContainer?.ModelPackageName, o.v2Arn);
    });

    it("a second up and a refresh report no changes", async () => {
        t.endpoint.resetCounters();
        await stack.up(["--expect-no-changes"]);
        await stack.refresh(["--expect-no-changes"]);
        for (const op of ["CreateModelPackage", "UpdateModelPackage", "DeleteModelPackage", "CreateModel", "DeleteModel"]) {
            assert.equal(calls(t.endpoint, op), 0, `${op} was called`);
        }
    });

    it("an approval change updates the version in place: one UpdateModelPackage, same ARN", async () => {
        const before = await out();
        await setConfig(stack, { "e2e-model-package:v1Approval": "Approved" });

        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 1, replaced: 0, deleted: 0, unchanged: 4 }, up.output);
        assert.match(resourceLines(up.output, MODEL_PACKAGE, "churn-v1").join("\n"), /updated/, up.output);
        assert.equal(calls(t.endpoint, "UpdateModelPackage"), 1);
        for (const op of ["CreateModelPackage", "DeleteModelPackage", "CreateModel", "DeleteModel"]) {
            assert.equal(calls(t.endpoint, op), 0, `${op} was called`);
        }

        const after = await out();
        assert.equal(after.v1Arn, before.v1Arn);
        assert.equal(after.modelArn, before.modelArn);
        assert.equal(await approvalOf(String(after.v1Arn)), "Approved");
        assert.equal(t.endpoint.inventory().modelPackages.length, 2);

        await stack.up(["--expect-no-changes"]);
    });

    it("with ignoreChanges: [\"ModelApprovalStatus\"], an approval made out of band stands through refresh and up", async () => {
        await setConfig(stack, { "e2e-model-package:ignoreApproval": "true" });
        await stack.up(["--expect-no-changes"]);

        const { v2Arn } = await out();
        // Someone rejects v2 in Studio.
        await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: String(v2Arn), ModelApprovalStatus: "Rejected" }));

        const refresh = await stack.refresh();
        assert.equal(resourceChanges(refresh.output).updated, 1, refresh.output);
        const v2 = (await stack.resourcesOfType(MODEL_PACKAGE)).find((r) => r.outputs?.arn === v2Arn);
        assert.equal(v2?.outputs?.ModelApprovalStatus, "Rejected");

        t.endpoint.resetCounters();
        await stack.up(["--expect-no-changes"]);
        assert.equal(calls(t.endpoint, "UpdateModelPackage"), 0);
        assert.equal(await approvalOf(String(v2Arn)), "Rejected");
        assert.equal((await out()).v2Approval, "Rejected");
    });

    it("without ignoreChanges, the next up sets the program's approval back", async () => {
        const { v2Arn } = await out();
        await setConfig(stack, { "e2e-model-package:ignoreApproval": undefined });

        const preview = await stack.preview(["--expect-no-changes"]);
        assert.notEqual(preview.code, 0, `preview --expect-no-changes should see the approval drift:\n${preview.output}`);
        assert.equal(resourceChanges(preview.output).updated, 1, preview.output);

        t.endpoint.resetCounters();
        await stack.up();
        assert.equal(calls(t.endpoint, "UpdateModelPackage"), 1);
        assert.equal(calls(t.endpoint, "CreateModelPackage"), 0);
        assert.equal(await approvalOf(String(v2Arn)), "Approved");
        assert.equal((await out()).v2Arn, v2Arn);
    });

    it("destroy leaves the endpoint empty", async () => {
        const destroy = await stack.destroy();
        assert.equal(resourceChanges(destroy.output).deleted, 5, destroy.output);
        assertEndpointEmpty(t.endpoint);
        assert.deepEqual(await stack.resourcesOfType(MODEL_PACKAGE), []);
    });
});
