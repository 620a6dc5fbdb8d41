import { formatNumber, round, type BenchResult } from "./lib";
import { FACE_LABEL, OPERATIONS, PROGRAM_RSS_TARGET, PROVIDER_KIND, RATIO_TARGET, SUPERLINEAR, type Fit, type HeapProfileSummary, type Measurement, type Operation, type ScaleDetails, type Side } from "./scale-types";

/**
 * docs/PERFORMANCE.md's scale section beyond the row table: the grid of every measurement, the
 * chart link, and for each operation that grows faster than N^1.2, whose cost it is, decided from
 * the figures of the run (no-op resources, each process's CPU, PULUMI_SKIP_CHECKPOINTS, bytes written).
 */

/** Where a row's note starts its measured owner of a missed target (generate-doc.ts prints it under the row). */
export const OWNER_MARK = "owner (measured): ";

const s = (ms: number) => `${formatNumber(round(ms / 1000, 2))} s`;
const mib = (kib: number | undefined) => (kib === undefined ? "?" : formatNumber(round(kib / 1024, 0)));

export function scaleGrid(result: BenchResult, chartPath: string): string[] {
    const d = result.details as unknown as ScaleDetails;
    const at = (side: Side, op: Operation, n: number) => d.measurements.find((m) => m.side === side && m.op === op && m.n === n);
    const lines = [
        `![time vs N per operation: the dynamic face, the plugin face and the no-op resources](${chartPath})`,
        "",
        "Every measurement (median of the repeats at N <= 100; N = 1 is the fixed cost T(1)), each as dynamic face / plugin face /",
        "no-op dynamic resources / no-op dynamic resources carrying the bench model's properties (bench/programs/echo-shaped), with each",
        "face's ratio to the no-op in brackets: wall time; engine CPU; API calls (dynamic / plugin);",
        "peak RSS in MiB of the CLI (engine), the program and the provider process (the dynamic-provider host, the plugin).",
        "",
        "| N | operation | wall time | engine CPU | API calls | engine RSS | program RSS | provider RSS | state per resource |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? "?" : formatNumber(round(a / b, 2)));
    for (const n of d.sizes) {
        for (const op of OPERATIONS) {
            const o = at("ours", op, n);
            const p = at("plugin", op, n);
            const e = at("noop", op, n);
            const sh = at("shaped", op, n);
            if (!o && !p) {
                continue;
            }
            const three = (v: (m: Measurement | undefined, side: Side) => number | undefined, f: (x: number | undefined) => string) =>
                `${f(v(o, "ours"))} / ${f(v(p, "plugin"))} / ${f(v(e, "noop"))} / ${f(v(sh, "shaped"))} ` +
                `(${ratio(v(o, "ours"), v(e, "noop"))}, ${ratio(v(p, "plugin"), v(e, "noop"))})`;
            // refresh and destroy do not run the program: no program process to measure.
            const rss = (kind: (side: Side) => string) => (o?.peakKiB[kind("ours")] === undefined && p?.peakKiB[kind("plugin")] === undefined ? "—"
                : three((m, side) => m?.peakKiB[kind(side)], mib));
            const secs = (x: number | undefined) => (x === undefined ? "?" : `${formatNumber(round(x / 1000, 2))} s`);
            const cpu = (x: number | undefined) => (x === undefined ? "?" : `${x} s`);
            const state = (m: Measurement | undefined) => (m ? formatNumber(round(m.stateBytes / n, 0)) : "?");
            lines.push(`| ${n} | ${op} | ${three((m) => m?.ms, secs)} | ${three((m) => m?.cpuSeconds.engine, cpu)} | ${o?.calls ?? "?"} / ${p?.calls ?? "?"} | ` +
                `${rss(() => "engine")} | ${rss(() => "program")} | ${rss((side) => PROVIDER_KIND[side])} | ` +
                `${op === "destroy" ? "" : `${state(o)} / ${state(p)} / ${state(e)} / ${state(sh)} B`} |`);
        }
    }
    const parts = d.parts ?? [];
    lines.push("", `Measured in ${parts.length} part(s): ${parts.map((p) => `${(p.sides ?? ["ours", "noop"]).join(" + ")} at N = ${p.sizes.join(", ")} in ${p.seconds} s (${p.date})`).join("; ")}.`);
    for (const h of d.heapProfiles ?? []) {
        lines.push("", `Program heap, ${h.side === "noop" ? "no-op resources" : FACE_LABEL[h.side]}, ${h.op} of N = ${h.n} ` +
            `(NODE_OPTIONS=--heap-prof, live at the program's exit): ${heapSummary(h)}.`);
    }
    return lines;
}

/**
 * Issue 26 in one table: at the largest N, each face's figure over the no-op resources' beside the same ratio for
 * no-op resources carrying the model's properties (bench/programs/echo-shaped), and the face over those: the part
 * of a gap that is the property tree (the engine's and @pulumi/pulumi's cost, no provider's) and the part that is
 * the provider's.
 */
export function propertyTreeTable(result: BenchResult): string[] {
    const d = result.details as unknown as ScaleDetails;
    const n = Math.max(...d.measurements.map((m) => m.n));
    const at = (side: Side, op: Operation) => d.measurements.find((m) => m.side === side && m.op === op && m.n === n);
    if (!at("shaped", "up")) {
        return [];
    }
    const r2 = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? "?" : formatNumber(round(a / b, 2)));
    const lines = [
        `At N = ${n}: each figure as a ratio to the no-op resources (the target is on the first column), and the dynamic face`,
        "over the no-op resources that carry the model's properties (bench/programs/echo-shaped): what is left for the provider's own code.",
        "",
        "| figure | target | dynamic face / no-op | no-op with the model's properties / no-op | dynamic face / no-op with the model's properties | plugin face / no-op |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ];
    const figures: [string, Operation, "wall" | "cpu" | "rss", number][] = [
        ...OPERATIONS.flatMap((op) => [[`${op} wall`, op, "wall", RATIO_TARGET[op]], [`${op} engine CPU`, op, "cpu", RATIO_TARGET[op]]] as [string, Operation, "wall" | "cpu", number][]),
        ["program peak RSS (preview)", "preview", "rss", PROGRAM_RSS_TARGET],
    ];
    for (const [label, op, what, target] of figures) {
        const [o, e, sh, p] = (["ours", "noop", "shaped", "plugin"] as Side[]).map((side) => {
            const m = at(side, op);
            return m ? figureOf(m, what)[0] : undefined;
        });
        lines.push(`| ${label} | ≤ ${target} | ${r2(o, e)} | ${r2(sh, e)} | ${r2(o, sh)} | ${r2(p, e)} |`);
    }
    return lines;
}

/** One paragraph per operation (ours) with k > SUPERLINEAR: the evidence and the verdict. */
export function growthOwners(result: BenchResult): string[] {
    const d = result.details as unknown as ScaleDetails;
    const out: string[] = [];
    const nMax = Math.max(...d.measurements.map((m) => m.n));
    const at = (side: string, op: Operation, n = nMax): Measurement | undefined =>
        d.measurements.find((m) => m.side === side && m.op === op && m.n === n);
    for (const op of OPERATIONS) {
        const f: Fit | undefined = d.fits.ours?.[op];
        const e: Fit | undefined = d.fits.noop?.[op];
        if (!f || f.k === null) {
            continue;
        }
        if (f.k <= SUPERLINEAR) {
            out.push(`- **${op}**: k = ${f.k} (no-op ${e?.k ?? "?"}): at most ${SUPERLINEAR}, so no owner to find.`);
            continue;
        }
        const o = at("ours", op);
        const z = at("noop", op);
        const cpu = Object.entries(f.cpuK).filter(([, v]) => v !== null) as [string, number][];
        const grows = cpu.filter(([, v]) => v > SUPERLINEAR).map(([k]) => k);
        const skip = d.diagnostics.find((x) => x.op === op);
        const engineShare = o && z ? (o.cpuSeconds.engine ?? 0) / Math.max(0.01, Object.values(o.cpuSeconds).reduce((a, b) => a + b, 0)) : undefined;
        const evidence = [
            `no-op resources k = ${e?.k ?? "?"} (slope between the two largest N: ours ${f.lastSlope}, no-op ${e?.lastSlope ?? "?"})`,
            `k of each process's CPU: ${cpu.map(([k, v]) => `${k} ${v}`).join(", ")}`,
            o ? `at N = ${nMax}: engine CPU ${o.cpuSeconds.engine ?? "?"} s of ${round(Object.values(o.cpuSeconds).reduce((a, b) => a + b, 0), 1)} s in all ` +
                `(${engineShare === undefined ? "?" : Math.round(engineShare * 100)}%), no-op resources' engine CPU ${z?.cpuSeconds.engine ?? "?"} s` : "",
            o ? `the engine wrote ${formatNumber(round((o.writtenBytes.engine ?? 0) / 2 ** 20, 0))} MiB (state ${formatNumber(round((at("ours", "up")?.stateBytes ?? 0) / 2 ** 20, 1))} MiB; ` +
                `no-op: ${formatNumber(round((z?.writtenBytes.engine ?? 0) / 2 ** 20, 0))} MiB, state ${formatNumber(round((at("noop", "up")?.stateBytes ?? 0) / 2 ** 20, 1))} MiB)` : "",
            skip && o ? `with PULUMI_SKIP_CHECKPOINTS=true the same ${op} takes ${s(skip.ms)} instead of ${s(o.ms)}, engine CPU ${skip.cpuSeconds.engine ?? "?"} s` : "",
        ].filter((x) => x !== "");
        const engineGrows = grows.includes("engine");
        const providerGrows = grows.includes("dynamicProvider");
        const checkpointBound = skip && o ? skip.ms < 0.75 * o.ms : false;
        const noopGrows = (e?.k ?? 0) > SUPERLINEAR;
        let verdict: string;
        const timeRatio = o && z ? round(o.ms / z.ms, 1) : undefined;
        const stateRatio = at("ours", "up") && at("noop", "up") ? round(at("ours", "up")!.stateBytes / at("noop", "up")!.stateBytes, 1) : undefined;
        const sh = at("shaped", op);
        const shapedRatio = sh && z ? round(sh.ms / z.ms, 1) : undefined;
        const shapedStateRatio = at("shaped", "up") && at("noop", "up") ? round(at("shaped", "up")!.stateBytes / at("noop", "up")!.stateBytes, 1) : undefined;
        if (engineGrows && !providerGrows) {
            verdict = `the engine's: its CPU is what grows faster than N${checkpointBound ? ", and most of it is the checkpoint it rewrites after every step (the whole state, each time)" : ""}` +
                (noopGrows ? "; no-op resources grow the same way, so the growth is not our provider's code" :
                    "; no-op resources grow less because their state is smaller: the engine's per-step work is proportional to the whole state, which our resources make larger") +
                (timeRatio !== undefined && shapedRatio !== undefined ? `. Ours is ${timeRatio}x the no-op time at N = ${nMax}; no-op resources carrying the ` +
                    `model's properties take ${shapedRatio}x (their state is ${shapedStateRatio}x the no-op's, ours ${stateRatio}x): the constant is ` +
                    "the property tree each rewrite converts, the exponent the engine's" : "") + ".";
        } else if (providerGrows && !engineGrows) {
            verdict = "the provider's: the dynamic-provider process's CPU grows faster than N while the engine's does not.";
        } else if (providerGrows && engineGrows) {
            verdict = "both the engine's and the provider's CPU grow faster than N (see the exponents).";
        } else {
            verdict = "no process's CPU grows faster than N, so the time is waiting (on a loaded machine: other processes), not work of ours or the engine's; re-run it alone.";
        }
        const others = grows.filter((k) => k !== "engine" && k !== "dynamicProvider" && o)
            .map((k) => `the ${k} process's CPU grows too (k = ${f.cpuK[k]}): ${o!.cpuSeconds[k]} s at N = ${nMax}, ` +
                `${Math.round((100 * (o!.cpuSeconds[k] ?? 0)) / Math.max(0.01, Object.values(o!.cpuSeconds).reduce((a, b) => a + b, 0)))}% of all CPU` +
                (k === "program" ? " (the Pulumi SDK in the program: registering each resource and serializing its provider)" : ""));
        out.push(`- **${op}**: k = ${f.k} > ${SUPERLINEAR}. Whose cost: ${verdict}`, ...[...evidence, ...others].map((x) => `  - ${x}`));
    }
    return out;
}

/**
 * The measured owner of a face's gap to the no-op resources at one operation and N (issue 26): how much
 * of the wall-time gap is already there at N = 1 (fixed: program start, type checks, plugin start), and
 * each process's CPU above the no-op's. `what` picks the figure the target is on.
 */
export function gapOwner(d: ScaleDetails, side: Side, op: Operation, n: number, what: "wall" | "cpu" | "rss"): string {
    const at = (s: Side, o: Operation, size: number) => d.measurements.find((m) => m.side === s && m.op === o && m.n === size);
    const o = at(side, op, n);
    const e = at("noop", op, n);
    if (!o || !e) {
        return "";
    }
    const r1 = (x: number) => formatNumber(round(x, 1));
    if (what === "rss") {
        const p = (m: Measurement | undefined) => (m?.peakKiB.program ?? 0) / 1024;
        const o1 = at(side, op, 1);
        const e1 = at("noop", op, 1);
        const perO = ((p(o) - p(o1)) * 1024) / (n - 1);
        const perE = ((p(e) - p(e1)) * 1024) / (n - 1);
        const heap = d.heapProfiles?.find((h) => h.side === side);
        const heapE = d.heapProfiles?.find((h) => h.side === "noop");
        return `program peak RSS in ${op}: ${r1(p(o))} MiB vs ${r1(p(e))} MiB; at N = 1 ${r1(p(o1))} vs ${r1(p(e1))} MiB (fixed: ` +
            `${r1(p(o1) - p(e1))} MiB of the ${r1(p(o) - p(e))} MiB gap); per resource above N = 1 ${r1(perO)} KiB vs ${r1(perE)} KiB` +
            typeCheckText(d, side) +
            (heap ? `; live heap at the program's exit (--heap-prof, ${heap.op} of N = ${heap.n}): ${heapSummary(heap)}` +
                (heapE ? `; no-op: ${heapSummary(heapE)}` : "") : "") + besideShaped(d, side, op, n, what) + besidePlugin(d, side, op, n, what);
    }
    const cpuTotal = (m: Measurement) => Object.values(m.cpuSeconds).reduce((a, b) => a + b, 0);
    const kinds: [string, string][] = [["engine", "engine"], ["languageHost", "languageHost"], ["program", "program"], [PROVIDER_KIND[side], PROVIDER_KIND.noop]];
    const deltas = kinds.map(([k, kn]) => ({ k, ours: o.cpuSeconds[k] ?? 0, noop: e.cpuSeconds[kn] ?? 0 }))
        .map((x) => ({ ...x, delta: x.ours - x.noop }));
    const top = deltas.reduce((a, b) => (b.delta > a.delta ? b : a));
    const o1 = at(side, op, 1);
    const e1 = at("noop", op, 1);
    // The part of the gap already there with one resource, on the figure the target is on.
    const figure = (m: Measurement) => (what === "cpu" ? (m.cpuSeconds.engine ?? 0) * 1000 : m.ms);
    const fixedGap = o1 && e1 ? figure(o1) - figure(e1) : undefined;
    const gap = o.ms - e.ms;
    const state = at(side, "up", n)?.stateBytes;
    const stateNoop = at("noop", "up", n)?.stateBytes;
    return `${what === "wall" ? `wall ${s(o.ms)} vs ${s(e.ms)}, gap ${s(gap)}` : `engine CPU ${o.cpuSeconds.engine ?? "?"} s vs ${e.cpuSeconds.engine ?? "?"} s`}` +
        (fixedGap !== undefined ? `; at N = 1 already ${s(fixedGap)} (fixed: ${s(figure(o1!))} vs ${s(figure(e1!))}${op === "preview" || op === "up" ? typeCheckText(d, side) : ""})` : "") +
        `; CPU above the no-op's by process: ${deltas.map((x) => `${x.k} ${r1(x.ours)} - ${r1(x.noop)} = ${r1(x.delta)} s`).join(", ")} ` +
        `(all processes ${r1(cpuTotal(o))} vs ${r1(cpuTotal(e))} s); largest: ${top.k}` +
        (state && stateNoop ? `; state after up ${formatNumber(round(state / n))} B per resource vs ${formatNumber(round(stateNoop / n))} B ` +
            `(the engine rewrites it after every step)` : "") + besideShaped(d, side, op, n, what) + besidePlugin(d, side, op, n, what);
}

/** One figure of a measurement: wall seconds, engine CPU seconds, or the program's peak RSS in MiB. */
function figureOf(m: Measurement, what: "wall" | "cpu" | "rss"): [number, string] {
    return what === "wall" ? [m.ms / 1000, "s"] : what === "cpu" ? [m.cpuSeconds.engine ?? 0, "s"] : [(m.peakKiB.program ?? 0) / 1024, "MiB"];
}

/**
 * The same figure for no-op resources that carry the bench model's properties (bench/programs/echo-shaped): what
 * the engine and @pulumi/pulumi cost for that property tree alone, which no provider can cut; the face's ratio to it
 * is what is left for the provider's own code.
 */
export function besideShaped(d: ScaleDetails, side: Side, op: Operation, n: number, what: "wall" | "cpu" | "rss"): string {
    const find = (s: Side) => d.measurements.find((m) => m.side === s && m.op === op && m.n === n);
    const [o, e, sh] = [find(side), find("noop"), find("shaped")];
    if (!o || !e || !sh) {
        return "";
    }
    const [ov] = figureOf(o, what);
    const [ev] = figureOf(e, what);
    const [sv, unit] = figureOf(sh, what);
    const r2 = (x: number) => formatNumber(round(x, 2));
    return `; no-op resources carrying the model's properties (bench/programs/echo-shaped): ${r2(sv)} ${unit}, ${r2(sv / Math.max(ev, 1e-9))}x the no-op: ` +
        `the ${FACE_LABEL[side]} is ${r2(ov / Math.max(sv, 1e-9))}x them`;
}

/** For the dynamic face: the same figure on the plugin face, measured in the same run (issue 26: the plugin face is the answer where the dynamic face cannot close a gap). */
function besidePlugin(d: ScaleDetails, side: Side, op: Operation, n: number, what: "wall" | "cpu" | "rss"): string {
    const p = d.measurements.find((m) => m.side === "plugin" && m.op === op && m.n === n);
    const e = d.measurements.find((m) => m.side === "noop" && m.op === op && m.n === n);
    if (side !== "ours" || !p || !e) {
        return "";
    }
    const [pv, unit] = figureOf(p, what);
    const [ev] = figureOf(e, what);
    return `; the plugin face beside it: ${formatNumber(round(pv, 2))} ${unit} (${formatNumber(round(pv / Math.max(ev, 1e-9), 2))}x the no-op)`;
}

/** "; the type check loads ..." when the run measured it for the side and the no-op program. */
function typeCheckText(d: ScaleDetails, side: Side): string {
    const t = d.typeCheck?.[side];
    const z = d.typeCheck?.noop;
    if (!t || !z) {
        return "";
    }
    const mb = (b: number) => `${formatNumber(round(b / 1e6, 1))} MB`;
    const extra = t.byPackage.filter(([pkg]) => !z.byPackage.some(([q]) => q === pkg)).slice(0, 3);
    return `; the program's type check (ts-node) loads ${t.files} files, ${mb(t.bytes)}, against ${z.files} files, ${mb(z.bytes)}` +
        (extra.length ? `, the extra ones mostly ${extra.map(([pkg, n, b]) => `${pkg} (${n} files, ${mb(b)})`).join(", ")}` : "");
}

/** The heaviest allocation sites of a sampling heap profile, by self size. */
function heapSummary(h: HeapProfileSummary): string {
    const m = (b: number) => `${formatNumber(round(b / 2 ** 20, 1))} MiB`;
    return `${m(h.totalBytes)} sampled live; by owner ${Object.entries(h.byPackage).slice(0, 4).map(([k, v]) => `${k} ${m(v)}`).join(", ")}; ` +
        `heaviest sites ${h.top.slice(0, 3).map((t) => `${t.where} ${m(t.bytes)}`).join(", ")}`;
}
