import { formatNumber, round, type BenchResult } from "./lib";
import { OPERATIONS, SUPERLINEAR, type Fit, type Measurement, type Operation, type ScaleDetails } from "./scale-types";

/**
 * docs/PERFORMANCE.md's scale section beyond the row table: the grid of every measurement, the
 * chart link, and for each operation that grows faster than N^1.2, whose cost it is, decided from
 * the figures of the run (no-op resources, each process's CPU, PULUMI_SKIP_CHECKPOINTS, bytes written).
 */

const s = (ms: number) => `${formatNumber(round(ms / 1000, 2))} s`;
const mib = (kib: number | undefined) => (kib === undefined ? "?" : formatNumber(round(kib / 1024, 0)));

export function scaleGrid(result: BenchResult, chartPath: string): string[] {
    const d = result.details as unknown as ScaleDetails;
    const at = (side: string, op: Operation, n: number) => d.measurements.find((m) => m.side === side && m.op === op && m.n === n);
    const lines = [
        `![time vs N per operation, ours and no-op](${chartPath})`,
        "",
        "Every measurement (median of the repeats at N <= 100; N = 1 is the fixed cost T(1)): wall time, ours / no-op;",
        "API calls; peak RSS in MiB of the CLI (engine), the language host, the program and the dynamic provider, ours / no-op.",
        "",
        "| N | operation | wall time, ours / no-op | API calls | engine RSS | language host RSS | program RSS | provider RSS | engine CPU, ours / no-op | state |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    for (const n of d.sizes) {
        for (const op of OPERATIONS) {
            const o = at("ours", op, n);
            const e = at("noop", op, n);
            if (!o) {
                continue;
            }
            // refresh and destroy do not run the program: no program process to measure.
            const rss = (kind: string) => (o.peakKiB[kind] === undefined && e?.peakKiB[kind] === undefined ? "—" : `${mib(o.peakKiB[kind])} / ${mib(e?.peakKiB[kind])}`);
            lines.push(`| ${n} | ${op} | ${s(o.ms)} / ${e ? s(e.ms) : "?"} | ${o.calls} | ${rss("engine")} | ${rss("languageHost")} | ${rss("program")} | ` +
                `${rss("dynamicProvider")} | ${o.cpuSeconds.engine ?? "?"} / ${e?.cpuSeconds.engine ?? "?"} s | ` +
                `${op === "destroy" ? "" : `${formatNumber(round(o.stateBytes / 1024, 0))} KiB`} |`);
        }
    }
    const parts = d.parts ?? [];
    lines.push("", `Measured in ${parts.length} part(s): ${parts.map((p) => `${(p.sides ?? ["ours", "noop"]).join(" + ")} at N = ${p.sizes.join(", ")} in ${p.seconds} s (${p.date})`).join("; ")}.`);
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
        if (engineGrows && !providerGrows) {
            verdict = `the engine's: its CPU is what grows faster than N${checkpointBound ? ", and most of it is the checkpoint it rewrites after every step (the whole state, each time)" : ""}` +
                (noopGrows ? "; no-op resources grow the same way, so the growth is not our provider's code" :
                    "; no-op resources grow less because their state is smaller: the engine's per-step work is proportional to the whole state, which our resources make larger") +
                (timeRatio !== undefined && stateRatio !== undefined ? `. Ours is ${timeRatio}x the no-op time at N = ${nMax} because each rewrite is of a ${stateRatio}x larger state: ` +
                    "the constant is ours (state bytes per resource, benchmark 4), the exponent the engine's" : "") + ".";
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
