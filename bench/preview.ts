import { Fixture, median, PREVIEW, round, row, RssSampler, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 5: `pulumi preview` of an unchanged N-model stack (no API call is needed: check and
 * diff are local) against a zero-resource preview, and the dynamic-provider process's peak RSS
 * (VmHWM sampled from /proc) against the same preview of a one-model stack.
 */

export function preview(opts: BenchOptions) {
    const n = opts.quick ? 20 : 200;
    const runs = opts.quick ? 1 : 3;
    return runBenchmark("preview", `5. Preview of an unchanged ${n}-model stack, provider peak RSS`, opts, async () => {
        const f = await Fixture.create("models", { "bench:count": "0" });
        try {
            const sample = async () => {
                const times: number[] = [];
                let calls = 0;
                let peakKiB = 0;
                let allPeaks: Record<string, number> = {};
                for (let i = 0; i < runs; i++) {
                    const s = new RssSampler(f.stack.backendDir);
                    const r = await f.measure(PREVIEW, { sampler: s });
                    times.push(r.ms);
                    calls += totalCalls(r.calls);
                    peakKiB = Math.max(peakKiB, s.peakKiB.dynamicProvider ?? 0);
                    allPeaks = s.peakKiB;
                }
                return { ms: median(times), times, calls, peakKiB, allPeaks };
            };
            await f.measure(UP);
            const zero = await sample(); // the same program with 0 models: the engine's fixed cost of a preview
            const noop = { medianMs: zero.ms, runsMs: zero.times.map((t) => round(t, 0)) };
            await f.config({ "bench:count": "1" });
            await f.measure(UP);
            const one = await sample();
            await f.config({ "bench:count": String(n) });
            await f.measure(UP);
            const many = await sample();
            const rows: Row[] = [
                row(`preview, unchanged, N = ${n}`, many.ms / 1000, noop.medianMs / 1000, "s", undefined,
                    `ideal: preview of the same program with 0 models (median ${round(noop.medianMs, 0)} ms of ${runs}); ` +
                    `${round((many.ms - noop.medianMs) / n, 1)} ms per resource above it; runs ${many.times.map((t) => round(t, 0)).join(", ")} ms`),
                row(`preview API calls, N = ${n}`, many.calls, 0, "calls", { on: "measured", op: "==", value: 0 }),
                row(`dynamic-provider peak RSS, N = ${n}`, many.peakKiB / 1024, one.peakKiB / 1024, "MiB", undefined,
                    `ideal: same preview with N = 1; ${round((many.peakKiB - one.peakKiB) / (n - 1), 1)} KiB per resource`),
            ];
            return {
                rows,
                details: { n, zeroModelPreviewMs: noop, previewMs: many.times.map((t) => round(t, 0)), previewOneMs: one.times.map((t) => round(t, 0)),
                    peakKiB: { n: many.allPeaks, one: one.allPeaks } },
            };
        } finally {
            await f.dispose();
        }
    });
}
