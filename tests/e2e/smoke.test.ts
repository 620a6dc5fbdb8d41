import { strict as assert } from "assert";
import * as path from "path";
import { PulumiStack } from "../../scripts/lib/pulumi-cli";

const ECHO = "pulumi-nodejs:dynamic/smoke:Echo";

describe("e2e: the offline Pulumi engine", function () {
    this.timeout(5 * 60_000);
    let stack: PulumiStack;

    before(async () => {
        stack = await PulumiStack.create(path.join(__dirname, "fixtures", "smoke"), { config: { "smoke:message": "hi" } });
    });

    after(async () => {
        await stack?.dispose();
    });

    it("reports its version", async () => {
        const version = await stack.runRaw(["version"]);
        assert.match(version.stdout.trim(), /^v3\.\d+\.\d+/);
    });

    it("up puts a dynamic resource in the state, destroy takes it out", async () => {
        const up = await stack.up();
        assert.match(up.output, /\+ 2 created/);
        const created = await stack.resourcesOfType(ECHO);
        assert.equal(created.length, 1);
        assert.equal(created[0].outputs?.message, "hi");
        assert.deepEqual(await stack.outputs(), { message: "hi" });

        await stack.destroy();
        assert.deepEqual(await stack.resourcesOfType(ECHO), []);
    });
});
