import * as assert from "assert";
import { gapOwner } from "../../../bench/scale-doc";
import type { Measurement, ScaleDetails, Side } from "../../../bench/scale-types";

// Issue 26: beside a missed target the doc prints the measured owner of the gap: how much of it is there
// at N = 1 already, and which process's CPU is above the no-op's. Figures are chosen so each sum is plain.
describe("bench: the measured owner of a face's gap to the no-op resources", () => {
    const m = (side: Side, n: number, ms: number, cpu: Record<string, number>, programKiB = 0): Measurement => ({
        side, n, op: "up", runsMs: [ms], ms, calls: 0, peakKiB: { program: programKiB }, cpuSeconds: cpu, writtenBytes: {},
        stateBytes: n * 1000, loadavg1m: 0, date: "2026-12-03T00:00:00Z",
    });
    const details = {
        sizes: [1, 200], diagnostics: [], fits: {}, chart: "", parts: [],
        measurements: [
            m("ours", 1, 9000, { engine: 1, program: 3, dynamicProvider: 1 }, 300 * 1024),
            m("noop", 1, 5000, { engine: 1, program: 2, dynamicProvider: 1 }, 200 * 1024),
            m("ours", 200, 30000, { engine: 10, program: 12, dynamicProvider: 4 }, 500 * 1024),
            m("noop", 200, 20000, { engine: 9, program: 5, dynamicProvider: 3 }, 300 * 1024),
            m("plugin", 200, 25000, { engine: 12, program: 5, plugin: 2 }),
            m("shaped", 200, 28000, { engine: 16, program: 6, dynamicProvider: 3 }, 400 * 1024),
        ],
    } as unknown as ScaleDetails;

    it("splits the wall-time gap into its fixed part and names the process with the most CPU above the no-op's", () => {
        const owner = gapOwner(details, "ours", "up", 200, "wall");
        assert.match(owner, /gap 10.0 s; at N = 1 already 4 s/);
        assert.match(owner, /program 12.0 - 5 = 7 s/);
        assert.match(owner, /largest: program/);
    });

    it("compares the plugin's process with the dynamic-provider host of the no-op resources", () => {
        const owner = gapOwner(details, "plugin", "up", 200, "cpu");
        assert.match(owner, /plugin 2 - 3 = -1 s/);
        // the fixed part of an engine-CPU gap is engine CPU at N = 1 (plugin has no N = 1 here: none printed)
        assert.doesNotMatch(owner, /at N = 1/);
        assert.match(gapOwner(details, "ours", "up", 200, "cpu"), /engine CPU 10 s vs 9 s; at N = 1 already 0 s \(fixed: 1 s vs 1 s\)/);
        assert.match(owner, /largest: engine/);
    });

    it("splits the program's RSS gap into the fixed part and the part per resource", () => {
        const owner = gapOwner(details, "ours", "up", 200, "rss");
        assert.match(owner, /500 MiB vs 300 MiB; at N = 1 300 vs 200 MiB \(fixed: 100 MiB of the 200 MiB gap\)/);
        // (500 - 300) MiB over 199 resources vs (300 - 200) MiB
        assert.match(owner, /per resource above N = 1 1029 KiB vs 515 KiB/);
    });

    it("sets the gap beside no-op resources carrying the same properties: the part no provider can cut", () => {
        // wall: 28 s is 1.4x the no-op's 20 s; the dynamic face's 30 s is 1.07x it
        assert.match(gapOwner(details, "ours", "up", 200, "wall"),
            /carrying the model's properties \(bench\/programs\/echo-shaped\): 28.0 s, 1.4x the no-op: the dynamic face is 1.07x them/);
        // engine CPU 16 s vs 9 s (1.78x); the plugin face's 12 s is 0.75x it
        assert.match(gapOwner(details, "plugin", "up", 200, "cpu"), /16.0 s, 1.78x the no-op: the plugin face is 0.75x them/);
        // program RSS 400 MiB vs 300 MiB; the dynamic face's 500 MiB is 1.25x it
        assert.match(gapOwner(details, "ours", "up", 200, "rss"), /400 MiB, 1.33x the no-op: the dynamic face is 1.25x them/);
    });
});
