import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";

/** Defaults of the one retry policy every SageMaker call uses. */
export const RETRY_DEFAULTS = {
    maxAttempts: 8,
    baseDelayMs: 200,
};

/**
 * How often an answer that is not from SageMaker (TransportError: a proxy's or load balancer's
 * error page, a wrong URL) is retried. A 5xx page may be a passing gateway fault, so it gets one
 * more try; the same page again will not go away within the backoff, so no more than that.
 */
export const TRANSPORT_ERROR_RETRIES = 1;

/**
 * The SDK's own adaptive retry strategy: the standard one (throttling, 5xx, transient network
 * errors; exponential backoff with jitter; a retry quota) plus a client-side token bucket that
 * learns the rate SageMaker throttles at. Why adaptive: a provider process shares one client
 * between all the resources of a `pulumi up`; with backoff alone, a throttled call keeps losing
 * the freed capacity to the other resources' new calls and can exhaust its attempts (measured in
 * bench/throttling.ts: failures under a 10 req/s limit with 100 models), while the shared bucket
 * paces every call of the process to what the API accepts.
 * On top of it, answers that retrying cannot fix stop early (see worthRetrying).
 */
export function createRetryStrategy(maxAttempts?: number, baseDelayMs?: number): RetryStrategyV2 {
    const { AdaptiveRetryStrategy } = require("@smithy/core/retry") as typeof import("@smithy/core/retry");
    const attempts = maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
    // Typed as the interface: its tokens are the ones it hands out itself.
    const inner: RetryStrategyV2 = new AdaptiveRetryStrategy(attempts, { maxAttempts: attempts, baseDelay: baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs });
    return {
        acquireInitialRetryToken: (scope) => inner.acquireInitialRetryToken(scope),
        async refreshRetryTokenForRetry(token, errorInfo) {
            if (!worthRetrying(errorInfo, token)) {
                // The SDK's retry middleware answers a refusal with the last error itself (there is one:
                // only a TransportError is refused).
                throw errorInfo.error;
            }
            return inner.refreshRetryTokenForRetry(token, errorInfo);
        },
        recordSuccess: (token) => inner.recordSuccess(token),
    };
}

/** False for answers another attempt cannot change; everything else is left to the SDK's classification. */
export function worthRetrying(errorInfo: RetryErrorInfo, token: Pick<RetryToken, "getRetryCount">): boolean {
    const error = errorInfo.error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
    if (error?.name === "TransportError") {
        const status = error.$metadata?.httpStatusCode ?? 0;
        return status >= 500 && token.getRetryCount() < TRANSPORT_ERROR_RETRIES;
    }
    return true;
}
