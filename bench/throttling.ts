import type { LocalEndpoint } from "../local-endpoint";
import { defaultParallel, Fixture, median, round, row, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 3: the endpoint admits 10 requests per sliding second and answers ThrottlingException
 * beyond that; `pulumi up` of N models must succeed entirely (the SDK's retry strategy with our
 * backoff, provider/aws/retry.ts). Ideal: N x calls / 10 seconds (calls = 1, CreateModel), plus the
 * engine's fixed cost; the achieved rate is useful calls per second of non-fixed time.
 */

const RATE = 10;
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
    const queue = [...names];
    let failures = 0;
    ep.setFaults({ rateLimitPerSecond: RATE });
    ep.resetCounters();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
            await lifecycles.Model.create(settings, {
                ModelName: name,
                PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: "s3://b-us-east-1/m.tar.gz" },
                ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
                Tags: [{ Key: "team", Value: "bench" }],
            }).catch(() => { failures++; });
        }
    }));
    const s = (performance.now() - t0) / 1000;
    const calls = ep.counters();
    ep.setFaults({});
    for (const name of names) {
        await lifecycles.Model.delete(settings, name, {});
    }
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
    // "paced": a client-side limiter at the known rate, one request start per 1000 / RATE ms.
    let nextSlot = 0;
    const pace = async () => {
        if (mode !== "paced") {
            return;
        }
        const now = performance.now();
        const slot = Math.max(now, nextSlot);
        nextSlot = slot + 1000 / RATE;
        await new Promise((r) => setTimeout(r, slot - now));
    };
    const names = Array.from({ length: n }, (_, i) => `${mode}-${i}`);
    const queue = [...names];
    let failures = 0;
    ep.setFaults({ rateLimitPerSecond: RATE });
    ep.resetCounters();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => {
        for (let name = queue.shift(); name; name = queue.shift()) {
            await pace();
            await client.send(new CreateModelCommand({
                ModelName: name,
                PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: "s3://b-us-east-1/m.tar.gz" },
                ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
            })).catch(() => { failures++; });
        }
    }));
    const s = (performance.now() - t0) / 1000;
    const calls = ep.counters();
    ep.setFaults({});
    for (const name of names) {
        await client.send(new DeleteModelCommand({ ModelName: name })).catch(() => undefined);
    }
    client.destroy();
    return { seconds: round(s), failures, calls, requests: totalCalls(calls) };
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
            await f.config({ "bench:count": String(n) });
            const up = await f.measure(UP, { expectOk: false });
            const created = f.endpoint.inventory().models.length;
            const failures = n - created;
            const requests = totalCalls(up.calls);
            // Every model needs its CreateModel; each DescribeModel that succeeded is one per model too.
            const successful = created * (1 + (up.calls.DescribeModel ? 1 : 0));
            const variableS = Math.max(0.001, (up.ms - noop.medianMs) / 1000);
            const idealS = (n * MIN_CALLS_CREATE) / RATE;
            const rows: Row[] = [
                row(`models not created (pulumi exit code ${up.result.code})`, failures, 0, "models", { on: "measured", op: "==", value: 0 }),
                row("up wall time", up.ms / 1000, idealS + noop.medianMs / 1000, "s", undefined,
                    `ideal: N x 1 call / ${RATE} per s + fixed cost (up of 0 models: median ${noop.medianMs} ms)`),
                row("useful-call rate (N x 1 CreateModel / time above the fixed cost)", (n * MIN_CALLS_CREATE) / variableS, RATE, "calls/s",
                    { on: "ratio", op: ">=", value: 0.8 }, `${round(variableS, 1)} s above fixed vs ideal ${round(idealS, 1)} s`),
                row("admitted-call rate (all successful calls / non-fixed time)", successful / variableS, RATE, "calls/s", undefined,
                    "how much of the limit the retries use, counting the extra DescribeModel"),
                row("requests sent per model", requests / n, MIN_CALLS_CREATE, "calls", undefined,
                    `${requests - successful} throttled of ${requests}`),
            ];
            // The provider alone, default backoff and a 50 ms first delay (sagemaker:retryBaseDelayMs).
            const diagnostics: Record<string, unknown> = {};
            for (const base of [undefined, 50]) {
                const d = await providerOnly(f.endpoint, n, parallel, base);
                diagnostics[`retryBaseDelayMs=${base ?? "default (200)"}`] = d;
                rows.push(row(`provider create alone (no engine), ${parallel} at a time, retryBaseDelayMs ${base ?? "200 (default)"}: useful-call rate (diagnostic)`,
                    n / d.seconds, RATE, "calls/s", undefined, `${d.failures} failed; ${d.requests} requests, ${round(d.seconds, 1)} s`));
            }
            for (const mode of ["adaptive", "paced"] as const) {
                const a = await sharedClient(f.endpoint, n, parallel, mode);
                diagnostics[`bare CreateModel, one shared client, ${mode}`] = a;
                const how = mode === "adaptive" ? "SDK adaptive retry mode" : `client-side pacing at ${RATE}/s`;
                rows.push(row(`bare CreateModel, one shared client, ${how}, ${parallel} at a time: useful-call rate (diagnostic)`,
                    n / a.seconds, RATE, "calls/s", undefined, `${a.failures} failed; ${a.requests} requests, ${round(a.seconds, 1)} s`));
            }
            if (up.result.code !== 0) {
                opts.log(up.result.output.slice(-3000));
            }
            return {
                rows,
                details: { n, rateLimitPerSecond: RATE, upMs: round(up.ms, 0), noopUpMs: noop, calls: up.calls, created,
                    throttled: requests - successful, exitCode: up.result.code, providerOnly: diagnostics },
            };
        } finally {
            await f.dispose();
        }
    });
}
