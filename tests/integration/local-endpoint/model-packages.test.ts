// Model package groups and model packages through the real SDK: versions, status machine,
// failures, ClientToken idempotency, UpdateModelPackage semantics, pagination.
import * as assert from "assert";
import {
  ConflictException, CreateModelPackageCommand, CreateModelPackageGroupCommand, DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand, DescribeModelPackageCommand, DescribeModelPackageGroupCommand, ListModelPackageGroupsCommand,
  ListModelPackagesCommand, ListTagsCommand, paginateListModelPackages, SageMakerClient, UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint } from "../../../local-endpoint";
import { localClient, useLocalEndpoint } from "../../helpers/local-endpoint";

const ARN = "arn:aws:sagemaker:us-east-1:123456789012";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const inferenceSpecification = {
  Containers: [{ Image: IMAGE, ModelDataUrl: "s3://bucket/model.tar.gz", Framework: "PYTORCH", FrameworkVersion: "2.1.0" }],
  SupportedContentTypes: ["application/json"],
  SupportedResponseMIMETypes: ["application/json"],
  SupportedRealtimeInferenceInstanceTypes: ["ml.g5.xlarge" as const],
};

async function rejects(p: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the call to fail");
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("local endpoint: model package groups", () => {
  const t = useLocalEndpoint();

  it("creates, describes, lists and deletes a group", async () => {
    const created = await t.client.send(new CreateModelPackageGroupCommand({
      ModelPackageGroupName: "Llama-Group", ModelPackageGroupDescription: "fine-tunes", Tags: [{ Key: "k", Value: "v" }],
    }));
    assert.strictEqual(created.ModelPackageGroupArn, `${ARN}:model-package-group/llama-group`);
    const described = await t.client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: "Llama-Group" }));
    assert.strictEqual(described.ModelPackageGroupName, "Llama-Group");
    assert.strictEqual(described.ModelPackageGroupDescription, "fine-tunes");
    assert.strictEqual(described.ModelPackageGroupStatus, "Completed");
    assert.ok(described.CreationTime instanceof Date);
    const byArn = await t.client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: created.ModelPackageGroupArn }));
    assert.strictEqual(byArn.ModelPackageGroupArn, created.ModelPackageGroupArn);
    const listed = await t.client.send(new ListModelPackageGroupsCommand({}));
    assert.deepStrictEqual(listed.ModelPackageGroupSummaryList?.map((g) => g.ModelPackageGroupName), ["Llama-Group"]);
    assert.deepStrictEqual((await t.client.send(new ListTagsCommand({ ResourceArn: created.ModelPackageGroupArn }))).Tags, [{ Key: "k", Value: "v" }]);

    const dup = await rejects(t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "llama-group" })));
    assert.strictEqual(dup.name, "ValidationException");
    assert.match(dup.message, /already exists/);

    await t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: "Llama-Group" }));
    const missing = await rejects(t.client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: "Llama-Group" })));
    assert.strictEqual(missing.name, "ValidationException");
    assert.strictEqual(missing.message, "ModelPackageGroup Llama-Group does not exist.");
    const deleteMissing = await rejects(t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: "Llama-Group" })));
    assert.strictEqual(deleteMissing.name, "ValidationException");
  });

  it("refuses to delete a group that still has versions (ConflictException)", async () => {
    await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "busy" }));
    const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "busy", InferenceSpecification: inferenceSpecification }));
    const err = await rejects(t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: "busy" })));
    assert.ok(err instanceof ConflictException, `${err.name}: ${err.message}`);
    assert.match(err.message, /contains 1 model package version/);
    await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    await t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: "busy" }));
    assert.deepStrictEqual(t.endpoint.inventory().modelPackageGroups, []);
  });
});

