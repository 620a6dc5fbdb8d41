import type { LocalEndpoint } from "../local-endpoint";
import { defaultParallel, Fixture, median, round, row, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 3: the endpoint admits 10 requests per sliding second and answers ThrottlingException
 * beyond that; `pulumi up` of N models must succeed entirely (the SDK's retry strategy with our
 * backoff, provider/aws/retry.ts), unpaced and paced (sagemaker:maxRequestsPerSecond). Ideal:
 * N x calls / 10 seconds (calls = 1, CreateModel), plus the fixed cost; the achieved rate is the
 * marginal one: the N - 1 models beyond the first per second above T(1), the up of one model (which,
 * unlike an up of 0 models, includes starting the provider plugin: a cost that does not grow with N).
 */

const RATE = 10;
/** The bare paced diagnostic's client-side rate: 90% of the limit leaves room for timing jitter. */
const PACE = 0.9 * RATE;
/**
 * `sagemaker:maxRequestsPerSecond` of the paced runs: 95% of the limit, as the docs advise (at the
 * limit itself, timing jitter lets an occasional request into a full second; measured below).
 */
export const PACED_RATE = 0.95 * RATE;
const MIN_CALLS_CREATE = 1;
/** What a Model create sends when nothing is throttled: CreateModel + DescribeModel. */
const PROVIDER_CALLS_CREATE = 2;

/**
 * Diagnostic: the provider's own create (no engine) for N models, `concurrency` at a time like the
 * engine's --parallel, against the same throttled endpoint: how much of the limit the SDK retry
 * strategy (provider/aws/retry.ts) uses by itself, for a given first backoff delay.
 */
async function providerOnly(ep: LocalEndpoint, n: number, concurrency: number, tuning: { retryBaseDelayMs?: number; maxRequestsPerSecond?: number }) {
    const { lifecycles } = require("pulumi-sagemaker/dist/provider/runtime") as typeof import("../provider/runtime");
    const settings = { endpoint: ep.url, region: "us-east-1", ...tuning };
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
    const tag = Object.values(tuning).map((v) => String(v).replace(".", "p")).join("-") || "default";
    const names = Array.from({ length: n }, (_, i) => `throttle-${tag}-${i}`);
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

interface UpAttempt { ms: number; code: number; created: number; errored: number; calls: Record<string, number> }
interface FixedCost { medianMs: number; runsMs: number[]; zeroModelsMs: number }

/** `runs` throttled `pulumi up`s of N models from an empty stack (a failure is a matter of chance: who loses the race for a slot). */
async function throttledUps(f: Fixture, n: number, runs: number, fixedMs: number, log: (l: string) => void): Promise<UpAttempt[]> {
    const attempts: UpAttempt[] = [];
    for (let i = 0; i < runs; i++) {
        f.endpoint.setFaults({ rateLimitPerSecond: RATE });
        await f.config({ "bench:count": String(n) });
        const up = await f.measure(UP, { expectOk: false });
        const created = f.endpoint.inventory().models.length;
        // Models whose create failed (the rest of the missing ones were never started).
        const errored = new Set([...up.result.output.matchAll(/Model \((m\d+)\):\s*\n\s*error:/g)].map((x) => x[1])).size;
        attempts.push({ ms: up.ms, code: up.result.code, created, errored, calls: up.calls });
        log(`  throttled up ${i + 1}: ${round(up.ms, 0)} ms (${round((up.ms - fixedMs) / 1000, 1)} s above T(1)), exit ${up.result.code}, ` +
            `${created} created, ${totalCalls(up.calls)} requests`);
        if (up.result.code !== 0) {
            log(up.result.output.slice(-1500));
        }
        f.endpoint.setFaults({}); // the reset is not measured
        await f.config({ "bench:count": "0" });
        await f.measure(UP);
    }
    return attempts;
}

/** The rows of one set of throttled ups; targets on the paced set, the unpaced one is a diagnostic. */
function throttledRows(attempts: UpAttempt[], n: number, fixed: FixedCost, idealS: number, label: string, targets: boolean): Row[] {
    const failures = attempts.reduce((a, x) => a + (n - x.created), 0);
    const errored = attempts.reduce((a, x) => a + x.errored, 0);
    const above = (x: UpAttempt) => Math.max(0.001, (x.ms - fixed.medianMs) / 1000);
    // The marginal rate: the models beyond the first one (whose up is the fixed cost).
    const rate = median(attempts.map((x) => (x.created - 1) / above(x)));
    // Each created model's create made its 2 calls (CreateModel + DescribeModel) successfully.
    const perCreate = (x: UpAttempt) => 1 + (x.calls.DescribeModel ? 1 : 0);
    const successful = (x: UpAttempt) => x.created * perCreate(x);
    const admitted = median(attempts.map((x) => ((x.created - 1) * perCreate(x)) / above(x)));
    const throttled = attempts.reduce((a, x) => a + totalCalls(x.calls) - successful(x), 0);
    const runs = attempts.length;
    const diag = targets ? "" : " (diagnostic)";
    return [
        row(`${label}: models not created, ${runs} run(s) of N = ${n} (exit codes ${attempts.map((x) => x.code).join(", ")})`, failures, 0, "models",
            { on: "measured", op: "==", value: 0 },
            failures === 0 ? "all created in every run" : `${errored} failed with ThrottlingException after all retries; pulumi starts no new ` +
                "operation after a failure, so the rest were never attempted"),
        row(`${label}: up wall time (median of ${runs})${diag}`, median(attempts.map((x) => x.ms)) / 1000, idealS + fixed.medianMs / 1000, "s", undefined,
            `ideal: (N - 1) x 1 call / ${RATE} per s + T(1), the up of 1 model (median ${fixed.medianMs} ms; of 0 models: ${fixed.zeroModelsMs} ms); ` +
            `runs ${attempts.map((x) => round(x.ms, 0)).join(", ")} ms`),
        row(`${label}: useful-call rate ((models created - 1) x 1 CreateModel / time above T(1), median of ${runs})${diag}`, rate, RATE, "calls/s",
            targets ? { on: "ratio", op: ">=", value: 0.45 } : undefined,
            `ideal: ${n - 1} in ${round(idealS, 1)} s above T(1); the provider's 2 calls per create make 0.5 of it the ceiling; ` +
            `above the up of 0 models instead (no provider plugin start): ${round(median(attempts.map((x) => x.created / Math.max(0.001, (x.ms - fixed.zeroModelsMs) / 1000))), 2)} calls/s`),
        row(`${label}: admitted-call rate (successful calls beyond the first model's / time above T(1))${diag}`, admitted, RATE, "calls/s",
            targets ? { on: "ratio", op: ">=", value: 0.9 } : undefined,
            "how much of the limit is used, counting the provider's extra DescribeModel per create"),
        row(`${label}: throttled requests (median run)${diag}`, median(attempts.map((x) => totalCalls(x.calls) - successful(x))), 0, "calls", undefined,
            `${throttled} in ${runs} run(s); requests sent per model ${round(attempts.reduce((a, x) => a + totalCalls(x.calls), 0) / runs / n, 2)} (ideal 1)`),
    ];
}

export function throttling(opts: BenchOptions) {
    const n = opts.quick ? 20 : 100;
    return runBenchmark("throttling", `3. Throttling: ${RATE} requests/s, N = ${n} models`, opts, async () => {
        const parallel = defaultParallel();
        const f = await Fixture.create("models", { "bench:count": "0" }, { faults: { rateLimitPerSecond: RATE } });
        try {
            await f.measure(UP);
            // The fixed cost T(1): the up of 1 model from 0, same stack, just before (its 2 calls are not throttled).
            // The up of 0 models is kept for reference: it never starts the provider plugin.
            const zeroRuns: number[] = [];
            const fixedRuns: number[] = [];
            for (let i = 0; i < (opts.quick ? 1 : 3); i++) {
                zeroRuns.push(round((await f.measure(UP)).ms, 0));
                await f.config({ "bench:count": "1" });
                fixedRuns.push(round((await f.measure(UP)).ms, 0));
                await f.config({ "bench:count": "0" });
                await f.measure(UP);
            }
            const fixed: FixedCost = { medianMs: median(fixedRuns), runsMs: fixedRuns, zeroModelsMs: median(zeroRuns) };
            const unpaced = await throttledUps(f, n, opts.quick ? 1 : 3, fixed.medianMs, opts.log);
            await f.config({ "sagemaker:maxRequestsPerSecond": String(PACED_RATE) });
            const paced = await throttledUps(f, n, opts.quick ? 1 : 3, fixed.medianMs, opts.log);
            await f.stack.expectOk(["config", "rm", "sagemaker:maxRequestsPerSecond"]);
            const idealS = ((n - 1) * MIN_CALLS_CREATE) / RATE;
            const rows: Row[] = [
                ...throttledRows(paced, n, fixed, idealS, `paced (sagemaker:maxRequestsPerSecond = ${PACED_RATE})`, true),
                ...throttledRows(unpaced, n, fixed, idealS, "unpaced", false),
            ];
            // The provider alone, default backoff and a 50 ms first delay (sagemaker:retryBaseDelayMs).
            const diagnostics: Record<string, unknown> = {};
            const tunings: [string, { retryBaseDelayMs?: number; maxRequestsPerSecond?: number }][] = [
                ["retryBaseDelayMs 200 (default)", {}],
                ["retryBaseDelayMs 50", { retryBaseDelayMs: 50 }],
                [`maxRequestsPerSecond ${PACED_RATE}`, { maxRequestsPerSecond: PACED_RATE }],
                [`maxRequestsPerSecond ${RATE} (the limit itself)`, { maxRequestsPerSecond: RATE }],
            ];
            // Quick runs keep the two that matter for the targets: the default and the paced rate.
            for (const [label, tuning] of opts.quick ? [tunings[0], tunings[2]] : tunings) {
                const d = await providerOnly(f.endpoint, n, parallel, tuning);
                diagnostics[label] = d;
                const throttled = d.requests - PROVIDER_CALLS_CREATE * (n - d.failures);
                rows.push(row(`provider create alone (no engine), ${parallel} at a time, ${label}: useful-call rate (diagnostic)`,
                    (n - d.failures) / d.seconds, RATE, "calls/s", undefined,
                    `${d.failures} failed; ${d.requests} requests (${throttled} throttled), ${round(d.seconds, 1)} s`));
            }
            for (const mode of opts.quick ? [] : (["adaptive", "paced"] as const)) {
                const a = await sharedClient(f.endpoint, n, parallel, mode);
                diagnostics[`bare CreateModel, one shared client, ${mode}`] = a;
                const how = mode === "adaptive" ? "SDK adaptive retry mode" : `client-side pacing at ${PACE}/s`;
                rows.push(row(`bare CreateModel, one shared client, ${how}, ${parallel} at a time: useful-call rate (diagnostic)`,
                    (n - a.failures) / a.seconds, RATE, "calls/s", undefined, `${a.failures} failed; ${a.requests} requests, ${round(a.seconds, 1)} s`));
            }
            const summary = (a: UpAttempt[]) => ({ failures: a.reduce((t, x) => t + (n - x.created), 0), errored: a.reduce((t, x) => t + x.errored, 0),
                runs: a.map((x) => ({ ...x, ms: round(x.ms, 0) })) });
            return {
                rows,
                details: { n, rateLimitPerSecond: RATE, pacedRate: PACED_RATE, fixedUpMs: fixed, zeroModelsUpMs: zeroRuns, ...summary(unpaced), paced: summary(paced), providerOnly: diagnostics },
            };
        } finally {
            await f.dispose();
        }
    });
}
