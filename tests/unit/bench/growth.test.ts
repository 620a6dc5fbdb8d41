import * as assert from "assert";
import { growthExponent } from "../../../bench/lib";
import { fitAll } from "../../../bench/scale";
import type { Measurement } from "../../../bench/scale-types";

describe("bench: growth exponent (least squares on log-log)", () => {
    const power = (c: number, k: number) => [10, 100, 500, 1000].map((x) => ({ x, y: c * x ** k }));

    it("recovers k of exact power laws", () => {
        for (const k of [0.5, 1, 1.5, 2]) {
            assert.ok(Math.abs(growthExponent(power(3.7, k)).k - k) < 1e-9, `k = ${k}`);
        }
    });

    it("is the least-squares slope for scattered points: y = 1, 4, 4, 16 at x = 1, 2, 2, 4 gives k = 2", () => {
        // log2 y = 0, 2, 2, 4 on log2 x = 0, 1, 1, 2: the line through them has slope 2 exactly.
        assert.ok(Math.abs(growthExponent([{ x: 1, y: 1 }, { x: 2, y: 4 }, { x: 2, y: 4 }, { x: 4, y: 16 }]).k - 2) < 1e-9);
        // y = 2, 2, 8 at x = 1, 2, 4: points (0, 1), (1, 1), (2, 3) in log2; slope = 1 by least squares.
        assert.ok(Math.abs(growthExponent([{ x: 1, y: 2 }, { x: 2, y: 2 }, { x: 4, y: 8 }]).k - 1) < 1e-9);
    });

    it("leaves out points at or below zero and says how many; too few points give NaN", () => {
        const r = growthExponent([{ x: 10, y: -5 }, { x: 100, y: 0 }, ...power(1, 1.3).slice(2)]);
        assert.deepStrictEqual({ used: r.used, dropped: r.dropped }, { used: 2, dropped: 2 });
        assert.ok(Math.abs(r.k - 1.3) < 1e-9);
        assert.ok(Number.isNaN(growthExponent([{ x: 10, y: 1 }]).k));
    });

    it("fitAll subtracts T(1) before fitting: T = 2000 + 3 (N - 1)^1.5 ms gives k = 1.5", () => {
        const m = (n: number): Measurement => ({
            side: "ours", n, op: "up", runsMs: [], ms: 2000 + 3 * (n - 1) ** 1.5, calls: 0, peakKiB: {},
            cpuSeconds: { engine: 1 + 0.001 * (n - 1) ** 2 }, writtenBytes: {}, stateBytes: 0, loadavg1m: 0, date: "",
        });
        const fit = fitAll([1, 10, 100, 1000].map(m)).ours.up;
        assert.ok(Math.abs(fit.k! - 1.5) < 1e-9, String(fit.k));
        assert.equal(fit.cpuK.engine, 2, "the CPU of a process is fitted the same way");
        assert.equal(fit.fixedMs, 2000);
        assert.deepStrictEqual(fit.fitted, [10, 100, 1000]);
    });

    it("fitAll leaves out sizes within 3x the median absolute deviation of T(1)'s repeats: noise, not growth", () => {
        const m = (n: number, ms: number, runsMs: number[] = []): Measurement => ({
            side: "noop", n, op: "preview", runsMs, ms, calls: 0, peakKiB: {}, cpuSeconds: {}, writtenBytes: {}, stateBytes: 0, loadavg1m: 0, date: "",
        });
        // T(1) repeats 1900, 2000, 2100 and one slowed to 9000 ms: deviations from the median (2050) 150, 50, 50, 6950,
        // median deviation 100, so a size must be over 300 ms above T(1) to count; the outlier does not move that.
        const fit = fitAll([m(1, 2000, [1900, 2000, 2100, 9000]), m(10, 2250), m(100, 2000 + 990), m(1000, 2000 + 9990)]).noop.preview;
        assert.deepStrictEqual(fit.fitted, [100, 1000]);
        assert.equal(fit.noiseMs, 300);
        assert.ok(Math.abs(fit.k! - 1) < 0.01, String(fit.k));
    });
});
