// AddTags / DeleteTags / ListTags through the real SDK.
import * as assert from "assert";
import { AddTagsCommand, CreateModelCommand, DeleteModelCommand, DeleteTagsCommand, ListTagsCommand, ResourceNotFound } from "@aws-sdk/client-sagemaker";
import { useLocalEndpoint } from "../../helpers/local-endpoint";

describe("local endpoint: tags", () => {
  const t = useLocalEndpoint();
  let arn: string;
  before(async () => {
    arn = (await t.client.send(new CreateModelCommand({ ModelName: "tagged", PrimaryContainer: { Image: "img" }, Tags: [{ Key: "a", Value: "1" }] }))).ModelArn!;
  });

  it("adds (overwriting same keys), lists and deletes tags", async () => {
    await t.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "a", Value: "2" }, { Key: "b", Value: "3" }] }));
    assert.deepStrictEqual((await t.client.send(new ListTagsCommand({ ResourceArn: arn }))).Tags, [{ Key: "a", Value: "2" }, { Key: "b", Value: "3" }]);
    await t.client.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ["a", "not-there"] }));
    assert.deepStrictEqual((await t.client.send(new ListTagsCommand({ ResourceArn: arn }))).Tags, [{ Key: "b", Value: "3" }]);
  });

  it("returns a full resource's 50 tags in one page (ListTags MaxResults is at least 50)", async () => {
    const tags = Array.from({ length: 45 }, (_, i) => ({ Key: `k${i}`, Value: `${i}` }));
    await t.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: tags }));
    const first = await t.client.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 50 }));
    assert.strictEqual(first.Tags?.length, 46);
    assert.strictEqual(first.NextToken, undefined);
    const more = Array.from({ length: 4 }, (_, i) => ({ Key: `m${i}`, Value: "x" }));
    await t.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: more }));
    const page1 = await t.client.send(new ListTagsCommand({ ResourceArn: arn, MaxResults: 50 }));
    assert.strictEqual(page1.Tags?.length, 50);
    assert.strictEqual(page1.NextToken, undefined, "exactly 50 fit one page");
  });

  it("refuses more than 50 tags on a resource", async () => {
    await assert.rejects(t.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "one-too-many", Value: "x" }] })),
      (e: Error) => e.name === "ValidationException" && /at most 50 tags/.test(e.message));
  });

  it("answers ResourceNotFound for a resource that does not exist", async () => {
    const ghost = "arn:aws:sagemaker:us-east-1:123456789012:model/ghost";
    for (const command of [
      new ListTagsCommand({ ResourceArn: ghost }),
      new AddTagsCommand({ ResourceArn: ghost, Tags: [{ Key: "a", Value: "b" }] }),
      new DeleteTagsCommand({ ResourceArn: ghost, TagKeys: ["a"] }),
    ]) {
      await assert.rejects(t.client.send(command as ListTagsCommand), (e: Error) => e instanceof ResourceNotFound && e.message === `Resource ${ghost} does not exist.`);
    }
  });

  it("drops a model's tags with the model", async () => {
    await t.client.send(new DeleteModelCommand({ ModelName: "tagged" }));
    await t.client.send(new CreateModelCommand({ ModelName: "tagged", PrimaryContainer: { Image: "img" } }));
    assert.deepStrictEqual((await t.client.send(new ListTagsCommand({ ResourceArn: arn }))).Tags, []);
  });
});
