import * as os from "os";
import { defaultParallel, Fixture, median, noopMs, round, row, RssSampler, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 2: `pulumi up` of N models with 50 ms latency per API call, against the ideal
 * ceil(N / parallelism) x calls x latency + the engine's fixed cost. `calls` is the API minimum
 * for a create (1: CreateModel); parallelism is the CLI's default --parallel (never passed).
 *
 * The fixed cost is an `up` of the same program with 0 models, in the same stack, run right before
 * each size (so machine contention drifts similarly for both); its median is the fixed cost. The
 * zero-resource program (bench/programs/noop) is reported beside it for reference.
 */

const LATENCY_MS = 50;
const MIN_CALLS_CREATE = 1;
const MIN_CALLS_DELETE = 1;

export function scaleUp(opts: BenchOptions) {
    const parallel = defaultParallel();
    return runBenchmark("scale-up", `2. pulumi up of N models, ${LATENCY_MS} ms per API call, --parallel ${parallel} (the CLI default)`, opts, async () => {
        const sizes = opts.quick ? [10] : [10, 50, 200];
        const noop = await noopMs(UP, opts.quick ? 1 : 3);
        opts.log(`  no-op program up: ${noop.runsMs.join(", ")} ms`);
        const runs: Record<string, unknown>[] = [];
        const fixedRuns: number[] = [];
        const measured: { n: number; upMs: number; upCalls: number; delMs: number; load: number }[] = [];
        const f = await Fixture.create("models", { "bench:count": "0" }, { faults: { latencyMs: LATENCY_MS } });
        const rows: Row[] = [];
        try {
            await f.measure(UP); // creates the stack resource
            for (const n of sizes) {
                const fixed = await f.measure(UP); // 0 models, nothing to change: the fixed cost, just before
                fixedRuns.push(round(fixed.ms, 0));
                await f.config({ "bench:count": String(n) });
                const sampler = new RssSampler(f.stack.backendDir);
                const load = round(os.loadavg()[0]);
                const up = await f.measure(UP, { sampler });
                await f.config({ "bench:count": "0" });
                const del = await f.measure(UP);
                measured.push({ n, upMs: up.ms, upCalls: totalCalls(up.calls), delMs: del.ms, load });
                runs.push({ n, fixedMs: round(fixed.ms, 0), upMs: round(up.ms, 0), upCalls: up.calls, deleteMs: round(del.ms, 0),
                    deleteCalls: del.calls, loadavg1m: load, upCpuSeconds: sampler.cpuSeconds(), upPeakKiB: sampler.peakKiB });
                opts.log(`  N=${n}: fixed ${round(fixed.ms, 0)} ms, up ${round(up.ms, 0)} ms (${totalCalls(up.calls)} calls), ` +
                    `delete ${round(del.ms, 0)} ms, load ${load}`);
            }
            const fixedMs = median(fixedRuns);
            rows.push(row("fixed cost: up of the same program, 0 models (engine fixed overhead)", fixedMs / 1000, fixedMs / 1000, "s", undefined,
                `median of ${fixedRuns.join(", ")} ms; the zero-resource program: median ${noop.medianMs} ms (${noop.runsMs.join(", ")})`));
            for (const m of measured) {
                const waves = Math.ceil(m.n / parallel);
                const ideal = (waves * MIN_CALLS_CREATE * LATENCY_MS + fixedMs) / 1000;
                const perModel = m.upCalls / m.n;
                const idealOwnCalls = (waves * perModel * LATENCY_MS + fixedMs) / 1000;
                const last = m.n === sizes[sizes.length - 1];
                rows.push(row(`up, N = ${m.n}`, m.upMs / 1000, ideal, "s", last ? { on: "ratio", op: "<=", value: 2.0 } : undefined,
                    `${waves} waves x ${MIN_CALLS_CREATE} call x ${LATENCY_MS} ms + fixed; the provider makes ${round(perModel)} calls/model ` +
                    `(ideal with those: ${round(idealOwnCalls)} s); ${round((m.upMs - fixedMs) / m.n, 1)} ms per model above fixed; load ${m.load}`));
                rows.push(row(`delete via up, N = ${m.n}`, m.delMs / 1000, (waves * MIN_CALLS_DELETE * LATENCY_MS + fixedMs) / 1000, "s"));
            }
            // Diagnostics at the largest N: no latency isolates the engine + provider cost per resource,
            // and a provider that makes no call at all (bench/programs/echo) the engine's alone.
            // Left out of quick runs (they explain a full run's gap; quick must stay under 5 minutes).
            const n = sizes[sizes.length - 1];
            if (!opts.quick) {
                f.endpoint.setFaults({});
                await f.config({ "bench:count": String(n) });
                const zs = new RssSampler(f.stack.backendDir);
                const zero = await f.measure(UP, { sampler: zs });
                rows.push(row(`up, N = ${n}, 0 ms latency (diagnostic)`, zero.ms / 1000, fixedMs / 1000, "s", undefined,
                    `ideal: the fixed cost; ${round((zero.ms - fixedMs) / n, 1)} ms per model`));
                runs.push({ n, latencyMs: 0, upMs: round(zero.ms, 0), perResourceMs: round((zero.ms - fixedMs) / n, 1),
                    upCpuSeconds: zs.cpuSeconds(), upPeakKiB: zs.peakKiB });
                // The file backend rewrites the whole checkpoint after every step (O(N) bytes x O(N) steps);
                // PULUMI_SKIP_CHECKPOINTS=true writes only the final one. Same up, 50 ms latency again.
                await f.config({ "bench:count": "0" });
                await f.measure(UP);
                f.endpoint.setFaults({ latencyMs: LATENCY_MS });
                await f.config({ "bench:count": String(n) });
                const ks = new RssSampler(f.stack.backendDir);
                const skip = await f.measure(UP, { sampler: ks, env: { PULUMI_SKIP_CHECKPOINTS: "true" } });
                const waves = Math.ceil(n / parallel);
                rows.push(row(`up, N = ${n}, PULUMI_SKIP_CHECKPOINTS=true (diagnostic)`, skip.ms / 1000,
                    (waves * MIN_CALLS_CREATE * LATENCY_MS + fixedMs) / 1000, "s", undefined,
                    `only the final checkpoint is written; engine CPU ${ks.cpuSeconds().engine ?? "?"} s ` +
                    `(with checkpoints: ${(runs.find((r) => r.n === n && r.latencyMs === undefined)?.upCpuSeconds as Record<string, number> | undefined)?.engine ?? "?"} s)`));
                runs.push({ n, skipCheckpoints: true, upMs: round(skip.ms, 0), upCalls: skip.calls, upCpuSeconds: ks.cpuSeconds(), upPeakKiB: ks.peakKiB });
                const e = await Fixture.create("echo", { "bench:count": "0" });
                try {
                    await e.measure(UP);
                    const echoFixed = await e.measure(UP);
                    await e.config({ "bench:count": String(n) });
                    const es = new RssSampler(e.stack.backendDir);
                    const echo = await e.measure(UP, { sampler: es });
                    rows.push(row(`up, N = ${n} no-op dynamic resources (diagnostic)`, echo.ms / 1000, echoFixed.ms / 1000, "s", undefined,
                        `ideal: the same program with 0 resources; engine + dynamic-provider machinery alone: ` +
                        `${round((echo.ms - echoFixed.ms) / n, 1)} ms per resource`));
                    runs.push({ n, program: "echo", fixedMs: round(echoFixed.ms, 0), upMs: round(echo.ms, 0),
                        perResourceMs: round((echo.ms - echoFixed.ms) / n, 1), upCpuSeconds: es.cpuSeconds(), upPeakKiB: es.peakKiB });
                } finally {
                    await e.dispose();
                }
            }
        } finally {
            await f.dispose();
        }
        return { rows, details: { parallel, latencyMs: LATENCY_MS, fixedUpMs: { medianMs: median(fixedRuns), runsMs: fixedRuns }, noopProgramUpMs: noop, runs } };
    });
}
