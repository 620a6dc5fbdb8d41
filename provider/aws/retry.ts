import type { RetryStrategyV2 } from "@smithy/types";

/** Defaults of the one retry policy every SageMaker call uses. */
export const RETRY_DEFAULTS = {
    maxAttempts: 8,
    baseDelayMs: 200,
    maxDelayMs: 20_000,
};

/**
 * The SDK's own standard retry strategy (throttling, 5xx, transient network errors), with
 * exponential backoff and full jitter so many resources throttled together spread out.
 */
export function createRetryStrategy(maxAttempts?: number, baseDelayMs?: number): RetryStrategyV2 {
    const { ConfiguredRetryStrategy } = require("@smithy/core/retry") as typeof import("@smithy/core/retry");
    const base = baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
    return new ConfiguredRetryStrategy(
        maxAttempts ?? RETRY_DEFAULTS.maxAttempts,
        (attempt: number) => backoffDelay(attempt, base),
    );
}

/** Full-jitter exponential backoff: uniform in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number = Math.random): number {
    const ceiling = Math.min(RETRY_DEFAULTS.maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt));
    return Math.floor(random() * ceiling);
}