describe("local endpoint: model packages", () => {
  const t = useLocalEndpoint();
  before(async () => {
    await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "registry" }));
  });

  it("numbers versions per group and builds .../<group>/<n> ARNs", async () => {
    await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "second" }));
    const arns: string[] = [];
    for (const group of ["registry", "registry", "second", "registry"]) {
      arns.push((await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: group, InferenceSpecification: inferenceSpecification }))).ModelPackageArn!);
    }
    assert.deepStrictEqual(arns, [
      `${ARN}:model-package/registry/1`, `${ARN}:model-package/registry/2`, `${ARN}:model-package/second/1`, `${ARN}:model-package/registry/3`,
    ]);
    const v2 = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: "registry/2" }));
    assert.strictEqual(v2.ModelPackageVersion, 2);
    assert.strictEqual(v2.ModelPackageGroupName, "registry");
    assert.strictEqual(v2.ModelApprovalStatus, "PendingManualApproval");
    // A deleted version's number is not reused.
    await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: arns[3] }));
    const next = await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "registry", InferenceSpecification: inferenceSpecification }));
    assert.strictEqual(next.ModelPackageArn, `${ARN}:model-package/registry/4`);
    for (const arn of [arns[0], arns[1], arns[2], next.ModelPackageArn!]) await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
    await t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: "second" }));
  });

  it("returns every field the request carried from DescribeModelPackage", async () => {
    const request = {
      ModelPackageGroupName: "registry",
      ModelPackageDescription: "v1 of the fine-tune",
      InferenceSpecification: inferenceSpecification,
      ModelApprovalStatus: "Approved" as const,
      CustomerMetadataProperties: { owner: "ml-platform" },
      MetadataProperties: { ProjectId: "p-1" },
      Domain: "NATURAL_LANGUAGE_PROCESSING",
      Task: "TEXT_GENERATION",
      SamplePayloadUrl: "s3://bucket/payload.json",
      SourceUri: "s3://bucket/source",
      ModelCard: { ModelCardContent: "{}", ModelCardStatus: "Draft" as const },
      ModelLifeCycle: { Stage: "Development", StageStatus: "Approved", StageDescription: "dev" },
      SkipModelValidation: "None" as const,
      CertifyForMarketplace: false,
      Tags: [{ Key: "team", Value: "ml" }],
    };
    const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand(request));
    const d = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    const { Tags: _tags, ...echoed } = request;
    for (const [key, value] of Object.entries(echoed)) {
      assert.deepStrictEqual((d as unknown as Record<string, unknown>)[key], value, key);
    }
    assert.strictEqual(d.ModelPackageArn, ModelPackageArn);
    assert.ok(!("Tags" in d));
    assert.deepStrictEqual((await t.client.send(new ListTagsCommand({ ResourceArn: ModelPackageArn }))).Tags, [{ Key: "team", Value: "ml" }]);
    await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
  });

  it("supports unversioned packages by name, refusing duplicates", async () => {
    const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({ ModelPackageName: "Standalone", InferenceSpecification: inferenceSpecification }));
    assert.strictEqual(ModelPackageArn, `${ARN}:model-package/standalone`);
    const d = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: "Standalone" }));
    assert.strictEqual(d.ModelPackageName, "Standalone");
    assert.strictEqual(d.ModelPackageVersion, undefined);
    const dup = await rejects(t.client.send(new CreateModelPackageCommand({ ModelPackageName: "standalone", InferenceSpecification: inferenceSpecification })));
    assert.strictEqual(dup.name, "ValidationException");
    const both = await rejects(t.client.send(new CreateModelPackageCommand({ ModelPackageName: "x", ModelPackageGroupName: "registry" })));
    assert.strictEqual(both.name, "ValidationException");
    const noGroup = await rejects(t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "nope" })));
    assert.strictEqual(noGroup.name, "ValidationException");
    assert.strictEqual(noGroup.message, "ModelPackageGroup nope does not exist.");
    await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: "Standalone" }));
    const gone = await rejects(t.client.send(new DescribeModelPackageCommand({ ModelPackageName: "Standalone" })));
    assert.strictEqual(gone.name, "ValidationException");
    assert.strictEqual(gone.message, "ModelPackage Standalone does not exist.");
    const deleteGone = await rejects(t.client.send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn })));
    assert.strictEqual(deleteGone.name, "ValidationException");
  });

  it("makes ClientToken idempotent: same token and request, same ARN, one package", async () => {
    const request = { ModelPackageGroupName: "registry", InferenceSpecification: inferenceSpecification, ClientToken: "token-1" };
    const first = await t.client.send(new CreateModelPackageCommand(request));
    const again = await t.client.send(new CreateModelPackageCommand(request));
    assert.strictEqual(again.ModelPackageArn, first.ModelPackageArn);
    assert.strictEqual(t.endpoint.inventory().modelPackages.filter((a) => a.includes("/registry/")).length, 1);
    const changed = await rejects(t.client.send(new CreateModelPackageCommand({ ...request, ModelPackageDescription: "different" })));
    assert.ok(changed instanceof ConflictException, changed.name);
    // Without a token the SDK generates a fresh one per call: two calls, two versions.
    const a = await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "registry" }));
    const b = await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "registry" }));
    assert.notStrictEqual(a.ModelPackageArn, b.ModelPackageArn);
    for (const arn of [first.ModelPackageArn, a.ModelPackageArn, b.ModelPackageArn]) await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
  });

  it("applies UpdateModelPackage semantics", async () => {
    const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({
      ModelPackageGroupName: "registry", InferenceSpecification: inferenceSpecification,
      CustomerMetadataProperties: { keep: "1", drop: "2", change: "old" },
      AdditionalInferenceSpecifications: [{ Name: "cpu", Containers: [{ Image: IMAGE }] }],
    }));
    const before = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    assert.strictEqual(before.LastModifiedTime, undefined);
    await t.client.send(new UpdateModelPackageCommand({
      ModelPackageArn,
      ModelApprovalStatus: "Approved",
      ApprovalDescription: "looks good",
      CustomerMetadataProperties: { change: "new", added: "3" },
      CustomerMetadataPropertiesToRemove: ["drop"],
      AdditionalInferenceSpecificationsToAdd: [{ Name: "gpu", Containers: [{ Image: IMAGE }] }],
      SourceUri: "s3://bucket/new-source",
      ModelCard: { ModelCardStatus: "PendingReview" },
      ModelLifeCycle: { Stage: "Production", StageStatus: "Approved" },
      InferenceSpecification: { ...inferenceSpecification, SupportedContentTypes: ["text/csv"] },
    }));
    const after = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    assert.strictEqual(after.ModelApprovalStatus, "Approved");
    assert.strictEqual(after.ApprovalDescription, "looks good");
    assert.deepStrictEqual(after.CustomerMetadataProperties, { keep: "1", change: "new", added: "3" });
    assert.deepStrictEqual(after.AdditionalInferenceSpecifications?.map((s) => s.Name), ["cpu", "gpu"]);
    assert.strictEqual(after.SourceUri, "s3://bucket/new-source");
    assert.deepStrictEqual(after.ModelCard, { ModelCardStatus: "PendingReview" });
    assert.deepStrictEqual(after.ModelLifeCycle, { Stage: "Production", StageStatus: "Approved" });
    assert.deepStrictEqual(after.InferenceSpecification?.SupportedContentTypes, ["text/csv"]);
    assert.ok(after.LastModifiedTime instanceof Date);

    const dupSpec = await rejects(t.client.send(new UpdateModelPackageCommand({
      ModelPackageArn, ModelApprovalStatus: "Rejected", AdditionalInferenceSpecificationsToAdd: [{ Name: "gpu", Containers: [{ Image: IMAGE }] }],
    })));
    assert.strictEqual(dupSpec.name, "ValidationException");
    const unchanged = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    assert.strictEqual(unchanged.ModelApprovalStatus, "Approved", "a rejected update changes nothing");

    const missing = await rejects(t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: `${ARN}:model-package/registry/999`, ModelApprovalStatus: "Approved" })));
    assert.strictEqual(missing.name, "ValidationException");
    await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: ModelPackageArn }));
  });

  it("paginates and filters ListModelPackages", async () => {
    const arns: string[] = [];
    for (let i = 0; i < 5; i++) {
      arns.push((await t.client.send(new CreateModelPackageCommand({
        ModelPackageGroupName: "registry", ModelApprovalStatus: i % 2 ? "Approved" : "Rejected",
      }))).ModelPackageArn!);
    }
    const unversioned = await t.client.send(new CreateModelPackageCommand({ ModelPackageName: "loose", InferenceSpecification: inferenceSpecification }));
    const versions: (number | undefined)[] = [];
    let pages = 0;
    for await (const page of paginateListModelPackages({ client: t.client, pageSize: 2 }, { ModelPackageGroupName: "registry", SortOrder: "Ascending" })) {
      pages++;
      versions.push(...(page.ModelPackageSummaryList ?? []).map((p) => p.ModelPackageVersion));
    }
    assert.strictEqual(pages, 3);
    assert.deepStrictEqual(versions.map((v) => arns.some((a) => a.endsWith(`/${v}`))), [true, true, true, true, true]);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a! - b!));
    const approved = await t.client.send(new ListModelPackagesCommand({ ModelPackageGroupName: "registry", ModelApprovalStatus: "Approved" }));
    assert.strictEqual(approved.ModelPackageSummaryList?.length, 2);
    const byDefault = await t.client.send(new ListModelPackagesCommand({}));
    assert.deepStrictEqual(byDefault.ModelPackageSummaryList?.map((p) => p.ModelPackageArn), [unversioned.ModelPackageArn], "default: unversioned only");
    const both = await t.client.send(new ListModelPackagesCommand({ ModelPackageType: "Both", MaxResults: 100 }));
    assert.strictEqual(both.ModelPackageSummaryList?.length, 6);
    for (const arn of [...arns, unversioned.ModelPackageArn!]) await t.client.send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
  });
});

