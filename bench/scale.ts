import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeScaleChart } from "./chart";
import { OPERATIONS, PROGRAMS, type Fit, type Measurement, type Operation, type ScaleDetails, type Side } from "./scale-types";
import {
    DESTROY, Fixture, growthExponent, median, PREVIEW, QUICK_RESULTS_DIR, REFRESH, RESULTS_DIR, round, row, RssSampler, runBenchmark,
    totalCalls, UP, type BenchOptions, type BenchResult, type Row,
} from "./lib";

/**
 * Benchmark 6: how the cost of preview, up, refresh and destroy grows with the stack, N = 10, 100,
 * 500, 1000 models (no API latency: what grows is software cost), beside the same N of no-op
 * dynamic resources (bench/programs/echo: a create that returns at once, no SageMaker code), which is
 * the engine's own cost. Per operation: wall time, API calls, peak RSS and CPU per process kind,
 * bytes written, and the growth exponent k of time ~ N^k fitted by least squares on
 * log(T(N) - T(1)) vs log(N - 1): T(1), the same operation on a 1-resource stack, is the fixed cost
 * (CLI, language host, program start, and the provider plugin's start, which N = 0 would not have).
 *
 * N = 1000 is expensive on 2 CPUs: `--sizes=1000` (and `--side=ours|noop`) measures only some sizes
 * (sides) and merges them into the existing results, so a run can be split into parts that each hold
 * the machine for a while only.
 */

const ARGS: Record<Operation, string[]> = { preview: PREVIEW, up: UP, refresh: REFRESH, destroy: DESTROY };

const FULL_SIZES = [10, 100, 500, 1000];
const QUICK_SIZES = [10, 30];
const PREVIEW_TARGET = 1.1;
/** How many times the median absolute deviation of T(1)'s repeats a size must rise above T(1) to count in a fit. */
const NOISE_FACTOR = 3;
/** A process's CPU must grow by this much (seconds, T(N_max) - T(1)) for its exponent to mean anything. */
const MIN_CPU_S = 0.5;

/** A saved part whose every (size, side) this run re-measures no longer describes the results. */
export function coveredBy(part: ScaleDetails["parts"][number], sizes: number[], sides: Side[]): boolean {
    return part.sizes.every((n) => sizes.includes(n)) && part.sides.every((s) => sides.includes(s));
}

/** `--side=ours` or `--side=noop` measures one side only (a part of a split run); both by default. */
function parseSides(args: string[] | undefined): Side[] {
    const flag = args?.find((a) => a.startsWith("--side="))?.slice("--side=".length);
    if (flag === undefined) {
        return Object.keys(PROGRAMS) as Side[];
    }
    if (!(flag in PROGRAMS)) {
        throw new Error(`--side takes ${Object.keys(PROGRAMS).join(" or ")}, got ${flag}`);
    }
    return [flag as Side];
}

function parseSizes(args: string[] | undefined, quick: boolean): number[] {
    const flag = args?.find((a) => a.startsWith("--sizes="));
    if (!flag) {
        return quick ? QUICK_SIZES : FULL_SIZES;
    }
    const sizes = flag.slice("--sizes=".length).split(",").map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 2)) {
        throw new Error(`--sizes takes whole numbers >= 2 (N = 1 is always measured: the fixed cost), got ${flag}`);
    }
    return sizes;
}

function stateBytes(exported: unknown): number {
    return Buffer.byteLength(JSON.stringify(exported));
}

