import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startLocalEndpoint, type LocalEndpoint, type LocalEndpointOptions } from "../local-endpoint";
import { engineEnv, PulumiStack, REPO_ROOT, type RunResult } from "../scripts/lib/pulumi-cli";

/** Shared plumbing of the benchmarks: endpoint + stack set-up, timing, RSS sampling, result files. */

export const PROGRAMS = path.join(__dirname, "programs");
export const RESULTS_DIR = path.join(__dirname, "results");
/** Quick (smoke) runs write here (git-ignored) so they never replace the committed full results. */
export const QUICK_RESULTS_DIR = path.join(RESULTS_DIR, "tmp", "quick");
/** The provider plugin's executable (issue 24), found by the engine on PATH as tests/e2e/plugin-yaml.test.ts does. */
export const PLUGIN_BIN = path.join(REPO_ROOT, "plugin", "bin");
/** bench/programs that declare their resources through the plugin face (`sagemaker:index:*`). */
const PLUGIN_PROGRAMS = new Set(["plugin-models"]);

let defaultParallelCache: number | undefined;

/**
 * The engine's default `--parallel` (the benchmarks never pass one), read from `pulumi up --help`
 * ("(default 8)" on this 2-CPU machine: the CLI derives it from the CPU count).
 */
export function defaultParallel(): number {
    if (defaultParallelCache === undefined) {
        const help = spawnSync("pulumi", ["up", "--help"], { env: engineEnv(), encoding: "utf8" }).stdout;
        const m = /--parallel int\S*\s+.*\(default (\d+)\)/.exec(help);
        if (!m) {
            throw new Error("could not read the default --parallel from `pulumi up --help`");
        }
        defaultParallelCache = Number(m[1]);
    }
    return defaultParallelCache;
}

export interface BenchOptions {
    quick: boolean;
    /** the command line's options (e.g. `--sizes=1000` for the scale benchmark) */
    args?: string[];
    log: (line: string) => void;
}

/** A target: `measured <= value`, `ratio <= value`, `ratio >= value`, or `measured == value`. */
export interface Target {
    on: "measured" | "ratio";
    op: "<=" | ">=" | "==";
    value: number;
}

export interface Row {
    metric: string;
    measured: number;
    ideal: number;
    unit: string;
    /** measured/ideal for costs; for rates (higher is better) measured/ideal too, read as "fraction of ideal" */
    ratio: number | null;
    target?: Target;
    met?: boolean;
    note?: string;
}

export interface BenchResult {
    benchmark: string;
    title: string;
    quick: boolean;
    date: string;
    durationMs: number;
    loadavg: { before: number[]; after: number[]; samples: number[] };
    machine: Machine;
    rows: Row[];
    details: Record<string, unknown>;
}

export interface Machine {
    nproc: number;
    memoryGiB: number;
    cpuModel: string;
    node: string;
    pulumiCli: string;
    pulumiSdk: string;
    awsSdkSageMaker: string;
    os: string;
}

