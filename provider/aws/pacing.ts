import type { FinalizeRequestMiddleware, MiddlewareStack, RelativeMiddlewareOptions } from "@smithy/types";

/**
 * Opt-in client-side pacing (`sagemaker:maxRequestsPerSecond`): a token bucket of capacity 1 in
 * the middleware stack of the one cached client, so every request of a provider process to a
 * region (every resource, every retry attempt, every status poll) waits for its token. With the
 * rate a little under the account's quota nothing is throttled, and the SDK's adaptive retry
 * (retry.ts) still handles what is (other clients sharing the quota). Why not the adaptive retry
 * alone: its bucket starts unlimited, learns the limit only from throttles and then backs off
 * below it (bench/throttling.ts measures both).
 */

/** What the bucket reads and sleeps on; unit tests pass a fake one. */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
    now: () => performance.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Releases callers one at a time, in arrival order, on a schedule of slots 1000 / ratePerSecond ms
 * apart (so at most `ratePerSecond` slots fall in any one-second window), never before a caller's
 * slot. A caller released late by a late timer keeps the schedule, so timer lag costs no
 * throughput; one that finds the schedule more than a quarter interval behind (idle, or a stalled
 * process) starts a new schedule at once instead of sending a burst to catch up. Releases are thus
 * at most a quarter interval (plus the timer's lag) behind their slots: at 95% of a quota, a full
 * second never holds more requests than the quota.
 */
export class TokenBucket {
    private readonly intervalMs: number;
    private nextSlot = -Infinity;
    private queue: Promise<void> = Promise.resolve();

    constructor(readonly ratePerSecond: number, private readonly clock: Clock = realClock) {
        if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
            throw new RangeError(`ratePerSecond must be a positive number, got ${ratePerSecond}`);
        }
        this.intervalMs = 1000 / ratePerSecond;
    }

    /** Resolves when the caller may send its request. */
    take(): Promise<void> {
        const turn = this.queue.then(async () => {
            const now = this.clock.now();
            const slot = this.nextSlot >= now - this.intervalMs / 4 ? this.nextSlot : now;
            this.nextSlot = slot + this.intervalMs;
            if (slot > now) {
                await this.clock.sleep(slot - now);
            }
        });
        this.queue = turn;
        return turn;
    }
}

/** Name of the pacing step in a client's middleware stack (`client.middlewareStack.identify()`). */
export const PACING_MIDDLEWARE = "sagemakerPacingMiddleware";

/**
 * Inside the retry loop (after `retryMiddleware`, so each attempt is paced) and before signing
 * (so a request that waited is not sent with a stale signature).
 */
const PLACEMENT: RelativeMiddlewareOptions = {
    name: PACING_MIDDLEWARE,
    relation: "before",
    toMiddleware: "httpSigningMiddleware",
    override: true,
};

export function pacingMiddleware<I extends object, O extends object>(bucket: TokenBucket): FinalizeRequestMiddleware<I, O> {
    return (next) => async (args) => {
        await bucket.take();
        return next(args);
    };
}

/** Adds pacing at `ratePerSecond` to a client's middleware stack (one bucket per client). */
export function addPacing<I extends object, O extends object>(stack: MiddlewareStack<I, O>, ratePerSecond: number, clock?: Clock): TokenBucket {
    const bucket = new TokenBucket(ratePerSecond, clock);
    stack.addRelativeTo(pacingMiddleware<I, O>(bucket), PLACEMENT);
    return bucket;
}
