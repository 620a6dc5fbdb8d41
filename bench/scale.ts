import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeScaleChart } from "./chart";
import { summarizeHeapProfile } from "./heap-profile";
import { gapOwner, OWNER_MARK } from "./scale-doc";
import { typeCheckFiles } from "./type-check-files";
import { FACE_LABEL, FACES, OPERATIONS, PROGRAM_RSS_TARGET, PROGRAMS, PROVIDER_KIND, RATIO_TARGET, type Fit, type HeapProfileSummary, type Measurement, type Operation, type ScaleDetails, type Side } from "./scale-types";
import {
    DESTROY, Fixture, PROGRAMS as BENCH_PROGRAMS, growthExponent, median, PREVIEW, QUICK_RESULTS_DIR, REFRESH, RESULTS_DIR, round, row, RssSampler, runBenchmark,
    totalCalls, UP, type BenchOptions, type BenchResult, type Row,
} from "./lib";

/**
 * Benchmark 6: how the cost of preview, up, refresh and destroy grows with the stack, N = 10, 100,
 * 500, 1000 models (no API latency: what grows is software cost), beside the same N of no-op
 * dynamic resources (bench/programs/echo: a create that returns at once, no SageMaker code), which is
 * the engine's own cost, and the same models through the provider plugin (bench/programs/plugin-models,
 * issue 24): each face's ratio to the no-op resources carries issue 26's targets. Per operation: wall time, API calls, peak RSS and CPU per process kind,
 * bytes written, and the growth exponent k of time ~ N^k fitted by least squares on
 * log(T(N) - T(1)) vs log(N - 1): T(1), the same operation on a 1-resource stack, is the fixed cost
 * (CLI, language host, program start, and the provider plugin's start, which N = 0 would not have).
 *
 * N = 1000 is expensive on 2 CPUs: `--sizes=1000` (and `--side=ours|plugin|noop`) measures only some sizes
 * (sides) and merges them into the existing results, so a run can be split into parts that each hold
 * the machine for a while only.
 */

const ARGS: Record<Operation, string[]> = { preview: PREVIEW, up: UP, refresh: REFRESH, destroy: DESTROY };

const FULL_SIZES = [10, 100, 500, 1000];
const QUICK_SIZES = [10, 30];
const PREVIEW_TARGET = 1.1;
/** The size at which the program's heap is profiled (one extra, unmeasured preview per side). */
const HEAP_PROFILE_N = 200;
/** How many times the median absolute deviation of T(1)'s repeats a size must rise above T(1) to count in a fit. */
const NOISE_FACTOR = 3;
/** A process's CPU must grow by this much (seconds, T(N_max) - T(1)) for its exponent to mean anything. */
const MIN_CPU_S = 0.5;

/** A saved part whose every (size, side) this run re-measures no longer describes the results. */
export function coveredBy(part: ScaleDetails["parts"][number], sizes: number[], sides: Side[]): boolean {
    return part.sizes.every((n) => sizes.includes(n)) && part.sides.every((s) => sides.includes(s));
}

