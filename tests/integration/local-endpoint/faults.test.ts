// Each fault switch, as the real SDK sees it; plus the HTTP control surface.
import * as assert from "assert";
import {
  CreateModelCommand, DescribeModelCommand, ListModelsCommand, ResourceInUse, ResourceLimitExceeded, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { LocalEndpoint, startLocalEndpoint } from "../../../local-endpoint";
import { FaultInjector } from "../../../local-endpoint/faults";
import { localClient } from "../../helpers/local-endpoint";

type SdkError = Error & { $metadata?: { httpStatusCode?: number; attempts?: number }; $fault?: string; code?: string };

async function rejects(p: Promise<unknown>): Promise<SdkError> {
  try {
    await p;
  } catch (e) {
    return e as SdkError;
  }
  throw new Error("expected the call to fail");
}

describe("local endpoint: fault injection", () => {
  let endpoint: LocalEndpoint;
  let client: SageMakerClient;
  beforeEach(async () => {
    endpoint = await startLocalEndpoint({ port: 0 });
    client = localClient(endpoint, { maxAttempts: 1 });
  });
  afterEach(async () => {
    client.destroy();
    await endpoint.close();
  });

  it("latencyMs delays every API response", async () => {
    endpoint.setFaults({ latencyMs: 250 });
    const started = Date.now();
    await client.send(new ListModelsCommand({}));
    assert.ok(Date.now() - started >= 240, `took ${Date.now() - started} ms`);
  });

  it("rateLimitPerSecond answers ThrottlingException (400) beyond the limit", async () => {
    endpoint.setFaults({ rateLimitPerSecond: 3 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.send(new ListModelsCommand({}))));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.strictEqual(results.length - rejected.length, 3);
    assert.strictEqual(rejected.length, 3);
    for (const r of rejected) {
      assert.strictEqual(r.reason.name, "ThrottlingException");
      assert.strictEqual(r.reason.$metadata.httpStatusCode, 400);
    }
    assert.strictEqual(endpoint.counters().ListModels, 6, "throttled calls are counted");
  });

  it("the SDK's standard retries absorb throttling when attempts remain", async () => {
    endpoint.setFaults({ rules: [{ operation: "ListModels", times: 1, error: { code: "ThrottlingException", status: 400 } }] });
    const retrying = localClient(endpoint, { maxAttempts: 3 });
    try {
      const out = await retrying.send(new ListModelsCommand({}));
      assert.strictEqual(out.$metadata.attempts, 2);
      assert.strictEqual(endpoint.counters().ListModels, 2);
    } finally {
      retrying.destroy();
    }
  });

  it("internalErrorRate answers 500 InternalFailure", async () => {
    endpoint.setFaults({ internalErrorRate: 1 });
    const err = await rejects(client.send(new ListModelsCommand({})));
    assert.strictEqual(err.name, "InternalFailure");
    assert.strictEqual(err.$metadata?.httpStatusCode, 500);
    assert.strictEqual(err.$fault, "server");
  });

  it("lostResponseRate commits the operation but drops the connection", async () => {
    endpoint.setFaults({ lostResponseRate: 1 });
    const err = await rejects(client.send(new CreateModelCommand({ ModelName: "applied", PrimaryContainer: { Image: "img" } })));
    assert.ok(!err.$metadata?.httpStatusCode, `no HTTP answer: ${err.name} ${err.message}`);
    assert.match(`${err.name} ${err.message} ${err.code ?? ""}`, /socket hang up|ECONNRESET|aborted/i);
    endpoint.setFaults({});
    const d = await client.send(new DescribeModelCommand({ ModelName: "applied" }));
    assert.strictEqual(d.ModelName, "applied", "the create was committed");
  });

  it("a lostResponse rule applies to its operation only, `times` times", async () => {
    endpoint.setFaults({ rules: [{ operation: "CreateModel", times: 1, error: "lostResponse" }] });
    await client.send(new ListModelsCommand({}));
    await rejects(client.send(new CreateModelCommand({ ModelName: "once", PrimaryContainer: { Image: "img" } })));
    const retry = await rejects(client.send(new CreateModelCommand({ ModelName: "once", PrimaryContainer: { Image: "img" } })));
    assert.strictEqual(retry.name, "ValidationException", "the lost create had been applied");
    assert.deepStrictEqual(endpoint.inventory().models, ["arn:aws:sagemaker:us-east-1:123456789012:model/once"]);
  });

  it("error rules produce the SDK's typed exceptions, then stop after `times`", async () => {
    endpoint.setFaults({
      rules: [
        { operation: "CreateModel", times: 2, error: { code: "ResourceLimitExceeded", status: 400, message: "model quota reached" } },
        { operation: "DescribeModel", error: { code: "ResourceInUse", status: 400 } },
      ],
    });
    const create = () => client.send(new CreateModelCommand({ ModelName: "limited", PrimaryContainer: { Image: "img" } }));
    for (let i = 0; i < 2; i++) {
      const err = await rejects(create());
      assert.ok(err instanceof ResourceLimitExceeded, err.name);
      assert.strictEqual(err.message, "model quota reached");
    }
    await create();
    const describe = await rejects(client.send(new DescribeModelCommand({ ModelName: "limited" })));
    assert.ok(describe instanceof ResourceInUse, describe.name);
    assert.match(describe.message, /Injected ResourceInUse for DescribeModel/);
  });

  it("a seed makes random faults reproducible", () => {
    const sequence = (seed: number) => {
      const injector = new FaultInjector({ internalErrorRate: 0.5, seed });
      return Array.from({ length: 40 }, () => (injector.decide("ListModels").error ? "x" : "."))
        .join("");
    };
    assert.strictEqual(sequence(7), sequence(7));
    assert.notStrictEqual(sequence(7), sequence(8));
    assert.match(sequence(7), /x/);
    assert.match(sequence(7), /\./);
  });

  it("counts calls per operation and resets the counters", async () => {
    await client.send(new ListModelsCommand({}));
    await client.send(new ListModelsCommand({}));
    await rejects(client.send(new DescribeModelCommand({ ModelName: "missing" })));
    assert.deepStrictEqual(endpoint.counters(), { ListModels: 2, DescribeModel: 1 });
    endpoint.resetCounters();
    assert.deepStrictEqual(endpoint.counters(), {});
  });

  it("exposes the control surface over HTTP, never subject to faults", async () => {
    const post = (path: string, body?: unknown) => fetch(`${endpoint.url}${path}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
    const faulty = await post("/_local/faults", { internalErrorRate: 1, rateLimitPerSecond: 1, latencyMs: 0 });
    assert.strictEqual(faulty.status, 200);
    const err = await rejects(client.send(new ListModelsCommand({})));
    assert.strictEqual(err.name, "InternalFailure");
    for (let i = 0; i < 5; i++) {
      const counters = await fetch(`${endpoint.url}/_local/counters`);
      assert.strictEqual(counters.status, 200);
      assert.deepStrictEqual(await counters.json(), { ListModels: 1 });
    }
    assert.strictEqual((await post("/_local/reset-counters")).status, 200);
    assert.deepStrictEqual(endpoint.counters(), {});
    assert.strictEqual((await post("/_local/faults", {})).status, 200);
    await client.send(new CreateModelCommand({ ModelName: "via-http", PrimaryContainer: { Image: "img" } }));
    const inventory = await (await fetch(`${endpoint.url}/_local/inventory`)).json();
    assert.deepStrictEqual(inventory, { models: ["arn:aws:sagemaker:us-east-1:123456789012:model/via-http"], modelPackageGroups: [], modelPackages: [] });
    assert.strictEqual((await fetch(`${endpoint.url}/_local/faults`, { method: "POST", body: "{not json" })).status, 400);
    assert.strictEqual((await post("/_local/faults", [1])).status, 400);
    assert.strictEqual((await fetch(`${endpoint.url}/_local/nothing`)).status, 404);
  });
});
