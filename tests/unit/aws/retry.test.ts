// The one retry policy (provider/aws/retry.ts): what it refuses on top of the SDK's adaptive
// strategy, and that its settings reach the SDK. Expected values: the SDK's documented backoff
// ("full jitter": random x min(20 s, base x 2^attempt), @smithy/util-retry) with a fixed random.
import * as assert from "assert";
import type { RetryErrorInfo } from "@smithy/types";
import { createRetryStrategy, RETRY_DEFAULTS, TRANSPORT_ERROR_RETRIES, worthRetrying } from "../../../provider/aws/retry";
import { TransportError } from "../../../provider/aws/transport";

const page = (status: number) => new TransportError("http://proxy.example/", "CreateModel", status, "Error", "<html>...</html>");
const info = (error: unknown, errorType: RetryErrorInfo["errorType"] = "TRANSIENT"): RetryErrorInfo => ({ error: error as never, errorType });
const retries = (n: number) => ({ getRetryCount: () => n });

describe("the retry policy (provider/aws/retry.ts)", () => {
    describe("worthRetrying: answers that are not SageMaker's (TransportError)", () => {
        it("a 5xx page gets one more try, then no more", () => {
            assert.strictEqual(TRANSPORT_ERROR_RETRIES, 1);
            assert.strictEqual(worthRetrying(info(page(500)), retries(0)), true);
            assert.strictEqual(worthRetrying(info(page(502)), retries(0)), true);
            assert.strictEqual(worthRetrying(info(page(503)), retries(1)), false);
        });

        it("a 4xx page is never retried, not even a 429 or a 408 the SDK would retry as throttling or a timeout", () => {
            for (const status of [400, 403, 404, 408, 429, 499]) {
                assert.strictEqual(worthRetrying(info(page(status), status === 429 ? "THROTTLING" : "TRANSIENT"), retries(0)), false, String(status));
            }
        });

        it("a TransportError without a status is not retried", () => {
            const bare = Object.assign(new Error("no status"), { name: "TransportError" });
            assert.strictEqual(worthRetrying(info(bare), retries(0)), false);
        });

        it("everything else is left to the SDK's classification (also an error-less attempt)", () => {
            assert.strictEqual(worthRetrying(info(Object.assign(new Error("slow down"), { name: "ThrottlingException" }), "THROTTLING"), retries(5)), true);
            assert.strictEqual(worthRetrying({ errorType: "TRANSIENT" }, retries(0)), true);
        });
    });

    describe("createRetryStrategy: the settings reach the SDK's strategy", () => {
        const random = Math.random;
        beforeEach(() => {
            Math.random = () => 0.5;
        });
        afterEach(() => {
            Math.random = random;
        });

        async function firstDelay(baseDelayMs?: number): Promise<number> {
            const strategy = createRetryStrategy(3, baseDelayMs);
            const token = await strategy.acquireInitialRetryToken("sagemaker");
            const next = await strategy.refreshRetryTokenForRetry(token, info(Object.assign(new Error("boom"), { name: "InternalFailure" }), "TRANSIENT"));
            // This SDK sleeps inside the strategy and logs the delay it slept on the new token.
            return (next as unknown as { $retryLog: { acquisitionDelay: number } }).$retryLog.acquisitionDelay;
        }

        it("sagemaker:retryBaseDelayMs is the backoff's base (0.5 x 60 ms on the first retry)", async () => {
            assert.strictEqual(await firstDelay(60), 30);
        });

        it("without it, the default base of 200 ms (0.5 x 200 ms)", async () => {
            assert.strictEqual(RETRY_DEFAULTS.baseDelayMs, 200);
            assert.strictEqual(await firstDelay(undefined), 100);
        });

        it("a refused retry rethrows the attempt's own error", async () => {
            const strategy = createRetryStrategy(3, 10);
            const token = await strategy.acquireInitialRetryToken("sagemaker");
            const err = page(404);
            await assert.rejects(strategy.refreshRetryTokenForRetry(token, info(err)), (e) => e === err);
            await assert.rejects(strategy.refreshRetryTokenForRetry(token, { errorType: "CLIENT_ERROR", error: undefined as never }), /No retry token available|not retried/);
        });
    });
});