describe("local endpoint: model package status machine", () => {
  let endpoint: Awaited<ReturnType<typeof startLocalEndpoint>>;
  let client: SageMakerClient;
  before(async () => {
    endpoint = await startLocalEndpoint({
      port: 0, packageStatusDelayMs: 400, packageFailures: [{ match: "^broken", reason: "Image scan found critical vulnerabilities" }],
    });
    client = localClient(endpoint);
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "registry" }));
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "broken-models" }));
  });
  after(async () => {
    client.destroy();
    await endpoint.close();
  });

  async function statusesUntilTerminal(arn: string): Promise<string[]> {
    const seen: string[] = [];
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      const { ModelPackageStatus } = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
      if (seen[seen.length - 1] !== ModelPackageStatus) seen.push(ModelPackageStatus!);
      if (ModelPackageStatus === "Completed" || ModelPackageStatus === "Failed") return seen;
      await sleep(40);
    }
    throw new Error(`no terminal status: ${seen.join(" -> ")}`);
  }

  it("goes Pending -> InProgress -> Completed after the configured delay", async () => {
    const { ModelPackageArn } = await client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "registry" }));
    const started = Date.now();
    assert.deepStrictEqual(await statusesUntilTerminal(ModelPackageArn!), ["Pending", "InProgress", "Completed"]);
    assert.ok(Date.now() - started >= 300, "not before the delay");
    const d = await client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    assert.deepStrictEqual(d.ModelPackageStatusDetails?.ValidationStatuses, [{ Name: "registry", Status: "Completed" }]);
  });

  it("ends Failed with status details when a packageFailures rule matches", async () => {
    const { ModelPackageArn } = await client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "broken-models" }));
    const seen = await statusesUntilTerminal(ModelPackageArn!);
    assert.strictEqual(seen[seen.length - 1], "Failed");
    const d = await client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
    assert.deepStrictEqual(d.ModelPackageStatusDetails?.ValidationStatuses, [
      { Name: "broken-models", Status: "Failed", FailureReason: "Image scan found critical vulnerabilities" },
    ]);
    const byDescription = await client.send(new CreateModelPackageCommand({ ModelPackageGroupName: "registry", ModelPackageDescription: "broken on purpose" }));
    assert.strictEqual((await statusesUntilTerminal(byDescription.ModelPackageArn!)).pop(), "Failed");
  });
});
