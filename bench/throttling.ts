import type { LocalEndpoint } from "../local-endpoint";
import { defaultParallel, Fixture, median, round, row, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 3: the endpoint admits 10 requests per sliding second and answers ThrottlingException
 * beyond that; `pulumi up` of N models must succeed entirely (the SDK's retry strategy with our
 * backoff, provider/aws/retry.ts). Ideal: N x calls / 10 seconds (calls = 1, CreateModel), plus the
 * engine's fixed cost; the achieved rate is useful calls per second of non-fixed time.
 */

const RATE = 10;
/** The paced diagnostic's client-side rate: 90% of the limit leaves room for timing jitter. */
const PACE = 0.9 * RATE;
const MIN_CALLS_CREATE = 1;

/**
 * Diagnostic: the provider's own create (no engine) for N models, `concurrency` at a time like the
 * engine's --parallel, against the same throttled endpoint: how much of the limit the SDK retry
 * strategy (provider/aws/retry.ts) uses by itself, for a given first backoff delay.
 */
async function providerOnly(ep: LocalEndpoint, n: number, concurrency: number, retryBaseDelayMs?: number) {
    const { lifecycles } = require("pulumi-sagemaker/dist/provider/runtime") as typeof import("../provider/runtime");
    const settings = { endpoint: ep.url, region: "us-east-1", ...(retryBaseDelayMs ? { retryBaseDelayMs } : {}) };
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
    const names = Array.from({ length: n }, (_, i) => `throttle-${retryBaseDelayMs ?? "default"}-${i}`);
    const result = await throttledPool(ep, names, concurrency, (name) => lifecycles.Model.create(settings, {
        ...MODEL_REQUEST, ModelName: name, Tags: [{ Key: "team", Value: "bench" }],
    }));
    for (const name of names) {
        await lifecycles.Model.delete(settings, name, {});
    }
    return result;
}

const MODEL_REQUEST = {
    PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: "s3://b-us-east-1/m.tar.gz" },
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
};

/** `concurrency` workers create `names` one after another under the rate limit; counts failures and calls. */
async function throttledPool(ep: LocalEndpoint, names: string[], concurrency: number, create: (name: string) => Promise<unknown>) {
    const queue = [...names];
    let failures = 0;
    ep.setFaults({ rateLimitPerSecond: RATE });
    ep.resetCounters();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
            await create(name).catch(() => { failures++; });
        }
    }));
    const s = (performance.now() - t0) / 1000;
    const calls = ep.counters();
    ep.setFaults({});
    return { seconds: round(s), failures, calls, requests: totalCalls(calls) };
}

/**
 * Diagnostic: what would close the gap. N bare CreateModel calls through one SDK client shared by
 * `concurrency` workers (like one provider process sharing a client across resources), either in
 * the SDK's "adaptive" retry mode (a client-side token bucket that learns the throttle rate) or
 * paced client-side at the known rate.
 */
async function sharedClient(ep: LocalEndpoint, n: number, concurrency: number, mode: "adaptive" | "paced") {
    const { SageMakerClient, CreateModelCommand, DeleteModelCommand } = require("@aws-sdk/client-sagemaker") as typeof import("@aws-sdk/client-sagemaker");
    const client = new SageMakerClient({ endpoint: ep.url, region: "us-east-1", retryMode: mode === "adaptive" ? "adaptive" : "standard", maxAttempts: 8,
        credentials: { accessKeyId: "test", secretAccessKey: "test" } });
    // "paced": a client-side limiter a little under the known rate (90%), one request start per 1000 / PACE ms.
    let nextSlot = 0;
    const pace = async () => {
        if (mode !== "paced") {
            return;
        }
        const now = performance.now();
        const slot = Math.max(now, nextSlot);
        nextSlot = slot + 1000 / PACE;
        await new Promise((r) => setTimeout(r, slot - now));
    };
    const names = Array.from({ length: n }, (_, i) => `${mode}-${i}`);
    const result = await throttledPool(ep, names, concurrency, async (name) => {
        await pace();
        return client.send(new CreateModelCommand({ ...MODEL_REQUEST, ModelName: name }));
    });
    for (const name of names) {
        await client.send(new DeleteModelCommand({ ModelName: name })).catch(() => undefined);
    }
    client.destroy();
    return result;
}

