import type { RetryStrategyV2 } from "@smithy/types";

/** Defaults of the one retry policy every SageMaker call uses. */
export const RETRY_DEFAULTS = {
    maxAttempts: 8,
    baseDelayMs: 200,
};

/**
 * The SDK's own adaptive retry strategy: the standard one (throttling, 5xx, transient network
 * errors; exponential backoff with jitter; a retry quota) plus a client-side token bucket that
 * learns the rate SageMaker throttles at. Why adaptive: a provider process shares one client
 * between all the resources of a `pulumi up`; with backoff alone, a throttled call keeps losing
 * the freed capacity to the other resources' new calls and can exhaust its attempts (measured in
 * bench/throttling.ts: failures under a 10 req/s limit with 100 models), while the shared bucket
 * paces every call of the process to what the API accepts.
 */
export function createRetryStrategy(maxAttempts?: number, baseDelayMs?: number): RetryStrategyV2 {
    const { AdaptiveRetryStrategy } = require("@smithy/core/retry") as typeof import("@smithy/core/retry");
    const attempts = maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
    return new AdaptiveRetryStrategy(attempts, { maxAttempts: attempts, baseDelay: baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs });
}
