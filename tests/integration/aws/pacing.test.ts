// Pacing (sagemaker:maxRequestsPerSecond, provider/aws/pacing.ts) with the real SDK against the
// local endpoint's rate limit (rateLimitPerSecond: ThrottlingException beyond N requests in any
// sliding second; the endpoint counts every request, throttled ones included).
import * as assert from "assert";
import { startLocalEndpoint, type LocalEndpoint } from "../../../local-endpoint";
import type { ProviderSettings } from "../../../provider/common/settings";
import { lifecycles } from "../../../provider/runtime";
import { withEnv } from "../../helpers/env";

const LIMIT = 10;
const MODELS = 10;
/** CreateModel + DescribeModel: what one Model create sends when nothing is retried. */
const CALLS_PER_CREATE = 2;

const request = (name: string) => ({
    ModelName: name,
    PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1", ModelDataUrl: "s3://bucket-us-east-1/model.tar.gz" },
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerRole",
});

describe("pacing against the local endpoint's rate limit", function () {
    this.timeout(60_000);
    let ep: LocalEndpoint;

    before(async () => {
        ep = await startLocalEndpoint({ port: 0 });
    });
    after(async () => ep?.close());

    /** Creates `names` all at once (like the engine's parallel creates), then deletes them unthrottled. */
    async function createAll(settings: ProviderSettings, names: string[]) {
        return withEnv({ AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" }, async () => {
            ep.resetCounters();
            const t0 = performance.now();
            const results = await Promise.allSettled(names.map((n) => lifecycles.Model.create(settings, request(n))));
            const ms = performance.now() - t0;
            const counters = ep.counters();
            ep.setFaults({});
            for (const n of names) {
                await lifecycles.Model.delete(settings, n, {});
            }
            return { ms, counters, failed: results.filter((r) => r.status === "rejected").length };
        });
    }

    const settings = (extra: Partial<ProviderSettings>): ProviderSettings => ({ region: "us-east-1", endpoint: ep.url, retryBaseDelayMs: 10, ...extra });
    const requests = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

    it(`paced at 8/s under a ${LIMIT}/s limit: ${MODELS} concurrent creates send no throttled request`, async () => {
        ep.setFaults({ rateLimitPerSecond: LIMIT });
        const r = await createAll(settings({ maxRequestsPerSecond: 8 }), Array.from({ length: MODELS }, (_, i) => `paced-${i}`));
        assert.equal(r.failed, 0);
        // Every request admitted: a throttled one would have been retried, so counted twice.
        assert.deepStrictEqual(r.counters, { CreateModel: MODELS, DescribeModel: MODELS });
        // 20 requests 125 ms apart take at least 19 intervals (a lower bound, not a timing target).
        assert.ok(r.ms >= (MODELS * CALLS_PER_CREATE - 1) * 125 - 5, `${Math.round(r.ms)} ms: the calls were paced`);
    });

    it("unpaced, the same burst is throttled (and retried by the adaptive strategy): what pacing removes", async () => {
        ep.setFaults({ rateLimitPerSecond: LIMIT });
        const r = await createAll(settings({ maxAttempts: 20 }), Array.from({ length: MODELS }, (_, i) => `unpaced-${i}`));
        assert.equal(r.failed, 0);
        assert.ok(requests(r.counters) > MODELS * CALLS_PER_CREATE, `throttled requests were sent: ${JSON.stringify(r.counters)}`);
    });

    it("each retry attempt waits for its own token", async () => {
        // Two 500s then success: 3 CreateModel attempts + 1 DescribeModel, paced at 4/s (250 ms apart).
        // 500s are retried without engaging the adaptive strategy's own limiter, so only pacing spaces them.
        ep.setFaults({ rules: [{ operation: "CreateModel", times: 2, error: { code: "InternalFailure", status: 500 } }] });
        const r = await createAll(settings({ maxRequestsPerSecond: 4 }), ["retried"]);
        assert.equal(r.failed, 0);
        assert.deepStrictEqual(r.counters, { CreateModel: 3, DescribeModel: 1 });
        assert.ok(r.ms >= 3 * 250 - 5, `${Math.round(r.ms)} ms: 4 requests, 3 intervals`);
    });
});