export function machine(): Machine {
    const env = engineEnv();
    const cli = spawnSync("pulumi", ["version"], { env, encoding: "utf8" });
    const node = spawnSync("node", ["--version"], { env, encoding: "utf8" });
    const version = (pkg: string): string =>
        (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
    return {
        nproc: os.cpus().length,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        cpuModel: os.cpus()[0]?.model ?? "unknown",
        // The engine's node (language host, program, dynamic provider) is the one on the engine PATH.
        node: node.stdout.trim() || process.version,
        pulumiCli: cli.stdout.trim(),
        pulumiSdk: version("@pulumi/pulumi"),
        awsSdkSageMaker: version("@aws-sdk/client-sagemaker"),
        os: `${os.type()} ${os.release()}`,
    };
}

export function row(metric: string, measured: number, ideal: number, unit: string, target?: Target, note?: string): Row {
    const ratio = ideal === 0 ? (measured === 0 ? 1 : null) : measured / ideal;
    const r: Row = { metric, measured: round(measured), ideal: round(ideal), unit, ratio: ratio === null ? null : round(ratio, 3), note };
    if (target) {
        r.target = target;
        const v = target.on === "measured" ? measured : ratio;
        r.met = v === null ? false
            : target.op === "<=" ? v <= target.value + 1e-9
                : target.op === ">=" ? v >= target.value - 1e-9
                    : Math.abs(v - target.value) < 1e-9;
    }
    return r;
}

export function round(n: number, digits = 2): number {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

export function median(xs: number[]): number {
    const s = [...xs].sort((a, b) => a - b);
    const m = Math.floor(s.length / 2);
    return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The environment every stack gets to talk to the local endpoint (dummy credentials, fast package polling). */
export function endpointEnv(ep: LocalEndpoint): NodeJS.ProcessEnv {
    return {
        AWS_ENDPOINT_URL_SAGEMAKER: ep.url,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20",
    };
}

/** A local endpoint plus a stack of one of bench/programs, torn down together. */
export class Fixture {
    private constructor(readonly endpoint: LocalEndpoint, readonly stack: PulumiStack) {}

    static async create(program: string, config: Record<string, string>, endpointOptions: LocalEndpointOptions = {}): Promise<Fixture> {
        const endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 0, ...endpointOptions });
        try {
            // The plugin face: its executable on PATH and its own region setting (the endpoint comes from
            // AWS_ENDPOINT_URL_SAGEMAKER, as for the dynamic face).
            const plugin = PLUGIN_PROGRAMS.has(program);
            const stack = await PulumiStack.create(path.join(PROGRAMS, program), {
                stackName: `bench-${program}-${process.pid}`,
                config: { "aws:region": "us-east-1", ...(plugin ? { "sagemaker:region": "us-east-1" } : {}), ...config },
                env: { ...endpointEnv(endpoint), ...(plugin ? { PATH: `${PLUGIN_BIN}:${engineEnv().PATH}` } : {}) },
            });
            return new Fixture(endpoint, stack);
        } catch (err) {
            await endpoint.close();
            throw err;
        }
    }

    /** Sequential `config set` (the file backend rewrites one stack file, so no concurrency). */
    async config(values: Record<string, string>): Promise<void> {
        for (const [k, v] of Object.entries(values)) {
            await this.stack.expectOk(["config", "set", k, v]);
        }
    }

    /** Runs the command with counters reset first; returns wall time, the calls it made, and its output. */
    async measure(args: string[], opts: { expectOk?: boolean; sampler?: RssSampler; env?: NodeJS.ProcessEnv } = {}): Promise<{ ms: number; calls: Record<string, number>; result: RunResult }> {
        this.endpoint.resetCounters();
        opts.sampler?.start();
        const t0 = performance.now();
        const result = await this.stack.run(args, opts.env);
        const ms = performance.now() - t0;
        opts.sampler?.stop();
        if ((opts.expectOk ?? true) && result.code !== 0) {
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output.slice(-4000)}`);
        }
        return { ms, calls: this.endpoint.counters(), result };
    }

    async dispose(): Promise<void> {
        try {
            this.endpoint.setFaults({}); // clean-up is not part of any measurement
            await this.stack.run(["destroy", "--yes", "--skip-preview"]);
            await this.stack.dispose();
        } finally {
            await this.endpoint.close();
        }
    }
}

export const UP = ["up", "--yes", "--skip-preview"];
export const PREVIEW = ["preview"];
export const REFRESH = ["refresh", "--yes", "--skip-preview"];
export const DESTROY = ["destroy", "--yes", "--skip-preview"];

/** Median wall time of `runs` runs of an operation on the zero-resource program: the engine's fixed cost. */
export async function noopMs(args: string[], runs: number): Promise<{ medianMs: number; runsMs: number[] }> {
    const f = await Fixture.create("noop", {});
    try {
        await f.measure(UP); // the first up creates the stack resource; later ones change nothing
        const runsMs: number[] = [];
        for (let i = 0; i < runs; i++) {
            runsMs.push(round((await f.measure(args)).ms, 0));
        }
        return { medianMs: median(runsMs), runsMs };
    } finally {
        await f.dispose();
    }
}

/**
 * Least-squares slope of log(y) on log(x): the k of y ~ c x^k. Points with y <= 0 cannot be on a
 * log scale and are left out (returned in `dropped`); fewer than 2 points give k = NaN.
 */
export function growthExponent(points: { x: number; y: number }[]): { k: number; used: number; dropped: number } {
    const pts = points.filter((p) => p.x > 0 && p.y > 0).map((p) => ({ lx: Math.log(p.x), ly: Math.log(p.y) }));
    const dropped = points.length - pts.length;
    if (pts.length < 2) {
        return { k: Number.NaN, used: pts.length, dropped };
    }
    const mx = pts.reduce((a, p) => a + p.lx, 0) / pts.length;
    const my = pts.reduce((a, p) => a + p.ly, 0) / pts.length;
    const sxy = pts.reduce((a, p) => a + (p.lx - mx) * (p.ly - my), 0);
    const sxx = pts.reduce((a, p) => a + (p.lx - mx) ** 2, 0);
    return { k: sxy / sxx, used: pts.length, dropped };
}

export function totalCalls(calls: Record<string, number>): number {
    return Object.values(calls).reduce((a, b) => a + b, 0);
}

/**
 * Samples peak RSS (VmHWM) of this stack's engine processes from /proc. Other engineers run Pulumi
 * on the same machine, so a process counts only when its environment holds our backend directory.
 */
export class RssSampler {
    private timer: NodeJS.Timeout | undefined;
    /** peak VmHWM per process kind */
    readonly peakKiB: Record<string, number> = {};
    /** last seen utime + stime per pid, in clock ticks (USER_HZ = 100) */
    private readonly cpuTicks = new Map<number, { kind: string; ticks: number }>();
    /** last seen bytes written (wchar of /proc/<pid>/io: files and sockets) per pid */
    private readonly written = new Map<number, { kind: string; bytes: number }>();

    constructor(private readonly marker: string, private readonly intervalMs = 50) {}

    start(): void {
        this.timer = setInterval(() => this.sample(), this.intervalMs);
    }

    stop(): void {
        if (this.timer) {
            clearInterval(this.timer);
        }
        this.timer = undefined;
    }

    /** CPU seconds per process kind (a process's last <= intervalMs are missed). */
    cpuSeconds(): Record<string, number> {
        const out: Record<string, number> = {};
        for (const { kind, ticks } of this.cpuTicks.values()) {
            out[kind] = round((out[kind] ?? 0) + ticks / 100);
        }
        return out;
    }

    /** The pids seen of one process kind (e.g. to pick the program's profile among the processes' files). */
    pidsOf(kind: string): number[] {
        return [...this.cpuTicks.entries()].filter(([, v]) => v.kind === kind).map(([pid]) => pid);
    }

    /** Bytes each process kind wrote with write(2) (checkpoint files, gRPC, logs), as last sampled. */
    writtenBytes(): Record<string, number> {
        const out: Record<string, number> = {};
        for (const { kind, bytes } of this.written.values()) {
            out[kind] = (out[kind] ?? 0) + bytes;
        }
        return out;
    }

    private static kindOf(cmdline: string): string {
        if (cmdline.includes("cmd/dynamic-provider")) {
            return "dynamicProvider";
        }
        if (cmdline.includes("dist/plugin/main.js")) {
            return "plugin";
        }
        if (cmdline.includes("/cmd/run")) {
            return "program";
        }
        if (cmdline.includes("language-host") || cmdline.includes("pulumi-language-nodejs")) {
            return "languageHost";
        }
        return /(^|\/)pulumi\0/.test(cmdline) ? "engine" : "other";
    }

    private sample(): void {
        for (const entry of fs.readdirSync("/proc")) {
            if (!/^\d+$/.test(entry)) {
                continue;
            }
            try {
                // Every process the engine starts inherits PULUMI_BACKEND_URL, our unique temp directory.
                if (!fs.readFileSync(`/proc/${entry}/environ`, "utf8").includes(this.marker)) {
                    continue;
                }
                const kind = RssSampler.kindOf(fs.readFileSync(`/proc/${entry}/cmdline`, "utf8"));
                const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/status`, "utf8"));
                if (hwm) {
                    this.peakKiB[kind] = Math.max(this.peakKiB[kind] ?? 0, Number(hwm[1]));
                }
                // /proc/<pid>/stat: fields 14 and 15 (utime, stime) after the parenthesised command name.
                const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
                const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
                this.cpuTicks.set(Number(entry), { kind, ticks: Number(fields[11]) + Number(fields[12]) });
                const wchar = /wchar:\s+(\d+)/.exec(fs.readFileSync(`/proc/${entry}/io`, "utf8"));
                if (wchar) {
                    this.written.set(Number(entry), { kind, bytes: Number(wchar[1]) });
                }
            } catch {
                // the process ended between readdir and read, or is not ours to read
            }
        }
    }
}