/** up, preview (unchanged), refresh, destroy of N resources, `repeats` times; the median is kept. */
async function lifecycleAt(f: Fixture, side: Side, n: number, repeats: number, log: (l: string) => void,
    env?: Record<string, string>, ops: readonly Operation[] = ["up", "preview", "refresh", "destroy"]): Promise<Measurement[]> {
    const samples: Record<Operation, { ms: number; calls: number; sampler: RssSampler; state: number; load: number }[]> =
        { preview: [], up: [], refresh: [], destroy: [] };
    await f.config({ "bench:count": String(n) });
    for (let i = 0; i < repeats; i++) {
        let state = 0;
        for (const op of ops) {
            const sampler = new RssSampler(f.stack.backendDir);
            const load = round(os.loadavg()[0]);
            const r = await f.measure(ARGS[op], { sampler, env });
            if (op === "up") {
                state = stateBytes(await f.stack.exportState()); // what preview and refresh start from, too
            }
            samples[op].push({ ms: r.ms, calls: totalCalls(r.calls), sampler, state: op === "destroy" ? 0 : state, load });
        }
    }
    const out: Measurement[] = [];
    for (const op of ops) {
        const s = samples[op];
        const ms = median(s.map((x) => x.ms));
        // The repeat closest to the median stands for it (RSS, CPU, bytes).
        const rep = s.reduce((a, b) => (Math.abs(b.ms - ms) < Math.abs(a.ms - ms) ? b : a));
        out.push({
            side, n, op, runsMs: s.map((x) => round(x.ms, 0)), ms: round(ms, 0), calls: rep.calls, peakKiB: rep.sampler.peakKiB,
            cpuSeconds: rep.sampler.cpuSeconds(), writtenBytes: rep.sampler.writtenBytes(), stateBytes: rep.state, loadavg1m: rep.load,
            ...(env ? { env } : {}), date: new Date().toISOString(),
        });
    }
    log(`  ${side} N=${n}${env ? ` ${JSON.stringify(env)}` : ""}: ` +
        out.map((m) => `${m.op} ${m.ms} ms (${m.calls} calls)`).join(", ") + `; load ${out[0].loadavg1m}`);
    return out;
}

/** Growth exponents per side and operation from all measurements (N = 1 is the fixed cost). */
export function fitAll(measurements: Measurement[]): Record<Side, Record<Operation, Fit>> {
    const fits = {} as Record<Side, Record<Operation, Fit>>;
    for (const side of Object.keys(PROGRAMS) as Side[]) {
        fits[side] = {} as Record<Operation, Fit>;
        for (const op of OPERATIONS) {
            const ms = measurements.filter((m) => m.side === side && m.op === op).sort((a, b) => a.n - b.n);
            const fixed = ms.find((m) => m.n === 1);
            if (!fixed) {
                continue;
            }
            // A size whose time above T(1) is within T(1)'s own run-to-run noise is noise, not growth. The noise is
            // the median absolute deviation of T(1)'s repeats: one repeat slowed by other processes does not inflate it.
            const noiseMs = fixed.runsMs.length ? NOISE_FACTOR * median(fixed.runsMs.map((r) => Math.abs(r - median(fixed.runsMs)))) : 0;
            const grown = ms.filter((m) => m.n > 1 && m.ms - fixed.ms > noiseMs);
            if (grown.length < 2) {
                continue;
            }
            // Only processes that do work that grows: a process whose CPU rises by under MIN_CPU_S is flat, its fit noise.
            const last = grown[grown.length - 1];
            const kinds = [...new Set(grown.flatMap((m) => Object.keys(m.cpuSeconds)))]
                .filter((k) => k !== "other" && (last.cpuSeconds[k] ?? 0) - (fixed.cpuSeconds[k] ?? 0) >= MIN_CPU_S);
            const finite = (k: number) => (Number.isFinite(k) ? round(k) : null);
            const cpuK: Record<string, number | null> = {};
            for (const kind of kinds) {
                cpuK[kind] = finite(growthExponent(grown.map((m) => ({ x: m.n - 1, y: (m.cpuSeconds[kind] ?? 0) - (fixed.cpuSeconds[kind] ?? 0) }))).k);
            }
            const [a, b] = grown.slice(-2);
            fits[side][op] = {
                k: finite(growthExponent(grown.map((m) => ({ x: m.n - 1, y: m.ms - fixed.ms }))).k),
                cpuK,
                lastSlope: finite(growthExponent([a, b].map((m) => ({ x: m.n - 1, y: m.ms - fixed.ms }))).k),
                fixedMs: fixed.ms,
                noiseMs: round(noiseMs, 0),
                fitted: grown.map((m) => m.n),
                points: ms.map((m) => ({ n: m.n, ms: m.ms })),
            };
        }
    }
    return fits;
}

const resultFile = (quick: boolean) => path.join(quick ? QUICK_RESULTS_DIR : RESULTS_DIR, "scale.json");

function previous(quick: boolean): ScaleDetails | undefined {
    try {
        return (JSON.parse(fs.readFileSync(resultFile(quick), "utf8")) as { details: ScaleDetails }).details;
    } catch {
        return undefined;
    }
}

/**
 * `npm run bench -- scale --refit`: recomputes the fits, rows and chart of the saved measurements
 * (after a change to the fitting or the rows), measuring nothing; the run's bookkeeping is kept.
 */
