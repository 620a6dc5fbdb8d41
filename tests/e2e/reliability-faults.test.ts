// Reliability under injected faults, with the real Pulumi CLI (docs/RELIABILITY.md).
// CI size: 15 models + 3 package versions; RELIABILITY_FULL=1: 50 models + 10 versions (issue 9).
import { strict as assert } from "assert";
import * as path from "path";
import { PulumiStack } from "../../scripts/lib/pulumi-cli";
import { total } from "../reliability/fault-proxy";
import {
    compareInventories, FIXTURES, FULL, sortedInventory, startFaultyEnvironment, stackEnv, stateInventory, stateOf,
    type FaultyEnvironment,
} from "../reliability/harness";

const MODELS = FULL ? 50 : 15;
const PACKAGES = FULL ? 10 : 3;
const FLEET = path.join(FIXTURES, "fleet");
const LOST_FIRST = [
    "CreateModel", "CreateModelPackageGroup", "CreateModelPackage", "AddTags",
    "DeleteModel", "DeleteModelPackage", "DeleteModelPackageGroup",
];

/** One line per run for docs/RELIABILITY.md; mocha prints it with the test output. */
function report(label: string, env: FaultyEnvironment): void {
    const s = env.proxy!.stats();
    console.log(`      [reliability] ${label}: calls=${total(s.calls)} throttled=${total(s.throttled)} ` +
        `500s=${total(s.serverErrors)} lost=${total(s.lost)} other4xx=${total(s.clientErrors)} ok=${total(s.ok)} ` +
        `retried=${total(s.throttled) + total(s.serverErrors) + total(s.lost)} ` +
        `creates: ${JSON.stringify(Object.fromEntries(Object.entries(s.calls).filter(([k]) => k.startsWith("Create"))))} ` +
        `lostByOp=${JSON.stringify(s.lost)}`);
}

describe(`e2e reliability: pulumi up/destroy of ${MODELS} models + ${PACKAGES} package versions under 20% throttling, 5% 500s, 2% lost responses`, function () {
    this.timeout(8 * 60_000);
    let env: FaultyEnvironment;
    let stack: PulumiStack;

    before(async () => {
        env = await startFaultyEnvironment({
            throttleRate: 0.2,
            seed: 9,
            faults: {
                internalErrorRate: 0.05,
                lostResponseRate: 0.02,
                seed: 9,
                // On top of the random 2%: the first call of every create and delete that reaches the
                // endpoint is applied and its response lost, so each recovery path runs in every run.
                rules: LOST_FIRST.map((operation) => ({ operation, times: 1, error: "lostResponse" as const })),
            },
        });
        stack = await PulumiStack.create(FLEET, {
            // Own stack name: other runs may use the same fixture directory at the same time.
            stackName: `fleet-faults-${process.pid}`,
            config: {
                "aws:region": "us-east-1",
                "fleet:models": String(MODELS),
                "fleet:packages": String(PACKAGES),
                // 12 attempts: with ~27% of calls failing, 8 attempts would leave a ~1e-3 chance per run
                // that some call among ~300 exhausts its retries.
                "sagemaker:maxAttempts": "12",
                "sagemaker:retryBaseDelayMs": "20",
            },
            env: stackEnv(env.url),
        });
    });

    after(async () => {
        env?.proxy?.setThrottleRate(0);
        env?.endpoint.setFaults({});
        if (stack) {
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
        await env?.close();
    });

    it("up creates every resource exactly once: state equals the endpoint inventory, no orphans, no duplicates", async () => {
        await stack.up();
        report("up", env);
        const { resources, pending } = await stateOf(stack);
        assert.deepEqual(pending, [], "no pending operations after a successful up");
        const state = stateInventory(resources);
        const live = sortedInventory(env.endpoint.inventory());
        assert.equal(state.models.length, MODELS);
        assert.equal(state.modelPackages.length, PACKAGES);
        assert.equal(state.modelPackageGroups.length, 1);
        assert.deepEqual(compareInventories(state, live), { orphans: [], ghosts: [], duplicates: [] });
        assert.deepEqual(state, live);
        const s = env.proxy!.stats();
        assert.ok(total(s.throttled) > 0 && total(s.serverErrors) > 0, "faults were actually injected");
    });

    it("a refresh and a preview under the same faults see no drift", async () => {
        await stack.refresh();
        const preview = await stack.preview(["--expect-no-changes"]);
        assert.equal(preview.code, 0, preview.output);
        const live = sortedInventory(env.endpoint.inventory());
        assert.deepEqual(stateInventory((await stateOf(stack)).resources), live);
        report("up+refresh+preview", env);
    });

    it("destroy under the same faults leaves nothing, in the state or at the endpoint", async () => {
        await stack.destroy();
        report("up+refresh+preview+destroy", env);
        const { resources, pending } = await stateOf(stack);
        assert.deepEqual(pending, []);
        assert.deepEqual(stateInventory(resources), { models: [], modelPackageGroups: [], modelPackages: [] });
        assert.deepEqual(env.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });
});

describe("e2e reliability: 64 concurrent creates through one provider process", function () {
    this.timeout(5 * 60_000);
    let env: FaultyEnvironment;
    let stack: PulumiStack;

    before(async () => {
        // 300 ms per call: serial creates would take 20 s, so overlap shows in maxInFlight.
        env = await startFaultyEnvironment({ throttleRate: 0, faults: { latencyMs: 300 } });
        stack = await PulumiStack.create(FLEET, {
            // Own stack name: other runs may use the same fixture directory at the same time.
            stackName: `fleet-concurrent-${process.pid}`,
            config: { "aws:region": "us-east-1", "fleet:models": "64", "fleet:packages": "0" },
            env: stackEnv(env.url),
        });
    });

    after(async () => {
        if (stack) {
            env?.endpoint.setFaults({});
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
        await env?.close();
    });

    it("up --parallel 64 creates all 64 models, each with exactly one CreateModel call", async () => {
        await stack.up(["--parallel", "64"]);
        const s = env.proxy!.stats();
        console.log(`      [reliability] 64 concurrent: CreateModel calls=${s.calls.CreateModel} maxInFlight=${s.maxInFlight.CreateModel}`);
        assert.equal(env.endpoint.counters().CreateModel, 64);
        const state = stateInventory((await stateOf(stack)).resources);
        assert.equal(state.models.length, 64);
        assert.deepEqual(state, sortedInventory(env.endpoint.inventory()));
        assert.ok((s.maxInFlight.CreateModel ?? 0) >= 16, `creates overlapped (max in flight ${s.maxInFlight.CreateModel})`);
    });
});
