// Tags, compared as the list ListTags returns: a key stored twice shows twice. C11-C13 work on model
// ARNs (the user's tags added by AddTags, so only C13 relies on CreateModel's Tags); C14-C16 on the
// other kinds.
import { AddTagsCommand, DeleteTagsCommand } from "@aws-sdk/client-sagemaker";
import type { Assumption, Context } from "../assumption";

export const tagAssumptions: Assumption[] = [
    {
        id: "C11", says: "AddTags overwrites the value of a key that exists and keeps the other keys (one entry per key)",
        async run(x) {
            const { arn } = await x.model("tags");
            await x.calls.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "team", Value: "a" }, { Key: "stage", Value: "dev" }] }));
            await x.calls.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "team", Value: "b" }] }));
            await x.expectTags(arn, [{ Key: "team", Value: "b" }, { Key: "stage", Value: "dev" }], "after AddTags team=b over team=a");
        },
    },
    {
        id: "C12", says: "DeleteTags removes exactly the keys named",
        async run(x) {
            const { arn } = await x.model("tags");
            await x.calls.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "team", Value: "a" }, { Key: "stage", Value: "dev" }, { Key: "env", Value: "x" }] }));
            await x.calls.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ["stage", "env"] }));
            await x.expectTags(arn, [{ Key: "team", Value: "a" }], "after DeleteTags stage, env");
        },
    },
    {
        id: "C13", says: "the Tags given to CreateModel are what ListTags returns",
        async run(x) {
            const { arn } = await x.model("tags", { Tags: [{ Key: "team", Value: "a" }, { Key: "owner", Value: "ml" }] });
            await x.expectTags(arn, [{ Key: "team", Value: "a" }, { Key: "owner", Value: "ml" }], "after CreateModel with team=a, owner=ml");
        },
    },
    ...([
        ["model package group", async (x) => (await x.group("tagged")).arn],
        ["versioned model package", async (x) => x.version((await x.group("tagged")).name)],
        ["unversioned model package", async (x) => x.createPackage({ ModelPackageName: x.name("tagged"), InferenceSpecification: x.spec() })],
    ] as [string, (x: Context) => Promise<string>][]).map(([kind, create], i): Assumption => ({
        id: `C${14 + i}`, says: `AddTags, ListTags and DeleteTags work on a ${kind} ARN`,
        async run(x) {
            const arn = await create(x);
            await x.calls.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "contract", Value: "yes" }] }));
            await x.expectTags(arn, [{ Key: "contract", Value: "yes" }], "after AddTags contract=yes");
            await x.calls.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: ["contract"] }));
            await x.expectTags(arn, [], "after DeleteTags contract");
        },
    })),
];
