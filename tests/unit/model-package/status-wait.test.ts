import * as assert from "assert";
import type { DescribeModelPackageOutput } from "@aws-sdk/client-sagemaker";
import { formatStatusDetails, pollTiming, POLL_DEFAULTS, POLL_ENV, waitForPackage } from "../../../provider/model-package/status-wait";

/** A fake clock: sleep advances time instantly and records each delay. */
function fakeClock() {
    let t = 0;
    const sleeps: number[] = [];
    return {
        now: () => t,
        sleep: async (ms: number) => { sleeps.push(ms); t += ms; },
        sleeps,
    };
}

function answers(statuses: string[], details?: DescribeModelPackageOutput["ModelPackageStatusDetails"]) {
    let i = 0;
    const calls = { n: 0 };
    const describe = async (): Promise<DescribeModelPackageOutput> => {
        calls.n++;
        const status = statuses[Math.min(i++, statuses.length - 1)];
        return { ModelPackageStatus: status, ModelPackageStatusDetails: details } as DescribeModelPackageOutput;
    };
    return { describe, calls };
}

describe("ModelPackage status wait", () => {
    it("polls with doubling delays capped at maxPollMs until Completed, one progress line per status", async () => {
        const clock = fakeClock();
        const lines: string[] = [];
        const { describe, calls } = answers(["Pending", "Pending", "InProgress", "InProgress", "InProgress", "InProgress", "Completed"]);
        const outcome = await waitForPackage(describe, "pkg", {
            initialPollMs: 100, maxPollMs: 500, timeoutMs: 60_000, now: clock.now, sleep: clock.sleep, progress: (l) => lines.push(l),
        });
        assert.strictEqual(outcome.kind, "completed");
        assert.strictEqual(calls.n, 7);
        assert.deepStrictEqual(clock.sleeps, [100, 200, 400, 500, 500, 500]);
        assert.deepStrictEqual(lines, ["pkg: Pending after 0s", "pkg: InProgress after 0s"]);
    });

    it("shows a line at least every 10 s while the status stays the same (with the default 5 s poll cap)", async () => {
        const clock = fakeClock();
        const lines: { at: number; line: string }[] = [];
        const statuses = [...Array.from({ length: 20 }, () => "InProgress"), "Completed"];
        const { describe } = answers(statuses);
        const outcome = await waitForPackage(describe, "ModelPackage \"fraud\" version 1 (fraud-v1)", {
            initialPollMs: 1_000, maxPollMs: 5_000, timeoutMs: 30 * 60_000, now: clock.now, sleep: clock.sleep,
            progress: (line) => lines.push({ at: clock.now(), line }),
        });
        assert.strictEqual(outcome.kind, "completed");
        const end = clock.now();
        assert.ok(end > 60_000, `a long wait: ${end} ms`);
        const times = [0, ...lines.map((l) => l.at), end];
        for (let i = 1; i < times.length; i++) {
            assert.ok(times[i] - times[i - 1] <= 10_000, `a gap of ${times[i] - times[i - 1]} ms without a line: ${JSON.stringify(lines)}`);
        }
        assert.ok(lines.every((l) => l.line.startsWith("ModelPackage \"fraud\" version 1 (fraud-v1): InProgress after ")), JSON.stringify(lines));
        assert.ok(lines.length <= Math.ceil(end / 5_000), `not a line per poll: ${lines.length}`);
    });

    it("returns Failed with the description, and formats its status details", async () => {
        const clock = fakeClock();
        const details = { ValidationStatuses: [{ Name: "pkg", Status: "Failed", FailureReason: "image not found" }] } as DescribeModelPackageOutput["ModelPackageStatusDetails"];
        const { describe } = answers(["InProgress", "Failed"], details);
        const outcome = await waitForPackage(describe, "pkg", { initialPollMs: 10, maxPollMs: 10, timeoutMs: 1000, now: clock.now, sleep: clock.sleep });
        assert.strictEqual(outcome.kind, "failed");
        if (outcome.kind === "failed") {
            assert.strictEqual(formatStatusDetails(outcome.description), "pkg: Failed (image not found)");
        }
        assert.strictEqual(formatStatusDetails({} as DescribeModelPackageOutput), "no status details were reported");
    });

    it("gives up at the timeout without sleeping past it", async () => {
        const clock = fakeClock();
        const { describe } = answers(["InProgress"]);
        const outcome = await waitForPackage(describe, "pkg", { initialPollMs: 1000, maxPollMs: 4000, timeoutMs: 30 * 60_000, now: clock.now, sleep: clock.sleep });
        assert.strictEqual(outcome.kind, "timeout");
        assert.ok(clock.now() <= 30 * 60_000, `waited ${clock.now()}`);
        assert.ok(clock.now() > 30 * 60_000 - 4000, `waited ${clock.now()}`);
        if (outcome.kind === "timeout") {
            assert.strictEqual(outcome.lastStatus, "InProgress");
        }
    });

    it("returns at once when the package is already Completed", async () => {
        const clock = fakeClock();
        const { describe, calls } = answers(["Completed"]);
        const outcome = await waitForPackage(describe, "pkg", { initialPollMs: 10, maxPollMs: 10, timeoutMs: 0, now: clock.now, sleep: clock.sleep });
        assert.strictEqual(outcome.kind, "completed");
        assert.strictEqual(calls.n, 1);
        assert.deepStrictEqual(clock.sleeps, []);
    });

    it("reads poll timing from the environment for fast tests", () => {
        assert.deepStrictEqual(pollTiming({}), POLL_DEFAULTS);
        assert.deepStrictEqual(pollTiming({ [POLL_ENV]: "20" }), { initialPollMs: 20, maxPollMs: 100 });
        assert.deepStrictEqual(pollTiming({ [POLL_ENV]: "2000" }), { initialPollMs: 2000, maxPollMs: 5000 });
        assert.deepStrictEqual(pollTiming({ [POLL_ENV]: "fast" }), POLL_DEFAULTS);
    });
});
