import { DESTROY, Fixture, PREVIEW, REFRESH, row, runBenchmark, totalCalls, UP, type BenchOptions, type Row } from "./lib";

/**
 * Benchmark 1: SageMaker API calls per lifecycle operation, counted by the local endpoint, against
 * the fewest calls the API allows. One resource per stack, no latency, no faults.
 */

const TAGS_A = JSON.stringify([{ Key: "team", Value: "bench" }, { Key: "stage", Value: "dev" }]);
/** `team` keeps its key with a new value: one AddTags. */
const TAGS_VALUE = JSON.stringify([{ Key: "team", Value: "bench2" }, { Key: "stage", Value: "dev" }]);
/** `stage` removed, `owner` added: one DeleteTags and one AddTags. */
const TAGS_BOTH = JSON.stringify([{ Key: "team", Value: "bench2" }, { Key: "owner", Value: "ml" }]);

const CALLS = "calls";
/** The note's ideal calls, then the calls the endpoint counted, by operation. */
function withMeasured(ideal: string, calls: Record<string, number>): string {
    const measured = Object.entries(calls).map(([op, c]) => `${op} ${c}`).join(" + ") || "none";
    return `ideal: ${ideal}; measured: ${measured}`;
}

const target = (value: number) => ({ on: "measured" as const, op: "<=" as const, value });

async function modelRows(details: Record<string, unknown>): Promise<Row[]> {
    const f = await Fixture.create("models", { "bench:count": "1", "bench:tags": TAGS_A });
    const rows: Row[] = [];
    const record = (metric: string, calls: Record<string, number>, ideal: number, note: string, tgt?: number) => {
        details[`Model ${metric}`] = calls;
        rows.push(row(`Model: ${metric}`, totalCalls(calls), ideal, CALLS, tgt === undefined ? undefined : target(tgt), withMeasured(note, calls)));
    };
    try {
        record("create", (await f.measure(UP)).calls, 1, "CreateModel (returns the ARN; tags go in the same call)", 1);
        record("up, unchanged", (await f.measure(UP)).calls, 0, "check/diff are local");
        record("preview, unchanged", (await f.measure(PREVIEW)).calls, 0, "check/diff are local", 0);
        record("refresh", (await f.measure(REFRESH)).calls, 2, "DescribeModel + ListTags", 2);
        await f.config({ "bench:tags": TAGS_VALUE });
        record("tag update, one value changed", (await f.measure(UP)).calls, 1, "AddTags");
        await f.config({ "bench:tags": TAGS_BOTH });
        record("tag update, one added + one removed", (await f.measure(UP)).calls, 2, "DeleteTags + AddTags (1 per direction)");
        record("delete", (await f.measure(DESTROY)).calls, 1, "DeleteModel", 1);
    } finally {
        await f.dispose();
    }
    return rows;
}

async function packageRows(details: Record<string, unknown>, statusDelayMs: number | undefined): Promise<Row[]> {
    const rows: Row[] = [];
    const record = (metric: string, calls: Record<string, number>, ideal: number, note: string, tgt?: number) => {
        details[`ModelPackage ${metric}`] = calls;
        rows.push(row(`ModelPackage: ${metric}`, totalCalls(calls), ideal, CALLS, tgt === undefined ? undefined : target(tgt), withMeasured(note, calls)));
    };

    // Full lifecycle with packages Completed at once (status delay 0).
    const f = await Fixture.create("packages", { "bench:count": "0", "bench:tags": TAGS_A }, { packageStatusDelayMs: 0 });
    try {
        details["ModelPackageGroup create"] = (await f.measure(UP)).calls; // group alone, not part of the rows
        await f.config({ "bench:count": "1" });
        record("create version (Completed at once)", (await f.measure(UP)).calls, 3,
            "CreateModelPackage + 1 DescribeModelPackage (the status must be observed) + AddTags (the API refuses Tags on a versioned create)", 3);
        record("up, unchanged", (await f.measure(UP)).calls, 0, "check/diff are local");
        record("preview, unchanged", (await f.measure(PREVIEW)).calls, 0, "check/diff are local", 0);
        const urn = (await f.stack.resourcesOfType("pulumi-nodejs:dynamic/sagemaker:ModelPackage"))[0]?.urn;
        if (!urn) {
            throw new Error("no ModelPackage in the state");
        }
        record("refresh", (await f.measure([...REFRESH, "--target", urn])).calls, 2, "DescribeModelPackage + ListTags", 2);
        await f.config({ "bench:tags": TAGS_VALUE });
        record("tag update, one value changed", (await f.measure(UP)).calls, 1, "AddTags");
        await f.config({ "bench:tags": TAGS_BOTH });
        record("tag update, one added + one removed", (await f.measure(UP)).calls, 2, "DeleteTags + AddTags");
        await f.config({ "bench:approval": "Approved" });
        record("approval update", (await f.measure(UP)).calls, 1, "UpdateModelPackage");
        await f.config({ "bench:count": "0" });
        record("delete", (await f.measure(UP)).calls, 1, "DeleteModelPackage", 1);
    } finally {
        await f.dispose();
    }

    // Create with a status delay: the polls a poller needs at its steady (capped) rate (not in quick runs).
    if (statusDelayMs === undefined) {
        return rows;
    }
    const g = await Fixture.create("packages", { "bench:count": "0", "bench:tags": TAGS_A }, { packageStatusDelayMs: statusDelayMs });
    try {
        await g.measure(UP);
        await g.config({ "bench:count": "1" });
        const delayed = (await g.measure(UP)).calls;
        record(`create version (Completed after ${statusDelayMs} ms)`, delayed, 3,
            "Create + AddTags + the one DescribeModelPackage that sees Completed (a poller cannot know when the status changes; " +
            "bench sets PULUMI_SAGEMAKER_PACKAGE_POLL_MS=20)");
    } finally {
        await g.dispose();
    }
    return rows;
}

export function apiCalls(opts: BenchOptions) {
    return runBenchmark("api-calls", "1. API calls per lifecycle operation", opts, async () => {
        const details: Record<string, unknown> = {};
        const rows = [...await modelRows(details), ...await packageRows(details, opts.quick ? undefined : 1000)];
        return { rows, details: { callsByOperation: details } };
    });
}