export function throttling(opts: BenchOptions) {
    const n = opts.quick ? 20 : 100;
    return runBenchmark("throttling", `3. Throttling: ${RATE} requests/s, N = ${n} models`, opts, async () => {
        const parallel = defaultParallel();
        const f = await Fixture.create("models", { "bench:count": "0" }, { faults: { rateLimitPerSecond: RATE } });
        try {
            await f.measure(UP);
            // The fixed cost: the same program with 0 models, same stack, just before (makes no call).
            const fixedRuns: number[] = [];
            for (let i = 0; i < (opts.quick ? 1 : 3); i++) {
                fixedRuns.push(round((await f.measure(UP)).ms, 0));
            }
            const noop = { medianMs: median(fixedRuns), runsMs: fixedRuns };
            // The throttled up, repeated: a failure is a matter of chance (who loses the race for a slot).
            const attempts: { ms: number; code: number; created: number; errored: number; calls: Record<string, number> }[] = [];
            for (let i = 0; i < (opts.quick ? 1 : 3); i++) {
                f.endpoint.setFaults({ rateLimitPerSecond: RATE });
                await f.config({ "bench:count": String(n) });
                const up = await f.measure(UP, { expectOk: false });
                const created = f.endpoint.inventory().models.length;
                // Models whose create failed (the rest of the missing ones were never started).
                const errored = new Set([...up.result.output.matchAll(/Model \((m\d+)\):\s*\n\s*error:/g)].map((x) => x[1])).size;
                attempts.push({ ms: up.ms, code: up.result.code, created, errored, calls: up.calls });
                opts.log(`  throttled up ${i + 1}: ${round(up.ms, 0)} ms, exit ${up.result.code}, ${created} created, ${totalCalls(up.calls)} requests`);
                if (up.result.code !== 0) {
                    opts.log(up.result.output.slice(-1500));
                }
                f.endpoint.setFaults({}); // the reset is not measured
                await f.config({ "bench:count": "0" });
                await f.measure(UP);
            }
            const failures = attempts.reduce((a, x) => a + (n - x.created), 0);
            const errored = attempts.reduce((a, x) => a + x.errored, 0);
            const upMs = median(attempts.map((x) => x.ms));
            const rate = median(attempts.map((x) => x.created / Math.max(0.001, (x.ms - noop.medianMs) / 1000)));
            // Each created model's create made its 2 calls (CreateModel + DescribeModel) successfully.
            const admitted = median(attempts.map((x) => (x.created * (1 + (x.calls.DescribeModel ? 1 : 0))) / Math.max(0.001, (x.ms - noop.medianMs) / 1000)));
            const requests = attempts.reduce((a, x) => a + totalCalls(x.calls), 0) / attempts.length;
            const idealS = (n * MIN_CALLS_CREATE) / RATE;
            const runs = attempts.length;
            const rows: Row[] = [
                row(`models not created, ${runs} run(s) of N = ${n} (exit codes ${attempts.map((x) => x.code).join(", ")})`, failures, 0, "models",
                    { on: "measured", op: "==", value: 0 },
                    failures === 0 ? "all created in every run" : `${errored} failed with ThrottlingException after all retries; pulumi starts no new ` +
                        "operation after a failure, so the rest were never attempted"),
                row(`up wall time (median of ${runs})`, upMs / 1000, idealS + noop.medianMs / 1000, "s", undefined,
                    `ideal: N x 1 call / ${RATE} per s + fixed cost (up of 0 models: median ${noop.medianMs} ms); runs ${attempts.map((x) => round(x.ms, 0)).join(", ")} ms`),
                row(`useful-call rate (models created x 1 CreateModel / time above the fixed cost, median of ${runs})`, rate, RATE, "calls/s",
                    { on: "ratio", op: ">=", value: 0.8 }, `ideal: all ${n} in ${round(idealS, 1)} s above the fixed cost`),
                row("admitted-call rate (successful calls / time above the fixed cost)", admitted, RATE, "calls/s", undefined,
                    "how much of the limit is used, counting the provider's extra DescribeModel per create"),
                row("requests sent per model (throttled ones included)", requests / n, MIN_CALLS_CREATE, "calls"),
            ];
            // The provider alone, default backoff and a 50 ms first delay (sagemaker:retryBaseDelayMs).
            const diagnostics: Record<string, unknown> = {};
            for (const base of [undefined, 50]) {
                const d = await providerOnly(f.endpoint, n, parallel, base);
                diagnostics[`retryBaseDelayMs=${base ?? "default (200)"}`] = d;
                rows.push(row(`provider create alone (no engine), ${parallel} at a time, retryBaseDelayMs ${base ?? "200 (default)"}: useful-call rate (diagnostic)`,
                    (n - d.failures) / d.seconds, RATE, "calls/s", undefined, `${d.failures} failed; ${d.requests} requests, ${round(d.seconds, 1)} s`));
            }
            for (const mode of ["adaptive", "paced"] as const) {
                const a = await sharedClient(f.endpoint, n, parallel, mode);
                diagnostics[`bare CreateModel, one shared client, ${mode}`] = a;
                const how = mode === "adaptive" ? "SDK adaptive retry mode" : `client-side pacing at ${PACE}/s`;
                rows.push(row(`bare CreateModel, one shared client, ${how}, ${parallel} at a time: useful-call rate (diagnostic)`,
                    (n - a.failures) / a.seconds, RATE, "calls/s", undefined, `${a.failures} failed; ${a.requests} requests, ${round(a.seconds, 1)} s`));
            }
            return {
                rows,
                details: { n, rateLimitPerSecond: RATE, noopUpMs: noop, failures, errored,
                    runs: attempts.map((x) => ({ ...x, ms: round(x.ms, 0) })), providerOnly: diagnostics },
            };
        } finally {
            await f.dispose();
        }
    });
}
