import { apiCalls } from "./api-calls";
import { recordDuration } from "./baseline";
import { writePerformanceDoc } from "./generate-doc";
import { printRows, type BenchOptions, type BenchResult } from "./lib";
import { policies } from "./policies";
import { preview } from "./preview";
import { scale } from "./scale";
import { scaleUp } from "./scale-up";
import { stateSize } from "./state-size";
import { throttling } from "./throttling";
import { validation } from "./validation";

/**
 * `npm run bench [-- --quick] [-- NAME...] [-- --sizes=N,...] [-- --side=ours|plugin|noop] [-- --fresh]`: runs the benchmarks (all by default) one after the
 * other, prints each table, writes bench/results/<name>.json, then regenerates docs/PERFORMANCE.md
 * from the full results. `--quick` (or BENCH_QUICK=1) uses small sizes and writes to
 * bench/results/tmp/quick/ so a smoke check never replaces the committed numbers.
 */
const BENCHMARKS: Record<string, (o: BenchOptions) => Promise<BenchResult>> = {
    "api-calls": apiCalls,
    "scale-up": scaleUp,
    throttling,
    "state-size": stateSize,
    policies,
    preview,
    scale,
    validation,
};

async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const quick = args.includes("--quick") || process.env.BENCH_QUICK === "1";
    const names = args.filter((a) => !a.startsWith("--"));
    for (const n of names) {
        if (!BENCHMARKS[n]) {
            throw new Error(`unknown benchmark "${n}"; known: ${Object.keys(BENCHMARKS).join(", ")}`);
        }
    }
    const opts: BenchOptions = { quick, args, log: (l) => console.log(l) };
    let failed = false;
    const t0 = Date.now();
    for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
        console.log(`\n> ${name}${quick ? " (quick)" : ""} ...`);
        try {
            printRows(await BENCHMARKS[name](opts), opts.log);
        } catch (err) {
            // One broken benchmark must not hide the others' numbers.
            failed = true;
            console.error(`benchmark ${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        }
    }
    if (names.length === 0 && !failed && !args.some((a) => a.startsWith("--sizes=") || a.startsWith("--side=") || a === "--refit")) {
        recordDuration(quick ? "quick" : "full", (Date.now() - t0) / 1000);
    }
    console.log(`\nall of it took ${Math.round((Date.now() - t0) / 1000)} s`);
    if (!quick) {
        console.log(`\nwrote ${writePerformanceDoc()}`);
    }
    process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
});
