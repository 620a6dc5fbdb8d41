import * as fs from "fs";
import * as path from "path";
import { RESULTS_DIR, type BenchResult } from "./lib";

/**
 * Figures kept across rounds, beside the results: a baseline (the targeted rows of an earlier run,
 * shown as "before" by generate-doc.ts) and how long the last full and quick runs took.
 *
 *   npx ts-node bench/baseline.ts save "round 1 (Pulumi 3.276.0, before issue 14/16 changes)"
 */

export const BASELINE_DIR = path.join(RESULTS_DIR, "baseline");
const BASELINE = path.join(BASELINE_DIR, "before.json");
const DURATIONS = path.join(RESULTS_DIR, "baseline", "run-durations.json");

export interface Baseline {
    label: string;
    date: string;
    versions: string;
    rows: { benchmark: string; metric: string; measured: number; unit: string }[];
}

export interface Durations {
    full?: { seconds: number; date: string };
    quick?: { seconds: number; date: string };
}

export function readBaseline(): Baseline | undefined {
    return fs.existsSync(BASELINE) ? (JSON.parse(fs.readFileSync(BASELINE, "utf8")) as Baseline) : undefined;
}

export function readDurations(): Durations {
    return fs.existsSync(DURATIONS) ? (JSON.parse(fs.readFileSync(DURATIONS, "utf8")) as Durations) : {};
}

/** Called by run.ts after a run of every benchmark (not a partial one). */
export function recordDuration(mode: "full" | "quick", seconds: number): void {
    const d = readDurations();
    d[mode] = { seconds: Math.round(seconds), date: new Date().toISOString() };
    fs.mkdirSync(path.dirname(DURATIONS), { recursive: true });
    fs.writeFileSync(DURATIONS, JSON.stringify(d, null, 2) + "\n");
}

function save(label: string): void {
    const results = fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith(".json"))
        .map((f) => JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, f), "utf8")) as BenchResult)
        .filter((r) => typeof r.benchmark === "string");
    const m = results[0]?.machine;
    const baseline: Baseline = {
        label,
        date: results.map((r) => r.date).sort().pop() ?? "",
        versions: m ? `pulumi CLI ${m.pulumiCli}, @pulumi/pulumi ${m.pulumiSdk}` : "",
        rows: results.flatMap((r) => r.rows.filter((x) => x.target).map((x) => ({ benchmark: r.benchmark, metric: x.metric, measured: x.measured, unit: x.unit }))),
    };
    fs.mkdirSync(BASELINE_DIR, { recursive: true });
    fs.writeFileSync(BASELINE, JSON.stringify(baseline, null, 2) + "\n");
    console.log(`wrote ${BASELINE} (${baseline.rows.length} rows)`);
}

if (require.main === module) {
    const [cmd, label] = process.argv.slice(2);
    if (cmd !== "save" || !label) {
        console.error('usage: ts-node bench/baseline.ts save "LABEL"');
        process.exitCode = 2;
    } else {
        save(label);
    }
}
