// State-file reload, the CLI, and raw awsJson1_1 protocol behaviour the SDK never exercises.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import {
  CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand, DescribeModelCommand,
  DescribeModelPackageCommand, ListTagsCommand, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint } from "../../../local-endpoint";
import { parseArgs } from "../../../local-endpoint/cli";
import { DUMMY_CREDENTIALS, localClient, useLocalEndpoint } from "../../helpers/local-endpoint";

describe("local endpoint: state file", () => {
  it("persists every change and reloads it on start", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sagemaker-local-"));
    const statePath = path.join(dir, "state.json");
    const first = await startLocalEndpoint({ port: 0, statePath, packageStatusDelayMs: 0 });
    const c1 = localClient(first);
    await c1.send(new CreateModelCommand({ ModelName: "kept", PrimaryContainer: { Image: "img" }, Tags: [{ Key: "t", Value: "v" }] }));
    await c1.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "g" }));
    const v1 = await c1.send(new CreateModelPackageCommand({ ModelPackageGroupName: "g", ClientToken: "tok" }));
    c1.destroy();
    await first.close();
    assert.ok(fs.existsSync(statePath));

    const second = await startLocalEndpoint({ port: 0, statePath, packageStatusDelayMs: 0 });
    const c2 = localClient(second);
    try {
      assert.deepStrictEqual(second.inventory(), first.inventory());
      const model = await c2.send(new DescribeModelCommand({ ModelName: "kept" }));
      assert.deepStrictEqual(model.PrimaryContainer, { Image: "img" });
      assert.deepStrictEqual((await c2.send(new ListTagsCommand({ ResourceArn: model.ModelArn }))).Tags, [{ Key: "t", Value: "v" }]);
      assert.strictEqual((await c2.send(new DescribeModelPackageCommand({ ModelPackageName: v1.ModelPackageArn }))).ModelPackageStatus, "Completed");
      const again = await c2.send(new CreateModelPackageCommand({ ModelPackageGroupName: "g", ClientToken: "tok" }));
      assert.strictEqual(again.ModelPackageArn, v1.ModelPackageArn, "idempotency survives a restart");
      const v2 = await c2.send(new CreateModelPackageCommand({ ModelPackageGroupName: "g" }));
      assert.match(v2.ModelPackageArn!, /\/g\/2$/, "version numbering survives a restart");
    } finally {
      c2.destroy();
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("local endpoint: CLI", () => {
  it("parses every flag", () => {
    assert.deepStrictEqual(parseArgs([
      "--port", "4599", "--host", "0.0.0.0", "--state", "s.json", "--region", "eu-west-1", "--account-id", "111122223333",
      "--package-delay-ms", "20", "--package-failure", "^bad=scan failed",
    ]), {
      port: 4599, host: "0.0.0.0", statePath: "s.json", region: "eu-west-1", accountId: "111122223333",
      packageStatusDelayMs: 20, packageFailures: [{ match: "^bad", reason: "scan failed" }],
    });
    assert.throws(() => parseArgs(["--port", "x"]), /non-negative integer/);
    assert.throws(() => parseArgs(["--bogus"]), /unknown argument --bogus/);
  });

  it("starts, prints the AWS_ENDPOINT_URL_SAGEMAKER line, and serves the SDK", async function () {
    this.timeout(30000);
    const child = spawn(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", "local-endpoint/cli.ts", "--port", "0", "--region", "ap-south-1"], {
      cwd: path.resolve(__dirname, "../../.."), stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const m = /^AWS_ENDPOINT_URL_SAGEMAKER=(\S+)$/m.exec(out);
          if (m) resolve(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`CLI exited ${code}: ${out}`)));
      });
      // The printed env line is all the SDK needs: no endpoint in the client config.
      process.env.AWS_ENDPOINT_URL_SAGEMAKER = url;
      const client = new SageMakerClient({ region: "ap-south-1", credentials: DUMMY_CREDENTIALS });
      const created = await client.send(new CreateModelCommand({ ModelName: "cli", PrimaryContainer: { Image: "img" } }));
      assert.strictEqual(created.ModelArn, "arn:aws:sagemaker:ap-south-1:123456789012:model/cli");
      client.destroy();
    } finally {
      delete process.env.AWS_ENDPOINT_URL_SAGEMAKER;
      child.kill("SIGTERM");
    }
  });
});

describe("local endpoint: awsJson1_1 protocol", () => {
  const t = useLocalEndpoint({ region: "us-west-2", accountId: "111122223333" });
  type Body = { __type?: string; message?: string; ModelArn?: string; CreationTime?: number };
  const json = async (res: Response) => (await res.json()) as Body;
  const call = (target: string | undefined, body: string) => fetch(`${t.endpoint.url}/`, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", ...(target ? { "x-amz-target": target } : {}) },
    body,
  });

  it("answers AWS-shaped errors for unknown operations, bad JSON and unknown members", async () => {
    const unknownOp = await call("SageMaker.CreateEndpoint", "{}");
    assert.strictEqual(unknownOp.status, 400);
    assert.strictEqual((await json(unknownOp)).__type, "UnknownOperationException");
    const badJson = await call("SageMaker.ListModels", "{");
    assert.strictEqual(badJson.status, 400);
    assert.strictEqual((await json(badJson)).__type, "SerializationException");
    const unknownMember = await call("SageMaker.CreateModel", JSON.stringify({ ModelName: "m", PrimaryContainer: { Image: "i" }, Region: "x" }));
    assert.strictEqual(unknownMember.status, 400);
    assert.strictEqual(unknownMember.headers.get("content-type"), "application/x-amz-json-1.1");
    const body = await json(unknownMember);
    assert.strictEqual(body.__type, "ValidationException");
    assert.match(body.message ?? "", /^1 validation error detected: Region: is not a member of CreateModelInput/);
  });

  it("uses the configured region and account when the request is unsigned", async () => {
    const res = await call("SageMaker.CreateModel", JSON.stringify({ ModelName: "unsigned", PrimaryContainer: { Image: "i" } }));
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(await json(res), { ModelArn: "arn:aws:sagemaker:us-west-2:111122223333:model/unsigned" });
    assert.strictEqual(t.endpoint.region, "us-west-2");
    assert.strictEqual(t.endpoint.accountId, "111122223333");
  });

  it("sends timestamps as epoch seconds", async () => {
    const res = await call("SageMaker.DescribeModel", JSON.stringify({ ModelName: "unsigned" }));
    const { CreationTime } = await json(res);
    assert.strictEqual(typeof CreationTime, "number");
    assert.ok(Math.abs(CreationTime! - Date.now() / 1000) < 60);
  });
});
