// Models through the real @aws-sdk/client-sagemaker against the local endpoint.
import * as assert from "assert";
import {
  CreateModelCommand, DeleteModelCommand, DescribeModelCommand, ListModelsCommand, paginateListModels, ListTagsCommand,
} from "@aws-sdk/client-sagemaker";
import { localClient, useLocalEndpoint } from "../../helpers/local-endpoint";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";

async function rejects(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}

describe("local endpoint: models", () => {
  const t = useLocalEndpoint();

  it("round-trips every field of CreateModel through DescribeModel, tags only via ListTags", async () => {
    const request = {
      ModelName: "Full-Model",
      ExecutionRoleArn: ROLE,
      PrimaryContainer: {
        Image: IMAGE,
        Mode: "SingleModel" as const,
        Environment: { HF_MODEL_ID: "meta/llama" },
        ModelDataSource: {
          S3DataSource: {
            S3Uri: "s3://bucket/model/", S3DataType: "S3Prefix" as const, CompressionType: "None" as const,
            ModelAccessConfig: { AcceptEula: true },
          },
        },
      },
      InferenceExecutionConfig: { Mode: "Direct" as const },
      VpcConfig: { SecurityGroupIds: ["sg-123"], Subnets: ["subnet-1", "subnet-2"] },
      EnableNetworkIsolation: true,
      Tags: [{ Key: "team", Value: "ml" }],
    };
    const created = await t.client.send(new CreateModelCommand(request));
    assert.strictEqual(created.ModelArn, "arn:aws:sagemaker:us-east-1:123456789012:model/full-model");
    const described = await t.client.send(new DescribeModelCommand({ ModelName: "Full-Model" }));
    assert.strictEqual(described.ModelName, "Full-Model");
    assert.strictEqual(described.ModelArn, created.ModelArn);
    assert.ok(described.CreationTime instanceof Date && Math.abs(described.CreationTime.getTime() - Date.now()) < 5000);
    assert.deepStrictEqual(described.PrimaryContainer, request.PrimaryContainer);
    assert.deepStrictEqual(described.VpcConfig, request.VpcConfig);
    assert.deepStrictEqual(described.InferenceExecutionConfig, request.InferenceExecutionConfig);
    assert.strictEqual(described.EnableNetworkIsolation, true);
    assert.strictEqual(described.ExecutionRoleArn, ROLE);
    assert.ok(!("Tags" in described));
    const tags = await t.client.send(new ListTagsCommand({ ResourceArn: created.ModelArn }));
    assert.deepStrictEqual(tags.Tags, [{ Key: "team", Value: "ml" }]);
    assert.deepStrictEqual(t.endpoint.inventory().models, [created.ModelArn]);
    await t.client.send(new DeleteModelCommand({ ModelName: "Full-Model" }));
    assert.deepStrictEqual(t.endpoint.inventory().models, []);
  });

  it("returns Containers for multi-container models", async () => {
    const Containers = [{ Image: IMAGE, ContainerHostname: "first" }, { Image: IMAGE, ContainerHostname: "second" }];
    await t.client.send(new CreateModelCommand({ ModelName: "multi", Containers, InferenceExecutionConfig: { Mode: "Serial" } }));
    const described = await t.client.send(new DescribeModelCommand({ ModelName: "multi" }));
    assert.deepStrictEqual(described.Containers, Containers);
    await t.client.send(new DeleteModelCommand({ ModelName: "multi" }));
  });

  it("refuses a duplicate name (case-insensitively) with ValidationException", async () => {
    await t.client.send(new CreateModelCommand({ ModelName: "dup", PrimaryContainer: { Image: IMAGE } }));
    const err = await rejects(t.client.send(new CreateModelCommand({ ModelName: "DUP", PrimaryContainer: { Image: IMAGE } })));
    assert.strictEqual(err.name, "ValidationException");
    assert.strictEqual(err.$metadata?.httpStatusCode, 400);
    assert.strictEqual(err.message, "Cannot create already existing model \"arn:aws:sagemaker:us-east-1:123456789012:model/dup\".");
    await t.client.send(new DeleteModelCommand({ ModelName: "dup" }));
  });

  it("answers 'Could not find model' for Describe and Delete of a missing model", async () => {
    for (const command of [new DescribeModelCommand({ ModelName: "ghost" }), new DeleteModelCommand({ ModelName: "ghost" })]) {
      const err = await rejects(t.client.send(command as DescribeModelCommand));
      assert.strictEqual(err.name, "ValidationException");
      assert.strictEqual(err.message, "Could not find model \"arn:aws:sagemaker:us-east-1:123456789012:model/ghost\".");
    }
  });

  it("rejects invalid input with the member path and constraint", async () => {
    const err = await rejects(t.client.send(new CreateModelCommand({
      ModelName: "bad-", PrimaryContainer: { Image: IMAGE, Environment: { "1X": "v" } },
    })));
    assert.strictEqual(err.name, "ValidationException");
    // SageMaker's wording (values are not echoed here, AWS quotes them after "Value").
    assert.match(err.message, new RegExp("^2 validation errors detected: Value at 'modelName' failed to satisfy constraint: " +
      "Member must satisfy regular expression pattern: .*; Value at 'primaryContainer\\.environment\\.1X' failed to satisfy constraint: " +
      "Map keys must satisfy constraint: \\[Member must satisfy regular expression pattern: "));
    assert.deepStrictEqual(t.endpoint.inventory().models, []);
  });

  it("requires a container", async () => {
    const err = await rejects(t.client.send(new CreateModelCommand({ ModelName: "empty" })));
    assert.strictEqual(err.name, "ValidationException");
    // The Model's cross-field rule (provider/rules/model.ts), applied by the endpoint too.
    assert.match(err.message, /^PrimaryContainer: a model needs PrimaryContainer or a non-empty Containers list$/);
  });

  it("paginates ListModels with NextToken/MaxResults, filters and sorts", async () => {
    const names = ["page-a", "page-b", "page-c", "page-d", "page-e"];
    for (const ModelName of names) await t.client.send(new CreateModelCommand({ ModelName, PrimaryContainer: { Image: IMAGE } }));
    await t.client.send(new CreateModelCommand({ ModelName: "other", PrimaryContainer: { Image: IMAGE } }));

    const first = await t.client.send(new ListModelsCommand({ MaxResults: 2, NameContains: "page", SortBy: "Name", SortOrder: "Ascending" }));
    assert.deepStrictEqual(first.Models?.map((m) => m.ModelName), ["page-a", "page-b"]);
    assert.ok(first.NextToken);

    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateListModels({ client: t.client, pageSize: 2 }, { NameContains: "page", SortBy: "Name", SortOrder: "Ascending" })) {
      pages++;
      seen.push(...(page.Models ?? []).map((m) => m.ModelName!));
    }
    assert.strictEqual(pages, 3);
    assert.deepStrictEqual(seen, names);

    const newestFirst = await t.client.send(new ListModelsCommand({}));
    assert.strictEqual(newestFirst.Models?.[0].ModelName, "other", "default: CreationTime descending");
    assert.ok(newestFirst.Models?.[0].ModelArn && newestFirst.Models[0].CreationTime instanceof Date);

    const future = await t.client.send(new ListModelsCommand({ CreationTimeAfter: new Date(Date.now() + 60_000) }));
    assert.deepStrictEqual(future.Models, []);

    const err = await rejects(t.client.send(new ListModelsCommand({ NextToken: "garbage" })));
    assert.strictEqual(err.name, "ValidationException");
    for (const ModelName of [...names, "other"]) await t.client.send(new DeleteModelCommand({ ModelName }));
  });

  it("takes the region from the request's SigV4 credential scope", async () => {
    const eu = localClient(t.endpoint, { region: "eu-west-1" });
    try {
      const created = await eu.send(new CreateModelCommand({ ModelName: "regional", PrimaryContainer: { Image: IMAGE } }));
      assert.strictEqual(created.ModelArn, "arn:aws:sagemaker:eu-west-1:123456789012:model/regional");
      const err = await rejects(t.client.send(new DescribeModelCommand({ ModelName: "regional" })));
      assert.strictEqual(err.name, "ValidationException", "not visible from us-east-1");
      await eu.send(new DeleteModelCommand({ ModelName: "regional" }));
    } finally {
      eu.destroy();
    }
  });
});