/** Runs one benchmark body with the bookkeeping every result file carries. */
export async function runBenchmark(
    name: string,
    title: string,
    opts: BenchOptions,
    body: () => Promise<{ rows: Row[]; details: Record<string, unknown> }>,
): Promise<BenchResult> {
    const before = os.loadavg();
    const t0 = Date.now();
    // 1-minute load average every 5 s during the benchmark (other test runs share the machine).
    const samples: number[] = [];
    const loadTimer = setInterval(() => samples.push(round(os.loadavg()[0])), 5000);
    let out: { rows: Row[]; details: Record<string, unknown> };
    try {
        out = await body();
    } finally {
        clearInterval(loadTimer);
    }
    const { rows, details } = out;
    const result: BenchResult = {
        benchmark: name,
        title,
        quick: opts.quick,
        date: new Date().toISOString(),
        durationMs: Date.now() - t0,
        loadavg: { before: before.map((x) => round(x)), after: os.loadavg().map((x) => round(x)), samples },
        machine: machine(),
        rows,
        details,
    };
    const dir = opts.quick ? QUICK_RESULTS_DIR : RESULTS_DIR;
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2) + "\n");
    return result;
}

export function formatNumber(n: number | null): string {
    if (n === null) {
        return "∞";
    }
    return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : String(round(n, 2));
}

