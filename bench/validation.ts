// check() on requests with a 1 MB string, and the Url pattern on adversarial input (issue 17,
// item 8). No Pulumi CLI: the providers' check() is called in-process, as the dynamic-provider
// host calls it. Run alone: npx ts-node bench/validation.ts [--quick]; in bench/run.ts as
// `validation` (add it to BENCHMARKS).
import { lifecycles } from "../provider/runtime";
import { compileOriginalPattern, compilePattern } from "../provider/shapes/patterns";
import { getShape } from "../provider/shapes/validate";
import { minimal, reachableTargets, withValue } from "../tests/unit/shapes/shape-cases";
import { median, printRows, row, runBenchmark, type BenchOptions, type BenchResult, type Row } from "./lib";

const MB = 1024 * 1024;
const URL_PATTERN = "(https|s3)://([^/]+)/?(.*)";

function ms(fn: () => unknown): number {
    const t0 = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function msAsync(fn: () => Promise<unknown>): Promise<number> {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** The least any check of a 1 MB string can cost: one pass over it (its UTF-8 length). */
function onePassMs(value: string, runs: number): number {
    return median(Array.from({ length: runs }, () => ms(() => Buffer.byteLength(value, "utf8"))));
}

/** The slowest check() over every string member of a kind, each holding `value` in turn. */
async function worstCheck(kind: keyof typeof lifecycles, root: string, extra: Record<string, unknown>, value: string, runs: number) {
    let worst = { ms: 0, path: "" };
    for (const target of reachableTargets(root).filter((t) => getShape(t.shapeName)?.type === "string")) {
        const inputs = { ...withValue(root, target.steps, value), ...extra };
        const times: number[] = [];
        for (let i = 0; i < runs; i++) times.push(await msAsync(() => lifecycles[kind].check({ region: "us-east-1" }, {}, { ...inputs })));
        const each = median(times);
        if (each > worst.ms) worst = { ms: each, path: target.path };
    }
    return worst;
}

export async function validation(opts: BenchOptions): Promise<BenchResult> {
    return runBenchmark("validation", "Validation: check() with a 1 MB string, patterns on adversarial input", opts, async () => {
        const runs = opts.quick ? 1 : 5;
        const plain = "x".repeat(MB);
        const nearMiss = `s3://bucket/${"a".repeat(MB)}\n`;
        // Warm-up, not measured: the first check of a kind loads its modules, the first enum failure the SDK's enum objects.
        await lifecycles.Model.check({}, {}, { ...(minimal("CreateModelInput") as object), __logicalName: "warm", PrimaryContainer: { Image: "i", Mode: "x" } });
        await lifecycles.ModelPackage.check({}, {}, { ...(minimal("CreateModelPackageInput") as object) });
        await lifecycles.ModelPackageGroup.check({}, {}, { ...(minimal("CreateModelPackageGroupInput") as object), __logicalName: "warm" });
        const ideal = onePassMs(nearMiss, 9);
        const rows: Row[] = [];
        const details: Record<string, unknown> = {};
        for (const [kind, root, extra] of [["Model", "CreateModelInput", { __logicalName: "big" }], ["ModelPackage", "CreateModelPackageInput", {}],
            ["ModelPackageGroup", "CreateModelPackageGroupInput", { __logicalName: "big" }]] as const) {
            for (const [label, value] of [["1 MB plain string", plain], ["1 MB URL-like string with a line break", nearMiss]] as const) {
                const worst = await worstCheck(kind, root, extra, value, runs);
                rows.push(row(`${kind} check(), ${label} in the slowest member`, worst.ms, ideal, "ms", { on: "measured", op: "<=", value: 100 },
                    `slowest member: ${worst.path}; ideal = one pass over the string`));
                details[`${kind} ${label}`] = worst;
            }
        }
        // The pattern itself, on the input that made it quadratic (a line break after the first slash).
        const size = opts.quick ? 16 * 1024 : 64 * 1024;
        const adversarial = `s3://${"a".repeat(size)}/\n`;
        const original = compileOriginalPattern(URL_PATTERN);
        const linear = compilePattern(URL_PATTERN);
        const onePass = onePassMs(adversarial, 9);
        rows.push(row(`Url pattern as AWS writes it, ${size / 1024} KB adversarial`, median(Array.from({ length: runs }, () => ms(() => original.test(adversarial)))),
            onePass, "ms", undefined, "V8 backtracking: quadratic (for reference; never run on values over 1024 characters)"));
        rows.push(row(`Url pattern, linear rewrite, ${size / 1024} KB adversarial`, median(Array.from({ length: runs }, () => ms(() => linear.test(adversarial)))),
            onePass, "ms", { on: "measured", op: "<=", value: 5 }, "provider/shapes/patterns.ts"));
        return { rows, details };
    });
}

if (require.main === module) {
    const quick = process.argv.includes("--quick");
    validation({ quick, log: (l) => console.log(l) }).then((r) => printRows(r, (l) => console.log(l)), (err) => {
        console.error(err);
        process.exitCode = 1;
    });
}