export function refitScale(quick: boolean): BenchResult {
    const result = JSON.parse(fs.readFileSync(resultFile(quick), "utf8")) as BenchResult;
    const details = result.details as unknown as ScaleDetails;
    for (const m of details.measurements.filter((x) => x.n === 1)) {
        m.ms = round(median(m.runsMs), 0); // T(1) is the median of every part's repeats
    }
    details.fits = fitAll(details.measurements);
    writeScaleChart(details, path.join(path.dirname(resultFile(quick)), details.chart));
    const refitted: BenchResult = { ...result, rows: rows(details), details: details as unknown as Record<string, unknown> };
    fs.writeFileSync(resultFile(quick), JSON.stringify(refitted, null, 2) + "\n");
    return refitted;
}

/** VmHWM is in KiB. */
const mib = (kib: number | undefined) => (kib ?? 0) / 1024;

function rows(details: ScaleDetails): Row[] {
    const { measurements, fits, diagnostics } = details;
    const out: Row[] = [];
    const nMax = Math.max(...measurements.map((m) => m.n));
    const at = (side: Side, op: Operation, n = nMax) => measurements.find((m) => m.side === side && m.op === op && m.n === n);
    for (const op of OPERATIONS) {
        const f = fits.ours?.[op];
        const e = fits.noop?.[op];
        if (!f || f.k === null) {
            // Too few points above the fixed cost (machine load swamped the small N): no fit.
            continue;
        }
        const cpu = Object.entries(f.cpuK).map(([k, v]) => `${k} ${v}`).join(", ");
        const left = f.points.filter((p) => p.n > 1 && !f.fitted.includes(p.n)).map((p) => p.n);
        out.push(row(`${op}: growth exponent k (time above the fixed cost ~ N^k), N = ${f.fitted.join("/")}`,
            f.k, 1, "", op === "preview" ? { on: "measured", op: "<=", value: PREVIEW_TARGET } : undefined,
            `ideal: linear; no-op resources: k = ${e?.k ?? "?"}; slope between the two largest N: ours ${f.lastSlope}, no-op ${e?.lastSlope ?? "?"}; ` +
            `k of each process's CPU (ours): ${cpu}; fixed cost T(1) ${f.fixedMs} ms` +
            (left.length ? `; N = ${left.join(", ")} left out: within ${f.noiseMs} ms of T(1) (${NOISE_FACTOR}x the median absolute deviation of its repeats)` : "")));
    }
    for (const op of OPERATIONS) {
        const o = at("ours", op);
        const e = at("noop", op);
        if (!o || !e) {
            continue;
        }
        out.push(row(`${op}, N = ${nMax}: wall time`, o.ms / 1000, e.ms / 1000, "s", undefined,
            `ideal: the same N of no-op dynamic resources (the engine's own cost); ${round((o.ms - (fits.ours[op]?.fixedMs ?? 0)) / (nMax - 1), 1)} ms ` +
            `per model above T(1), no-op ${round((e.ms - (fits.noop[op]?.fixedMs ?? 0)) / (nMax - 1), 1)} ms; ${o.calls} API calls; load ${o.loadavg1m}`));
    }
    const pv = at("ours", "preview");
    if (pv) {
        out.push(row(`preview API calls, ${nMax} unchanged models`, pv.calls, 0, "calls", { on: "measured", op: "==", value: 0 }));
    }
    for (const kind of ["engine", "languageHost", "program", "dynamicProvider"]) {
        const peak = (side: Side) => Math.max(...OPERATIONS.map((op) => at(side, op)?.peakKiB[kind] ?? 0));
        const worst = OPERATIONS.reduce((a, op) => ((at("ours", op)?.peakKiB[kind] ?? 0) > (at("ours", a)?.peakKiB[kind] ?? 0) ? op : a));
        out.push(row(`peak RSS, N = ${nMax}, ${kind} (highest of the 4 operations)`, mib(peak("ours")), mib(peak("noop")), "MiB", undefined,
            `ideal: the no-op resources' peak; highest in ${worst}; N = 1: ${round(mib(at("ours", worst, 1)?.peakKiB[kind]), 1)} MiB`));
    }
    for (const skip of diagnostics) {
        const full = at("ours", skip.op, skip.n);
        if (!full) {
            continue;
        }
        const mb = (b: number | undefined) => round((b ?? 0) / 2 ** 20, 1);
        out.push(row(`${skip.op}, N = ${skip.n}, PULUMI_SKIP_CHECKPOINTS=true (diagnostic)`, skip.ms / 1000, full.ms / 1000, "s", undefined,
            `ideal: the same ${skip.op} with a checkpoint after every step; engine CPU ${skip.cpuSeconds.engine ?? "?"} s ` +
            `(with checkpoints ${full.cpuSeconds.engine ?? "?"} s); engine wrote ${mb(skip.writtenBytes.engine)} MiB ` +
            `(with checkpoints ${mb(full.writtenBytes.engine)} MiB; the state is ${mb(full.op === "up" ? full.stateBytes : at("ours", "up", skip.n)?.stateBytes)} MiB)`));
    }
    return out;
}

