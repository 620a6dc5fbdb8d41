// Issue 4, end to end: the Model resource's lifecycle through the real Pulumi CLI, deploying into
// the local SageMaker endpoint. One stack of tests/e2e/fixtures/model serves every step, in order.
import { strict as assert } from "assert";
import { DeleteModelCommand, DescribeModelCommand, ListTagsCommand } from "@aws-sdk/client-sagemaker";
import {
    MODEL, PulumiStack, assertEndpointEmpty, calls, createStack, fixtureDir, resourceChanges, resourceLines,
    setConfig, sortedIds, useE2eEndpoint,
} from "../helpers/e2e";

describe("e2e: Model with the real Pulumi CLI", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("model"), { endpoint: t.endpoint, name: "e2e-model" });
    });

    after(async () => {
        await stack?.dispose();
    });

    async function stateArns(): Promise<string[]> {
        return sortedIds(await stack.resourcesOfType(MODEL));
    }

    async function modelArn(): Promise<string> {
        return String((await stack.outputs()).modelArn);
    }

    async function tagsOf(arn: string): Promise<Record<string, string>> {
        const out = await t.client.send(new ListTagsCommand({ ResourceArn: arn }));
        return Object.fromEntries((out.Tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
    }

    it("up creates exactly the declared model: the endpoint's inventory is the state", async () => {
        // The generated name preview shows (issue 25: it used to differ from the one up created).
        const preview = await stack.preview(["--diff"]);
        assert.equal(preview.code, 0, preview.output);
        const previewed = /ModelName\s*:\s*"(scorer-[0-9a-f]{7})"/.exec(preview.output)?.[1];
        assert.ok(previewed, `preview shows the generated ModelName: ${preview.output}`);
        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 2, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);

        const arns = await stateArns();
        assert.equal(arns.length, 1);
        assert.deepEqual(t.endpoint.inventory(), { models: arns, modelPackageGroups: [], modelPackages: [] });
        assert.equal(await modelArn(), arns[0]);
        assert.equal(calls(t.endpoint, "CreateModel"), 1);

        const outputs = await stack.outputs();
        assert.match(String(outputs.modelName), /^scorer-[0-9a-f]{7}$/);
        assert.equal(outputs.modelName, previewed, "up creates the name preview showed");
        const described = await t.client.send(new DescribeModelCommand({ ModelName: String(outputs.modelName) }));
        assert.equal(described.ModelArn, arns[0]);
        assert.equal(described.EnableNetworkIsolation, true);
        assert.equal(described.PrimaryContainer?.Image, "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1");
        assert.deepEqual(await tagsOf(arns[0]), { team: "ml-platform", "managed-by": "pulumi" });
    });

    it("a second up with --expect-no-changes passes and calls no mutating API", async () => {
        t.endpoint.resetCounters();
        const up = await stack.up(["--expect-no-changes"]);
        assert.equal(resourceChanges(up.output).unchanged, 2, up.output);
        for (const op of ["CreateModel", "DeleteModel", "AddTags", "DeleteTags"]) {
            assert.equal(calls(t.endpoint, op), 0, `${op} was called`);
        }
    });

    it("refresh --expect-no-changes passes: no drift right after a deployment", async () => {
        const before = await stateArns();
        t.endpoint.resetCounters();
        await stack.refresh(["--expect-no-changes"]);
        assert.ok(calls(t.endpoint, "DescribeModel") >= 1, "refresh did not read the model");
        assert.deepEqual(await stateArns(), before);
    });

    it("a tag change updates in place: same ARN, AddTags/DeleteTags, no CreateModel", async () => {
        const arn = await modelArn();
        await setConfig(stack, { "e2e-model:tags": JSON.stringify({ team: "risk", owner: "alice" }) });

        const preview = await stack.preview(["--diff"]);
        assert.equal(preview.code, 0, preview.output);
        assert.deepEqual(resourceChanges(preview.output), { created: 0, updated: 1, replaced: 0, deleted: 0, unchanged: 1 }, preview.output);

        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 1, replaced: 0, deleted: 0, unchanged: 1 }, up.output);
        const lines = resourceLines(up.output, MODEL, "scorer").join("\n");
        assert.match(lines, /updated/, up.output);
        assert.doesNotMatch(lines, /replac/, up.output);

        assert.equal(await modelArn(), arn);
        assert.deepEqual(t.endpoint.inventory().models, [arn]);
        assert.equal(calls(t.endpoint, "AddTags"), 1);
        assert.equal(calls(t.endpoint, "DeleteTags"), 1);
        assert.equal(calls(t.endpoint, "CreateModel"), 0);
        assert.equal(calls(t.endpoint, "DeleteModel"), 0);
        assert.deepEqual(await tagsOf(arn), { team: "risk", owner: "alice" });

        await stack.up(["--expect-no-changes"]);
    });

    it("an image change replaces: a new ARN, the old model gone from the endpoint", async () => {
        const oldArn = await modelArn();
        await setConfig(stack, { "e2e-model:imageTag": "1.7-2" });

        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 0, replaced: 1, deleted: 0, unchanged: 1 }, up.output);
        assert.match(resourceLines(up.output, MODEL, "scorer").join("\n"), /replaced/, up.output);

        const newArn = await modelArn();
        assert.notEqual(newArn, oldArn);
        assert.deepEqual(t.endpoint.inventory().models, [newArn]);
        assert.deepEqual(await stateArns(), [newArn]);
        assert.equal(calls(t.endpoint, "CreateModel"), 1);
        assert.equal(calls(t.endpoint, "DeleteModel"), 1);

        const described = await t.client.send(new DescribeModelCommand({ ModelName: String((await stack.outputs()).modelName) }));
        assert.equal(described.PrimaryContainer?.Image, "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-2");
        assert.deepEqual(await tagsOf(newArn), { team: "risk", owner: "alice" });

        await stack.up(["--expect-no-changes"]);
    });

    it("a model deleted out of band: refresh drops it from the state, the next up recreates it", async () => {
        const name = String((await stack.outputs()).modelName);
        await t.client.send(new DeleteModelCommand({ ModelName: name }));
        assert.deepEqual(t.endpoint.inventory().models, []);

        // The drift is caught: refresh --expect-no-changes fails, and the refresh drops the model.
        const refresh = await stack.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
        assert.notEqual(refresh.code, 0, `refresh --expect-no-changes should fail on drift:\n${refresh.output}`);
        assert.equal(resourceChanges(refresh.output).deleted, 1, refresh.output);
        assert.match(resourceLines(refresh.output, MODEL, "scorer").join("\n"), /deleted/, refresh.output);
        assert.deepEqual(await stateArns(), []);

        t.endpoint.resetCounters();
        const up = await stack.up();
        assert.equal(resourceChanges(up.output).created, 1, up.output);
        const arns = await stateArns();
        assert.equal(arns.length, 1);
        assert.deepEqual(t.endpoint.inventory().models, arns);
        assert.equal(calls(t.endpoint, "CreateModel"), 1);

        await stack.refresh(["--expect-no-changes"]);
        await stack.up(["--expect-no-changes"]);
    });

    it("destroy leaves the endpoint empty and the state without models", async () => {
        const destroy = await stack.destroy();
        assert.equal(resourceChanges(destroy.output).deleted, 2, destroy.output);
        assertEndpointEmpty(t.endpoint);
        assert.deepEqual(await stack.resourcesOfType(MODEL), []);
    });
});
