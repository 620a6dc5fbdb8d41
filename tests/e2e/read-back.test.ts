// Read-back after create (docs/MODEL.md) with the real Pulumi CLI: on an endpoint that drops
// ModelLifeCycle (the local endpoint's "package-drops-model-life-cycle" switch), `pulumi up`
// succeeds with one warning naming the resource, the member and both values, counted as a
// warning; the state's outputs record what the endpoint holds. The engine keeps the program's
// inputs, so the first refresh shows the difference (the program declares a stage the endpoint
// does not hold); once refreshed, the state is the endpoint's and a second refresh has nothing to do.
import { strict as assert } from "assert";
import { MODEL_PACKAGE, PulumiStack, assertEndpointEmpty, createStack, fixtureDir, useE2eEndpoint } from "../helpers/e2e";

describe("e2e: read-back after create", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async () => {
        t.endpoint.setFaults({ deviations: ["package-drops-model-life-cycle"] });
        stack = await createStack(fixtureDir("read-back"), { endpoint: t.endpoint, name: "e2e-read-back" });
    });

    after(async () => {
        await stack?.dispose();
    });

    it("up warns that ModelLifeCycle was not stored, and the state holds none", async () => {
        const up = await stack.up();
        assert.match(up.output, /warning: ModelPackage "staged-[a-z0-9]+" version 1: SageMaker stored ModelLifeCycle as absent, not the declared \{"Stage":"Staging","StageStatus":"InProgress"\}\./);
        assert.match(up.output, /\b1 warning\b/, "counted as a warning, not a plain message");
        const [version] = await stack.resourcesOfType(MODEL_PACKAGE);
        assert.equal(version.outputs?.ModelLifeCycle, undefined);
        assert.equal(version.outputs?.status, "Completed");
    });

    it("refresh shows the declared stage the endpoint does not hold, once; then no drift", async () => {
        const first = await stack.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
        assert.notEqual(first.code, 0, first.output);
        assert.match(first.output, /sagemaker:ModelPackage staged-v1 updated .*\[diff: [^\]]*-ModelLifeCycle/);
        await stack.refresh(["--expect-no-changes"]);
    });

    it("destroy leaves the endpoint empty", async () => {
        await stack.destroy();
        assertEndpointEmpty(t.endpoint);
    });
});