export function scale(opts: BenchOptions): Promise<BenchResult> {
    if (opts.args?.includes("--refit")) {
        return Promise.resolve(refitScale(opts.quick));
    }
    const sizes = parseSizes(opts.args, opts.quick);
    const sides = parseSides(opts.args);
    const partial = opts.args?.some((a) => a.startsWith("--sizes=") || a.startsWith("--side=")) ?? false;
    const repeatsFor = (n: number) => (opts.quick ? 1 : n <= 100 ? 3 : 1);
    return runBenchmark("scale", "6. Scale: preview, up, refresh, destroy at N = 10 to 1000 models, beside no-op dynamic resources", opts, async () => {
        const t0 = Date.now();
        const prior = partial ? previous(opts.quick) : undefined;
        const fresh: Measurement[] = [];
        const diagnostics: Measurement[] = prior?.diagnostics ?? [];
        for (const side of sides) {
            const f = await Fixture.create(PROGRAMS[side], { "bench:count": "1" });
            try {
                // Warm-up (the first run of a program compiles it, cold caches): not measured; not in quick runs.
                if (!opts.quick) {
                    await f.measure(UP);
                    await f.measure(DESTROY);
                }
                // N = 1 in every part: the fixed cost, measured under this part's machine load.
                fresh.push(...await lifecycleAt(f, side, 1, opts.quick ? 1 : 3, opts.log));
                for (const n of sizes) {
                    fresh.push(...await lifecycleAt(f, side, n, repeatsFor(n), opts.log));
                }
                const nMax = Math.max(...sizes);
                if (side === "ours" && !opts.quick && nMax >= Math.max(...FULL_SIZES)) {
                    // Whose cost grows: the same lifecycle with only the final checkpoint written.
                    const skip = await lifecycleAt(f, side, nMax, 1, opts.log, { PULUMI_SKIP_CHECKPOINTS: "true" }, ["up", "destroy"]);
                    diagnostics.splice(0, diagnostics.length, ...skip);
                }
            } finally {
                await f.dispose();
            }
        }
        // Merge: this part's (side, N) replace earlier ones; the fixed cost T(1) is the median of all parts'.
        const replaced = (m: Measurement) => sides.includes(m.side) && sizes.includes(m.n);
        const kept = (prior?.measurements ?? []).filter((m) => !replaced(m) && m.n !== 1);
        const ones = [...(prior?.measurements ?? []).filter((m) => m.n === 1), ...fresh.filter((m) => m.n === 1)];
        const fixed: Measurement[] = [];
        for (const side of Object.keys(PROGRAMS) as Side[]) {
            for (const op of OPERATIONS) {
                const all = ones.filter((m) => m.side === side && m.op === op);
                if (all.length === 0) {
                    continue;
                }
                const ms = median(all.flatMap((m) => m.runsMs));
                const rep = all.reduce((a, b) => (Math.abs(b.ms - ms) < Math.abs(a.ms - ms) ? b : a));
                fixed.push({ ...rep, ms: round(ms, 0), runsMs: all.flatMap((m) => m.runsMs) });
            }
        }
        const measurements = [...fixed, ...kept, ...fresh.filter((m) => m.n !== 1)].sort((a, b) => a.n - b.n);
        const details: ScaleDetails = {
            sizes: [...new Set(measurements.map((m) => m.n))].sort((a, b) => a - b),
            measurements,
            diagnostics,
            fits: fitAll(measurements),
            chart: "scale.svg",
            parts: [...(prior?.parts ?? []).filter((p) => !coveredBy(p, sizes, sides)),
                { sizes, sides, seconds: Math.round((Date.now() - t0) / 1000), date: new Date().toISOString() }],
        };
        writeScaleChart(details, path.join(opts.quick ? QUICK_RESULTS_DIR : RESULTS_DIR, details.chart));
        return { rows: rows(details), details: details as unknown as Record<string, unknown> };
    });
}