/** `--side=ours`, `--side=plugin`, `--side=noop` or `--side=shaped` measures one side only (a part of a split run); all four by default. */
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
    env?: Record<string, string>, ops: readonly Operation[] = ["up", "preview", "refresh", "destroy"], heapProfiles?: HeapProfileSummary[]): Promise<Measurement[]> {
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
                if (heapProfiles && i === 0) {
                    heapProfiles.push(await programHeapProfile(f, side, n));
                }
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

/**
 * One unmeasured `preview` of the stack as it stands (after up: the program gets the outputs back, as in
 * the measured preview) with NODE_OPTIONS=--heap-prof: the program's live heap at its exit, by owner.
 */
async function programHeapProfile(f: Fixture, side: Side, n: number): Promise<HeapProfileSummary> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-heap-"));
    try {
        const sampler = new RssSampler(f.stack.backendDir);
        await f.measure(PREVIEW, { sampler, env: { NODE_OPTIONS: `--heap-prof --heap-prof-dir=${dir}` } });
        const pids = sampler.pidsOf("program");
        const file = fs.readdirSync(dir).find((x) => pids.some((pid) => x.includes(`.${pid}.`)));
        if (!file) {
            throw new Error(`no heap profile of the program (pids ${pids.join(", ")}) among ${fs.readdirSync(dir).join(", ")}`);
        }
        return summarizeHeapProfile(path.join(dir, file), side, n, "preview");
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
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
    for (const face of FACES) {
        const label = face === "ours" ? "" : `${FACE_LABEL[face]}: `;
        for (const op of OPERATIONS) {
            const f = fits[face]?.[op];
            const e = fits.noop?.[op];
            if (!f || f.k === null) {
                // Too few points above the fixed cost (machine load swamped the small N): no fit.
                continue;
            }
            const cpu = Object.entries(f.cpuK).map(([k, v]) => `${k} ${v}`).join(", ");
            const left = f.points.filter((p) => p.n > 1 && !f.fitted.includes(p.n)).map((p) => p.n);
            out.push(row(`${label}${op}: growth exponent k (time above the fixed cost ~ N^k), N = ${f.fitted.join("/")}`,
                f.k, 1, "", op === "preview" ? { on: "measured", op: "<=", value: PREVIEW_TARGET } : undefined,
                `ideal: linear; no-op resources: k = ${e?.k ?? "?"}; slope between the two largest N: ${FACE_LABEL[face]} ${f.lastSlope}, no-op ${e?.lastSlope ?? "?"}; ` +
                `k of each process's CPU: ${cpu}; fixed cost T(1) ${f.fixedMs} ms` +
                (f.fitted.length < 3 ? `; ${f.fitted.length} sizes above T(1): the exponent is the slope between them, not a fit` : "") +
                (left.length ? `; N = ${left.join(", ")} left out: within ${f.noiseMs} ms of T(1) (${NOISE_FACTOR}x the median absolute deviation of its repeats)` : "")));
        }
    }
    // Issue 26's targets, for each face against the same N of no-op dynamic resources, with the measured owner of each gap.
    for (const face of FACES) {
        const label = face === "ours" ? "" : `${FACE_LABEL[face]}: `;
        for (const op of OPERATIONS) {
            const o = at(face, op);
            const e = at("noop", op);
            if (!o || !e) {
                continue;
            }
            const target = { on: "ratio", op: "<=", value: RATIO_TARGET[op] } as const;
            const wall = row(`${label}${op}, N = ${nMax}: wall time`, o.ms / 1000, e.ms / 1000, "s", target,
                `ideal: the same N of no-op dynamic resources (the engine's own cost); ${round((o.ms - (fits[face]?.[op]?.fixedMs ?? 0)) / (nMax - 1), 1)} ms ` +
                `per model above T(1), no-op ${round((e.ms - (fits.noop?.[op]?.fixedMs ?? 0)) / (nMax - 1), 1)} ms; ${o.calls} API calls; load ${o.loadavg1m}`);
            out.push(withOwner(wall, details, face, op, nMax, "wall"));
            const cpu = row(`${label}${op}, N = ${nMax}: engine CPU`, o.cpuSeconds.engine ?? 0, e.cpuSeconds.engine ?? 0, "s", target,
                "ideal: the engine's CPU for the same N of no-op dynamic resources");
            out.push(withOwner(cpu, details, face, op, nMax, "cpu"));
        }
        const pv = at(face, "preview");
        if (pv) {
            out.push(row(`${label}preview API calls, ${nMax} unchanged models`, pv.calls, 0, "calls", { on: "measured", op: "==", value: 0 }));
        }
        for (const kind of ["engine", "languageHost", "program", PROVIDER_KIND[face]]) {
            const noopKind = kind === PROVIDER_KIND[face] ? PROVIDER_KIND.noop : kind;
            const peak = (side: Side, k: string) => Math.max(...OPERATIONS.map((op) => at(side, op)?.peakKiB[k] ?? 0));
            const worst = OPERATIONS.reduce((a, op) => ((at(face, op)?.peakKiB[kind] ?? 0) > (at(face, a)?.peakKiB[kind] ?? 0) ? op : a));
            const r = row(`${label}peak RSS, N = ${nMax}, ${kind} (highest of the 4 operations)`, mib(peak(face, kind)), mib(peak("noop", noopKind)), "MiB",
                kind === "program" ? { on: "ratio", op: "<=", value: PROGRAM_RSS_TARGET } : undefined,
                `ideal: the no-op resources' peak${noopKind !== kind ? ` (${noopKind})` : ""}; highest in ${worst}; N = 1: ${round(mib(at(face, worst, 1)?.peakKiB[kind]), 1)} MiB`);
            out.push(kind === "program" ? withOwner(r, details, face, worst, nMax, "rss") : r);
        }
    }
    // What the bench model's property tree costs on its own: no-op resources carrying it (bench/programs/echo-shaped).
    for (const op of OPERATIONS) {
        const sh = at("shaped", op);
        const e = at("noop", op);
        const o = at("ours", op);
        if (!sh || !e) {
            continue;
        }
        const r2 = (a: number, b: number) => round(a / Math.max(b, 1e-9), 2);
        out.push(row(`${FACE_LABEL.shaped}: ${op}, N = ${nMax}: wall time (diagnostic)`, sh.ms / 1000, e.ms / 1000, "s", undefined,
            `ideal: no-op resources (bench/programs/echo); no-op resources carrying the bench model's inputs and outputs and a serialized ` +
            `provider as small as ours (bench/programs/echo-shaped): the cost of the property tree alone; engine CPU ${sh.cpuSeconds.engine ?? "?"} s ` +
            `vs ${e.cpuSeconds.engine ?? "?"} s (${r2(sh.cpuSeconds.engine ?? 0, e.cpuSeconds.engine ?? 0)}x)` +
            (sh.peakKiB.program ? `; program peak RSS ${round(mib(sh.peakKiB.program), 0)} vs ${round(mib(e.peakKiB.program), 0)} MiB` : "") +
            (o ? `; the dynamic face against it: wall ${r2(o.ms, sh.ms)}x, engine CPU ${r2(o.cpuSeconds.engine ?? 0, sh.cpuSeconds.engine ?? 0)}x` +
                (o.peakKiB.program && sh.peakKiB.program ? `, program RSS ${r2(o.peakKiB.program, sh.peakKiB.program)}x` : "") : "") +
            `; state after up ${round((at("shaped", "up")?.stateBytes ?? 0) / nMax)} B per resource (dynamic face ${round((at("ours", "up")?.stateBytes ?? 0) / nMax)} B, ` +
            `no-op ${round((at("noop", "up")?.stateBytes ?? 0) / nMax)} B)`));
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

/** A missed target's note ends with its measured owner (docs/PERFORMANCE.md prints it beside the figure). */
function withOwner(r: Row, details: ScaleDetails, side: Side, op: Operation, n: number, what: "wall" | "cpu" | "rss"): Row {
    if (r.met !== false) {
        return r;
    }
    const owner = gapOwner(details, side, op, n, what);
    return owner ? { ...r, note: `${r.note ? `${r.note}; ` : ""}${OWNER_MARK}${owner}` } : r;
}

export function scale(opts: BenchOptions): Promise<BenchResult> {
    if (opts.args?.includes("--refit")) {
        return Promise.resolve(refitScale(opts.quick));
    }
    const sizes = parseSizes(opts.args, opts.quick);
    const sides = parseSides(opts.args);
    const partial = opts.args?.some((a) => a.startsWith("--sizes=") || a.startsWith("--side=")) ?? false;
    const repeatsFor = (n: number) => (opts.quick ? 1 : n <= 100 ? 3 : 1);
    return runBenchmark("scale", "6. Scale: preview, up, refresh, destroy of N models, the dynamic face and the plugin face beside no-op dynamic resources", opts, async () => {
        const t0 = Date.now();
        // `--fresh`: this run's measurements only (e.g. N = 200 and 1000 for every side in one go), nothing merged from earlier parts.
        const prior = partial && !opts.args?.includes("--fresh") ? previous(opts.quick) : undefined;
        const fresh: Measurement[] = [];
        const diagnostics: Measurement[] = prior?.diagnostics ?? [];
        const typeCheck = { ...prior?.typeCheck };
        for (const side of sides) {
            typeCheck[side] = typeCheckFiles(path.join(BENCH_PROGRAMS, PROGRAMS[side]));
        }
        const heapN = sizes.includes(HEAP_PROFILE_N) ? HEAP_PROFILE_N : opts.quick ? Math.max(...sizes) : undefined;
        const heapProfiles: HeapProfileSummary[] = (prior?.heapProfiles ?? []).filter((h) => !(sides.includes(h.side) && heapN !== undefined));
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
                    // The program's heap by owner at one size (HEAP_PROFILE_N if measured, else the largest quick size).
                    const profile = n === heapN ? heapProfiles : undefined;
                    fresh.push(...await lifecycleAt(f, side, n, repeatsFor(n), opts.log, undefined, undefined, profile));
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
            heapProfiles,
            typeCheck,
            fits: fitAll(measurements),
            chart: "scale.svg",
            parts: [...(prior?.parts ?? []).filter((p) => !coveredBy(p, sizes, sides)),
                { sizes, sides, seconds: Math.round((Date.now() - t0) / 1000), date: new Date().toISOString() }],
        };
        writeScaleChart(details, path.join(opts.quick ? QUICK_RESULTS_DIR : RESULTS_DIR, details.chart));
        return { rows: rows(details), details: details as unknown as Record<string, unknown> };
    });
}
