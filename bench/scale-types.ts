/** What the scale benchmark measures and fits: shared by the run (scale.ts), the chart (chart.ts) and the doc (scale-doc.ts). */

export const OPERATIONS = ["preview", "up", "refresh", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];

export const PROGRAMS = { ours: "models", noop: "echo" } as const;
export type Side = keyof typeof PROGRAMS;

/** Above this exponent the growth is called out and its owner found (issue 16). */
export const SUPERLINEAR = 1.2;

/** One operation at one N on one side. */
export interface Measurement {
    side: Side;
    n: number;
    op: Operation;
    /** wall times of the repeats, ms */
    runsMs: number[];
    ms: number;
    calls: number;
    peakKiB: Record<string, number>;
    cpuSeconds: Record<string, number>;
    writtenBytes: Record<string, number>;
    /** `pulumi stack export` bytes after the operation (the state the engine rewrites) */
    stateBytes: number;
    loadavg1m: number;
    env?: Record<string, string>;
    date: string;
}

export interface ScaleDetails {
    sizes: number[];
    measurements: Measurement[];
    /** extra runs that explain a growth (PULUMI_SKIP_CHECKPOINTS) at the largest N */
    diagnostics: Measurement[];
    fits: Record<Side, Record<Operation, Fit>>;
    chart: string;
    /** wall time of each invocation that contributed measurements */
    parts: { sizes: number[]; sides: Side[]; seconds: number; date: string }[];
}

export interface Fit {
    /** null when fewer than 2 sizes took longer than the fixed cost */
    k: number | null;
    /** the same fit on each process kind's CPU seconds: whose work grows */
    cpuK: Record<string, number | null>;
    /** the slope between the two largest N (local exponent) */
    lastSlope: number | null;
    fixedMs: number;
    /** sizes whose time above T(1) was under this (NOISE_FACTOR x the median absolute deviation of T(1)'s repeats) are left out */
    noiseMs: number;
    /** the sizes the fit used */
    fitted: number[];
    points: { n: number; ms: number }[];
}