export function formatTarget(t: Target | undefined): string {
    if (!t) {
        return "";
    }
    const subject = t.on === "ratio" ? "ratio" : "measured";
    return `${subject} ${t.op === "==" ? "=" : t.op === "<=" ? "≤" : "≥"} ${t.value}`;
}

/** The side-by-side table printed on the console. */
export function printRows(result: BenchResult, log: (l: string) => void): void {
    const l = result.loadavg;
    log(`\n## ${result.title}${result.quick ? " (quick)" : ""}  [1-min load ${l.before[0]} -> ${l.after[0]}, max ${maxLoad(result)}]`);
    const header = ["metric", "measured", "ideal", "ratio", "target", "met"];
    const lines = result.rows.map((r) => [
        r.metric, `${formatNumber(r.measured)} ${r.unit}`, `${formatNumber(r.ideal)} ${r.unit}`, formatNumber(r.ratio),
        formatTarget(r.target), r.met === undefined ? "" : r.met ? "yes" : "NO",
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
    const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
    log(fmt(header));
    for (const l of lines) {
        log(fmt(l));
    }
}

/** Highest 1-minute load average seen during a benchmark. */
export function maxLoad(result: BenchResult): number {
    return Math.max(result.loadavg.before[0], result.loadavg.after[0], ...(result.loadavg.samples ?? []));
}
