import * as assert from "assert";
import { createSageMakerClient } from "../../../provider/aws/client";
import { PACING_MIDDLEWARE, pacingMiddleware, TokenBucket, type Clock } from "../../../provider/aws/pacing";
import { settingsFromConfig } from "../../../provider/common/settings";

/**
 * A clock that only moves when a sleeper sleeps: each sleep(ms) advances time by ms (+ `lateMs`,
 * a timer that fires late) and resolves on the next microtask. Release times are then exact.
 */
function fakeClock(lateMs = 0): Clock & { sleeps: number[] } {
    let t = 0;
    const sleeps: number[] = [];
    return {
        sleeps,
        now: () => t,
        sleep: async (ms) => {
            sleeps.push(ms);
            t += ms + lateMs;
        },
    };
}

/** Takes `n` tokens at once (like n resources' calls arriving together); returns each release time, in order of release. */
async function releases(bucket: TokenBucket, clock: Clock, n: number): Promise<{ who: number; at: number }[]> {
    const out: { who: number; at: number }[] = [];
    await Promise.all(Array.from({ length: n }, (_, who) => bucket.take().then(() => out.push({ who, at: clock.now() }))));
    return out;
}

describe("pacing: the token bucket (provider/aws/pacing.ts)", () => {
    it("releases callers one interval (1000 / rate ms) apart, in arrival order, the first at once", async () => {
        const clock = fakeClock();
        const bucket = new TokenBucket(10, clock);
        // 10 per second: 0, 100, 200, ... ms.
        assert.deepStrictEqual(await releases(bucket, clock, 5), [0, 100, 200, 300, 400].map((at, who) => ({ who, at })));
    });

    it("a caller after an idle spell goes at once; one inside the interval waits only the rest of it", async () => {
        const clock = fakeClock();
        const bucket = new TokenBucket(4, clock); // 250 ms apart
        await bucket.take();
        await clock.sleep(1000); // idle
        clock.sleeps.length = 0;
        await bucket.take();
        assert.deepStrictEqual(clock.sleeps, [], "no wait after an idle second");
        await clock.sleep(100);
        clock.sleeps.length = 0;
        await bucket.take();
        assert.deepStrictEqual(clock.sleeps, [150], "the rest of the 250 ms interval");
    });

    it("a late timer costs no throughput: releases keep to the 100 ms schedule, each late by the timer's lag", async () => {
        const clock = fakeClock(7); // every timer fires 7 ms late
        const bucket = new TokenBucket(10, clock);
        assert.deepStrictEqual((await releases(bucket, clock, 4)).map((r) => r.at), [0, 107, 207, 307]);
    });

    it("a caller late by at most a quarter interval keeps the schedule; a longer stall starts a new one (no burst)", async () => {
        const clock = fakeClock();
        const late = new TokenBucket(10, clock); // slots 100 ms apart
        await late.take(); // slot 0
        await clock.sleep(120); // 20 ms past the next slot (100): within a quarter interval
        const at: number[] = [];
        for (let i = 0; i < 2; i++) {
            await late.take();
            at.push(clock.now());
        }
        assert.deepStrictEqual(at, [120, 200], "back on the schedule: slot 200");

        const stalled = new TokenBucket(10, clock);
        const t0 = clock.now();
        await stalled.take();
        await clock.sleep(180); // 80 ms past the next slot: more than a quarter interval
        at.length = 0;
        for (let i = 0; i < 2; i++) {
            await stalled.take();
            at.push(clock.now() - t0);
        }
        assert.deepStrictEqual(at, [180, 280], "a new schedule from 180, not slot 200 right after 180");
    });

    it("allows fractional rates (one request every 2 s) and refuses rates that are not positive", async () => {
        const clock = fakeClock();
        assert.deepStrictEqual((await releases(new TokenBucket(0.5, clock), clock, 3)).map((r) => r.at), [0, 2000, 4000]);
        for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
            assert.throws(() => new TokenBucket(bad), RangeError);
        }
    });

    it("the middleware sends nothing before its token", async () => {
        let release!: () => void;
        const bucket = { take: () => new Promise<void>((r) => { release = r; }) } as unknown as TokenBucket;
        let sent = 0;
        const handler = pacingMiddleware(bucket)(async () => { sent++; return { output: {}, response: {} }; }, {} as never);
        const done = handler({ input: {}, request: {} });
        await new Promise((r) => setImmediate(r));
        assert.equal(sent, 0, "waiting for the token");
        release();
        await done;
        assert.equal(sent, 1);
    });
});

describe("pacing: the cached client (provider/aws/client.ts)", () => {
    const base = { region: "us-east-1", endpoint: "http://127.0.0.1:1" };

    it("is in the middleware stack between retry (each attempt is paced) and signing, only when configured", () => {
        const steps = createSageMakerClient({ ...base, maxRequestsPerSecond: 3 }).middlewareStack.identify().map((s) => s.split(" ")[0]);
        const at = (name: string) => steps.indexOf(name);
        assert.ok(at(PACING_MIDDLEWARE) > at("retryMiddleware") && at("retryMiddleware") >= 0, steps.join(", "));
        assert.ok(at(PACING_MIDDLEWARE) < at("httpSigningMiddleware"), steps.join(", "));
        const unpaced = createSageMakerClient(base).middlewareStack.identify();
        assert.ok(!unpaced.some((s) => s.startsWith(PACING_MIDDLEWARE)), unpaced.join(", "));
    });

    it("one client (so one bucket) per rate: the same settings share it, another rate gets its own", () => {
        const a = createSageMakerClient({ ...base, maxRequestsPerSecond: 7 });
        assert.strictEqual(createSageMakerClient({ ...base, maxRequestsPerSecond: 7 }), a);
        assert.notStrictEqual(createSageMakerClient({ ...base, maxRequestsPerSecond: 8 }), a);
        assert.notStrictEqual(createSageMakerClient(base), a);
    });
});

describe("pacing: stack config sagemaker:maxRequestsPerSecond (settingsFromConfig)", () => {
    const read = (value: string) => settingsFromConfig({ get: (k) => (k === "sagemaker:maxRequestsPerSecond" ? value : undefined) });

    it("accepts a positive number of requests per second, fractions included; unset means no pacing", () => {
        assert.equal(read("10").maxRequestsPerSecond, 10);
        assert.equal(read("2.5").maxRequestsPerSecond, 2.5);
        assert.equal(read("0.1").maxRequestsPerSecond, 0.1);
        assert.equal(read("1000").maxRequestsPerSecond, 1000);
        assert.equal("maxRequestsPerSecond" in read(""), false);
        assert.equal("maxRequestsPerSecond" in settingsFromConfig({ get: () => undefined }), false);
    });

    it("refuses anything else at configure time, naming the key, the value and the fix", () => {
        for (const bad of ["0", "-5", "0.05", "1001", "fast", "10/s", "Infinity", "NaN", " "]) {
            assert.throws(() => read(bad), (err: Error) => err.message ===
                `stack config "sagemaker:maxRequestsPerSecond" is "${bad}", which is not a number from 0.1 to 1000 (requests per second): ` +
                "set one (pulumi config set sagemaker:maxRequestsPerSecond N), or remove it (pulumi config rm sagemaker:maxRequestsPerSecond).", bad);
        }
    });
});
