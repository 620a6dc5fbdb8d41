/** What the scale benchmark measures and fits: shared by the run (scale.ts), the chart (chart.ts) and the doc (scale-doc.ts). */

export const OPERATIONS = ["preview", "up", "refresh", "destroy"] as const;
export type Operation = (typeof OPERATIONS)[number];

/**
 * ours: the dynamic face; plugin: the same models through the provider plugin (issue 24); noop: no-op dynamic
 * resources (the ideal); shaped: no-op dynamic resources carrying the bench model's properties (what the engine and
 * @pulumi/pulumi cost for that property tree with no provider code: the part of a gap no provider can cut).
 */
export const PROGRAMS = { ours: "models", plugin: "plugin-models", noop: "echo", shaped: "echo-shaped" } as const;
export type Side = keyof typeof PROGRAMS;
/** The two faces of the provider, each measured against the no-op resources. */
export const FACES = ["ours", "plugin"] as const;
export const FACE_LABEL: Record<Side, string> = { ours: "dynamic face", plugin: "plugin face", noop: "no-op", shaped: "no-op with the model's properties" };
/** The process that serves the resources' CRUD on each side (RssSampler's kinds). */
export const PROVIDER_KIND: Record<Side, string> = { ours: "dynamicProvider", plugin: "plugin", noop: "dynamicProvider", shaped: "dynamicProvider" };

/** Issue 26's targets at the largest N: face / no-op per operation (wall time and engine CPU), and the program's peak RSS. */
export const RATIO_TARGET: Record<Operation, number> = { preview: 1.3, up: 1.3, refresh: 2.0, destroy: 1.3 };
export const PROGRAM_RSS_TARGET = 1.3;

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
    /** live heap of the program at its exit, by allocation site (--heap-prof), one preview per side at one N */
    heapProfiles?: HeapProfileSummary[];
    /** what the type check of each side's program loads (type-check-files.ts) */
    typeCheck?: Partial<Record<Side, TypeCheckFiles>>;
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

/** A sampling heap profile of the program (NODE_OPTIONS=--heap-prof), summed by allocation site. */
export interface HeapProfileSummary {
    side: Side;
    n: number;
    op: Operation;
    /** bytes of the samples still live when the profile was written (the program's exit) */
    totalBytes: number;
    /** the heaviest sites by self size: "function (file:line)" */
    top: { where: string; bytes: number }[];
    /** the same bytes summed by package (node_modules/<pkg>, typescript, the program, node internals) */
    byPackage: Record<string, number>;
}

/** What the TypeScript type check of a program loads (type-check-files.ts). */
export interface TypeCheckFiles {
    files: number;
    bytes: number;
    /** [package, files, bytes], most bytes first */
    byPackage: [string, number, number][];
}
