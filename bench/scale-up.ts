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

interface Measured { n: number; upMs: number; upCalls: number; delMs: number; load: number }

/** For each size: the fixed cost (up with 0 models) just before, up of N models, delete via up of 0 models. */
async function upSeries(f: Fixture, sizes: number[], fixedRuns: number[], measured: Measured[], runs: Record<string, unknown>[],
    log: (l: string) => void): Promise<void> {
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
        log(`  N=${n}: fixed ${round(fixed.ms, 0)} ms, up ${round(up.ms, 0)} ms (${totalCalls(up.calls)} calls), ` +
            `delete ${round(del.ms, 0)} ms, load ${load}`);
    }
}

/** up and delete rows against ceil(N / parallel) x calls x latency + the fixed cost; the largest N carries the target. */
function upRows(label: string, measured: Measured[], sizes: number[], fixedMs: number, parallel: number): Row[] {
    const rows: Row[] = [];
    for (const m of measured) {
        const waves = Math.ceil(m.n / parallel);
        const ideal = (waves * MIN_CALLS_CREATE * LATENCY_MS + fixedMs) / 1000;
        const perModel = m.upCalls / m.n;
        const idealOwnCalls = (waves * perModel * LATENCY_MS + fixedMs) / 1000;
        const last = m.n === sizes[sizes.length - 1];
        rows.push(row(`${label}up, N = ${m.n}`, m.upMs / 1000, ideal, "s", last ? { on: "ratio", op: "<=", value: 2.0 } : undefined,
            `${waves} waves x ${MIN_CALLS_CREATE} call x ${LATENCY_MS} ms + fixed; the provider makes ${round(perModel)} calls/model ` +
            `(ideal with those: ${round(idealOwnCalls)} s); ${round((m.upMs - fixedMs) / m.n, 1)} ms per model above fixed; load ${m.load}`));
        rows.push(row(`${label}delete via up, N = ${m.n}`, m.delMs / 1000, (waves * MIN_CALLS_DELETE * LATENCY_MS + fixedMs) / 1000, "s"));
    }
    return rows;
}

export function scaleUp(opts: BenchOptions) {
    const parallel = defaultParallel();
    return runBenchmark("scale-up", `2. pulumi up of N models, ${LATENCY_MS} ms per API call, --parallel ${parallel} (the CLI default)`, opts, async () => {
        const sizes = opts.quick ? [10] : [10, 50, 200];
        const noop = await noopMs(UP, opts.quick ? 1 : 3);
        opts.log(`  no-op program up: ${noop.runsMs.join(", ")} ms`);
        const runs: Record<string, unknown>[] = [];
        const fixedRuns: number[] = [];
        const measured: Measured[] = [];
        const f = await Fixture.create("models", { "bench:count": "0" }, { faults: { latencyMs: LATENCY_MS } });
        const rows: Row[] = [];
        try {
            await upSeries(f, sizes, fixedRuns, measured, runs, opts.log);
            const fixedMs = median(fixedRuns);
            rows.push(row("fixed cost: up of the same program, 0 models (engine fixed overhead)", fixedMs / 1000, fixedMs / 1000, "s", undefined,
                `median of ${fixedRuns.join(", ")} ms; the zero-resource program: median ${noop.medianMs} ms (${noop.runsMs.join(", ")})`));
            rows.push(...upRows("", measured, sizes, fixedMs, parallel));
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
        // The plugin face (issue 24): the same models through pulumi-resource-sagemaker, same latency, same ideal
        // with its own fixed cost (the same program shape with 0 models).
        const pluginFixed: number[] = [];
        const pluginMeasured: Measured[] = [];
        const pluginRuns: Record<string, unknown>[] = [];
        let pluginZero: Row | undefined;
        const p = await Fixture.create("plugin-models", { "bench:count": "0" }, { faults: { latencyMs: LATENCY_MS } });
        try {
            opts.log("  plugin face:");
            await upSeries(p, sizes, pluginFixed, pluginMeasured, pluginRuns, opts.log);
            if (!opts.quick) {
                // Whose time it is above the latency: the same up with 0 ms latency, CPU per process.
                const n = sizes[sizes.length - 1];
                p.endpoint.setFaults({});
                await p.config({ "bench:count": String(n) });
                const zs = new RssSampler(p.stack.backendDir);
                const zero = await p.measure(UP, { sampler: zs });
                pluginRuns.push({ n, latencyMs: 0, upMs: round(zero.ms, 0), perResourceMs: round((zero.ms - median(pluginFixed)) / n, 1),
                    upCpuSeconds: zs.cpuSeconds(), upPeakKiB: zs.peakKiB });
                pluginZero = row(`plugin face: up, N = ${n}, 0 ms latency (diagnostic)`, zero.ms / 1000, median(pluginFixed) / 1000, "s", undefined,
                    `ideal: the fixed cost; ${round((zero.ms - median(pluginFixed)) / n, 1)} ms per model; CPU s by process: ` +
                    Object.entries(zs.cpuSeconds()).map(([k, v]) => `${k} ${v}`).join(", "));
            }
        } finally {
            await p.dispose();
        }
        const pluginFixedMs = median(pluginFixed);
        rows.push(row("plugin face: fixed cost, up of the same program with 0 models", pluginFixedMs / 1000, median(fixedRuns) / 1000, "s", undefined,
            `ideal: the dynamic face's fixed cost; median of ${pluginFixed.join(", ")} ms`),
        ...upRows("plugin face: ", pluginMeasured, sizes, pluginFixedMs, parallel), ...(pluginZero ? [pluginZero] : []));
        return { rows, details: { parallel, latencyMs: LATENCY_MS, fixedUpMs: { medianMs: median(fixedRuns), runsMs: fixedRuns }, noopProgramUpMs: noop, runs,
            plugin: { fixedUpMs: { medianMs: pluginFixedMs, runsMs: pluginFixed }, runs: pluginRuns } } };
    });
}
