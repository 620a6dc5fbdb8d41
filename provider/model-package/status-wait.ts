import type { DescribeModelPackageOutput } from "../common/sdk-shapes";

/** How the wait for a Completed package polls. Defaults suit real SageMaker; tests shrink them. */
export interface WaitOptions {
    /** first delay between DescribeModelPackage calls */
    initialPollMs: number;
    /** the delay doubles up to this cap */
    maxPollMs: number;
    /** give up after this long (statusTimeoutMinutes) */
    timeoutMs: number;
    /** progress lines: on a status change and at least every STATUS_EVERY_MS (a status line on the resource, wait-for-completed.ts) */
    progress?: (line: string) => void;
    /** injectable for tests with a fake clock */
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
}

/** A wait shows a line at least this often (a status line on the resource, see wait-for-completed.ts). */
export const STATUS_EVERY_MS = 10_000;

export const POLL_DEFAULTS = { initialPollMs: 1_000, maxPollMs: 5_000 };

/** Env var that sets the first poll delay (and caps it at 5x), for fast tests and local endpoints. */
export const POLL_ENV = "PULUMI_SAGEMAKER_PACKAGE_POLL_MS";

/** The poll timing from the environment, else the defaults. */
export function pollTiming(env: NodeJS.ProcessEnv = process.env): { initialPollMs: number; maxPollMs: number } {
    const raw = env[POLL_ENV];
    const n = raw === undefined || raw === "" ? NaN : Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= 60_000) {
        return { initialPollMs: n, maxPollMs: Math.max(n, Math.min(5 * n, POLL_DEFAULTS.maxPollMs)) };
    }
    return { ...POLL_DEFAULTS };
}

export type WaitOutcome =
    | { kind: "completed"; description: DescribeModelPackageOutput }
    | { kind: "failed"; description: DescribeModelPackageOutput }
    | { kind: "timeout"; lastStatus: string | undefined; waitedMs: number };

/**
 * Polls until ModelPackageStatus is Completed or Failed, with doubling delays capped at
 * maxPollMs, bounded by timeoutMs. There is no SDK waiter for model packages.
 */
export async function waitForPackage(
    describe: () => Promise<DescribeModelPackageOutput>,
    label: string,
    options: WaitOptions,
): Promise<WaitOutcome> {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const started = now();
    let delay = Math.max(1, options.initialPollMs);
    let lastStatus: string | undefined;
    let lastReport = -Infinity;
    for (;;) {
        const description = await describe();
        const status = description.ModelPackageStatus;
        if (status === "Completed") {
            return { kind: "completed", description };
        }
        if (status === "Failed") {
            return { kind: "failed", description };
        }
        const waited = now() - started;
        if (status !== lastStatus || waited + delay - lastReport > STATUS_EVERY_MS) {
            // On a status change, and before the next poll would leave more than 10 s without a line.
            options.progress?.(`${label}: ${status ?? "unknown status"} after ${Math.round(waited / 1000)}s`);
            lastStatus = status;
            lastReport = waited;
        }
        if (waited + delay > options.timeoutMs) {
            return { kind: "timeout", lastStatus, waitedMs: waited };
        }
        await sleep(delay);
        delay = Math.min(options.maxPollMs, delay * 2);
    }
}

/** A one-line summary of ModelPackageStatusDetails for error messages. */
export function formatStatusDetails(description: DescribeModelPackageOutput): string {
    const details = description.ModelPackageStatusDetails;
    const items = [...(details?.ValidationStatuses ?? []), ...(details?.ImageScanStatuses ?? [])];
    const parts = items.map((i) => `${i.Name ?? "?"}: ${i.Status ?? "?"}${i.FailureReason ? ` (${i.FailureReason})` : ""}`);
    return parts.length > 0 ? parts.join("; ") : "no status details were reported";
}

