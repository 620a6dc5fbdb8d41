// The service behaviours the providers rely on, one test per assumption, against whatever endpoint
// the environment names (see target.ts). An endpoint that lacks a behaviour fails that assumption;
// nothing is skipped. docs/ARCHITECTURE.md ("Service assumptions") names the code relying on each.
import * as assert from "assert";
import {
    AddTagsCommand, CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand, DeleteModelCommand,
    DeleteModelPackageCommand, DeleteModelPackageGroupCommand, DeleteTagsCommand, DescribeModelCommand,
    DescribeModelPackageCommand, DescribeModelPackageGroupCommand, ListModelPackagesCommand, ListModelsCommand,
    ListTagsCommand, UpdateModelPackageCommand, type CreateModelCommandInput, type InferenceSpecification, type Tag,
} from "@aws-sdk/client-sagemaker";
import { isAlreadyExists, isNotFound } from "../../provider/aws/errors";
import { allPages, cleanUp, describePlan, named, openTarget, PREFIX, type Target } from "./target";

let t: Target;

/** The error a call fails with (fails the assumption when it succeeds). */
async function failure(call: Promise<unknown>, what: string): Promise<Error & { name: string }> {
    return call.then(() => assert.fail(`${what} succeeded, but the provider relies on it being refused`), (e: Error) => e);
}

const spec = (): InferenceSpecification => ({
    Containers: [{ Image: t.image }],
    SupportedContentTypes: ["text/csv"],
    SupportedResponseMIMETypes: ["text/csv"],
});
const modelRequest = (name: string, extra: Partial<CreateModelCommandInput> = {}): CreateModelCommandInput =>
    ({ ModelName: name, ExecutionRoleArn: t.roleArn, PrimaryContainer: { Image: t.image }, ...extra });
const tagsOf = async (arn: string): Promise<Record<string, string>> => Object.fromEntries(
    (await allPages((NextToken) => t.client.send(new ListTagsCommand({ ResourceArn: arn, NextToken })), (p) => p.Tags ?? []))
        .filter((tag: Tag) => !(tag.Key ?? "").startsWith("aws:")).map((tag: Tag) => [tag.Key!, tag.Value ?? ""]));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shared fixtures, created by the first assumptions that need them. */
const made = { modelArn: "", groupArn: "", versionArns: [] as string[], unversionedArn: "" };

describe("service assumptions (contract)", function () {
    this.timeout(10 * 60_000);

    before(async () => {
        t = await openTarget();
        console.log(describePlan(t.kind, t.where));
    });

    after(async () => {
        if (!t) return;
        const { deleted, left } = await cleanUp(t.client);
        console.log(`clean-up: deleted ${deleted} resource(s) named ${PREFIX}*; left: ${left.length ? left.join(", ") : "none"}`);
        await t.close();
        assert.deepStrictEqual(left, [], "the suite leaves nothing behind");
    });

    // --- models -----------------------------------------------------------------------------
    it("C01 CreateModel returns the model's ARN, and DescribeModel returns the name as given, that ARN and CreationTime", async () => {
        const name = named("Model");
        const created = await t.client.send(new CreateModelCommand(modelRequest(name)));
        assert.match(created.ModelArn ?? "", new RegExp(`^arn:aws[a-z-]*:sagemaker:${t.region}:\\d{12}:model/${name.toLowerCase()}$`));
        const described = await t.client.send(new DescribeModelCommand({ ModelName: name }));
        assert.strictEqual(described.ModelName, name);
        assert.strictEqual(described.ModelArn, created.ModelArn);
        assert.ok(described.CreationTime instanceof Date, "CreationTime is a timestamp");
        made.modelArn = created.ModelArn!;
    });

    it("C02 CreateModel refuses a name that exists, in any letter case, with an error saying it already exists", async () => {
        for (const name of [named("Model"), named("MODEL"), named("model")]) {
            const err = await failure(t.client.send(new CreateModelCommand(modelRequest(name))), `CreateModel ${name} again`);
            assert.ok(isAlreadyExists(err), `${err.name}: ${err.message}`);
        }
    });

    // --- not-found answers ------------------------------------------------------------------
    const missing = named("missing");
    const notFound: [string, () => Promise<unknown>][] = [
        ["DescribeModel", () => t.client.send(new DescribeModelCommand({ ModelName: missing }))],
        ["DeleteModel", () => t.client.send(new DeleteModelCommand({ ModelName: missing }))],
        ["DescribeModelPackageGroup", () => t.client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: missing }))],
        ["DeleteModelPackageGroup", () => t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: missing }))],
        ["DescribeModelPackage (name)", () => t.client.send(new DescribeModelPackageCommand({ ModelPackageName: missing }))],
        ["DeleteModelPackage (name)", () => t.client.send(new DeleteModelPackageCommand({ ModelPackageName: missing }))],
        ["DescribeModelPackage (version ARN)", async () => t.client.send(new DescribeModelPackageCommand({
            ModelPackageName: `arn:aws:sagemaker:${t.region}:${made.modelArn.split(":")[4] || "123456789012"}:model-package/${missing}/1` }))],
    ];
    notFound.forEach(([operation, call], i) => {
        it(`C${String(3 + i).padStart(2, "0")} ${operation} of something that does not exist answers not-found (ResourceNotFound, or ValidationException "does not exist" / "could not find")`, async () => {
            const err = await failure(call(), `${operation} of ${missing}`);
            assert.ok(isNotFound(err), `not recognised as not-found: ${err.name}: ${err.message}`);
        });
    });

    // --- tags -------------------------------------------------------------------------------
    it("C10 AddTags overwrites the value of a key that exists and keeps the others", async () => {
        await t.client.send(new AddTagsCommand({ ResourceArn: made.modelArn, Tags: [{ Key: "team", Value: "a" }, { Key: "stage", Value: "dev" }] }));
        await t.client.send(new AddTagsCommand({ ResourceArn: made.modelArn, Tags: [{ Key: "team", Value: "b" }] }));
        assert.deepStrictEqual(await tagsOf(made.modelArn), { team: "b", stage: "dev" });
    });

    it("C11 DeleteTags removes exactly the keys named", async () => {
        await t.client.send(new DeleteTagsCommand({ ResourceArn: made.modelArn, TagKeys: ["stage"] }));
        assert.deepStrictEqual(await tagsOf(made.modelArn), { team: "b" });
    });

    it("C12 CreateModel's Tags are returned by ListTags", async () => {
        const name = named("tags");
        const { ModelArn } = await t.client.send(new CreateModelCommand(modelRequest(name, { Tags: [{ Key: "owner", Value: "ml" }] })));
        assert.deepStrictEqual(await tagsOf(ModelArn!), { owner: "ml" });
    });

    // --- groups and versions -----------------------------------------------------------
    it("C13 CreateModelPackageGroup returns the group's ARN; a second group of that name is refused as existing", async () => {
        const { ModelPackageGroupArn } = await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: named("group"),
            ModelPackageGroupDescription: "contract suite", Tags: [{ Key: "suite", Value: "contract" }] }));
        assert.match(ModelPackageGroupArn ?? "", /:model-package-group\//);
        made.groupArn = ModelPackageGroupArn!;
        const err = await failure(t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: named("group") })), "a second group");
        assert.ok(isAlreadyExists(err), `${err.name}: ${err.message}`);
    });

    it("C14 a versioned package goes Pending -> InProgress -> Completed (never back, nothing else), with status details", async () => {
        const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: named("group"), InferenceSpecification: spec(), ModelApprovalStatus: "PendingManualApproval",
            CustomerMetadataProperties: { auc: "0.91", owner: "ml" }, ModelPackageDescription: "v1",
        }));
        made.versionArns.push(ModelPackageArn!);
        const order = ["Pending", "InProgress", "Completed"];
        const seen: string[] = [];
        const deadline = Date.now() + 5 * 60_000;
        for (;;) {
            const d = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: ModelPackageArn }));
            const status = d.ModelPackageStatus ?? "(none)";
            assert.ok(order.includes(status), `unexpected status ${status}`);
            if (seen[seen.length - 1] !== status) seen.push(status);
            assert.ok(d.ModelPackageStatusDetails !== undefined, "ModelPackageStatusDetails is returned");
            if (status === "Completed") break;
            assert.ok(Date.now() < deadline, `not Completed after 5 minutes (seen ${seen.join(" -> ")})`);
            await sleep(100);
        }
        assert.deepStrictEqual(seen, order.filter((s) => seen.includes(s)), `statuses out of order: ${seen.join(" -> ")}`);
    });

    it("C15 versions are numbered 1, 2, 3 within their group, and the version ARN ends in /<group>/<version>", async () => {
        for (let i = 0; i < 2; i++) {
            const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: named("group"), InferenceSpecification: spec() }));
            made.versionArns.push(ModelPackageArn!);
        }
        const versions = await Promise.all(made.versionArns.map(async (arn) =>
            (await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }))).ModelPackageVersion));
        assert.deepStrictEqual(versions, [1, 2, 3]);
        made.versionArns.forEach((arn, i) => assert.ok(arn.endsWith(`/${named("group").toLowerCase()}/${i + 1}`), arn));
    });

    it("C16 UpdateModelPackage changes only what it is sent", async () => {
        const arn = made.versionArns[0];
        const before = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Approved" }));
        const after = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        assert.strictEqual(after.ModelApprovalStatus, "Approved");
        assert.deepStrictEqual(after.CustomerMetadataProperties, before.CustomerMetadataProperties);
        assert.strictEqual(after.ModelPackageDescription, before.ModelPackageDescription);
        assert.deepStrictEqual(after.InferenceSpecification, before.InferenceSpecification);
    });

    it("C17 UpdateModelPackage merges CustomerMetadataProperties and removes only CustomerMetadataPropertiesToRemove", async () => {
        const arn = made.versionArns[0];
        await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, CustomerMetadataProperties: { auc: "0.93" }, CustomerMetadataPropertiesToRemove: ["owner"] }));
        const after = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        assert.deepStrictEqual(after.CustomerMetadataProperties, { auc: "0.93" });
        assert.strictEqual(after.ModelApprovalStatus, "Approved");
    });

    it("C18 CreateModelPackage with the same ClientToken and request returns the same package and creates no other", async () => {
        const request = { ModelPackageGroupName: named("group"), InferenceSpecification: spec(), ClientToken: `${PREFIX}-token` };
        const first = await t.client.send(new CreateModelPackageCommand(request));
        const again = await t.client.send(new CreateModelPackageCommand(request));
        made.versionArns.push(first.ModelPackageArn!);
        assert.strictEqual(again.ModelPackageArn, first.ModelPackageArn);
        const versions = await allPages((NextToken) => t.client.send(new ListModelPackagesCommand({ ModelPackageGroupName: named("group"), NextToken })),
            (p) => p.ModelPackageSummaryList ?? []);
        assert.strictEqual(versions.length, 4, `versions: ${versions.map((v) => v.ModelPackageVersion).join(", ")}`);
    });

    it("C19 a model package group that still has versions cannot be deleted", async () => {
        const err = await failure(t.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: named("group") })), "DeleteModelPackageGroup with versions");
        assert.ok(!isNotFound(err), `${err.name}: ${err.message}`);
        await t.client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: named("group") }));
    });

    it("C20 an unversioned package is created by name; a second one of that name is refused as existing", async () => {
        const { ModelPackageArn } = await t.client.send(new CreateModelPackageCommand({ ModelPackageName: named("package"), InferenceSpecification: spec() }));
        made.unversionedArn = ModelPackageArn!;
        assert.ok(ModelPackageArn?.endsWith(`:model-package/${named("package").toLowerCase()}`), ModelPackageArn);
        const err = await failure(t.client.send(new CreateModelPackageCommand({ ModelPackageName: named("package"), InferenceSpecification: spec() })), "a second unversioned package");
        assert.ok(isAlreadyExists(err), `${err.name}: ${err.message}`);
    });

    const arnKinds: [string, () => string][] = [
        ["model", () => made.modelArn], ["model package group", () => made.groupArn],
        ["versioned model package", () => made.versionArns[1]], ["unversioned model package", () => made.unversionedArn],
    ];
    arnKinds.forEach(([kind, arn], i) => {
        it(`C${21 + i} AddTags, ListTags and DeleteTags work on a ${kind} ARN`, async () => {
            await t.client.send(new AddTagsCommand({ ResourceArn: arn(), Tags: [{ Key: "contract", Value: "yes" }] }));
            assert.strictEqual((await tagsOf(arn())).contract, "yes");
            await t.client.send(new DeleteTagsCommand({ ResourceArn: arn(), TagKeys: ["contract"] }));
            assert.strictEqual((await tagsOf(arn())).contract, undefined);
        });
    });

    // --- pagination -------------------------------------------------------------------------
    it("C25 ListModels pages with MaxResults and NextToken: every model exactly once", async () => {
        const names = ["page-1", "page-2", "page-3"].map(named);
        for (const name of names) await t.client.send(new CreateModelCommand(modelRequest(name)));
        const pages: string[][] = [];
        await allPages((NextToken) => t.client.send(new ListModelsCommand({ NameContains: named("page"), MaxResults: 1, NextToken })),
            (p) => (pages.push((p.Models ?? []).map((m) => m.ModelName!)), []));
        assert.ok(pages.length >= 3, `pages: ${JSON.stringify(pages)}`);
        assert.deepStrictEqual(pages.flat().sort(), [...names].sort());
    });

    it("C26 ListModelPackages of a group pages with MaxResults and NextToken: every version exactly once", async () => {
        const group = named("paged-group");
        await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
        for (let i = 0; i < 3; i++) await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: group, InferenceSpecification: spec() }));
        const pages: number[][] = [];
        await allPages((NextToken) => t.client.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, MaxResults: 2, NextToken })),
            (p) => (pages.push((p.ModelPackageSummaryList ?? []).map((v) => v.ModelPackageVersion!)), []));
        assert.strictEqual(pages.length, 2, `pages: ${JSON.stringify(pages)}`);
        assert.deepStrictEqual(pages.flat().sort(), [1, 2, 3]);
    });

    // --- validation -------------------------------------------------------------------------
    const invalid: [string, () => Promise<unknown>][] = [
        ["a name longer than its maximum (64 characters)", () => t.client.send(new CreateModelCommand(modelRequest(`${PREFIX}-${"a".repeat(64)}`.slice(0, 64))))],
        ["a name that does not match its pattern", () => t.client.send(new CreateModelCommand(modelRequest(`${PREFIX}_bad`)))],
        ["a value outside its enum", () => t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: named("group"), InferenceSpecification: spec(),
            ModelApprovalStatus: "Approve" as never }))],
        ["a missing required member", () => t.client.send(new CreateModelCommand({ ExecutionRoleArn: t.roleArn, PrimaryContainer: { Image: t.image } } as never))],
        ["a list above its maximum size (51 tags)", () => t.client.send(new CreateModelCommand(modelRequest(named("too-many-tags"),
            { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) })))],
        ["a map key that does not match its pattern", () => t.client.send(new CreateModelCommand(modelRequest(named("bad-env"),
            { PrimaryContainer: { Image: t.image, Environment: { "1BAD": "v" } } })))],
        ["PrimaryContainer and Containers together", () => t.client.send(new CreateModelCommand(modelRequest(named("both"), { Containers: [{ Image: t.image }] })))],
    ];
    /** Models and versions of the group that exist now. */
    const existing = async (): Promise<number> =>
        (await allPages((NextToken) => t.client.send(new ListModelsCommand({ NameContains: PREFIX, NextToken })), (p) => p.Models ?? [])).length +
        (await allPages((NextToken) => t.client.send(new ListModelPackagesCommand({ ModelPackageGroupName: named("group"), NextToken })),
            (p) => p.ModelPackageSummaryList ?? [])).length;
    invalid.forEach(([what, call], i) => {
        it(`C${27 + i} a request with ${what} is refused with ValidationException and creates nothing`, async () => {
            const before = await existing();
            const err = await failure(call(), `a request with ${what}`);
            assert.strictEqual(err.name, "ValidationException", `${err.name}: ${err.message}`);
            assert.strictEqual(await existing(), before, "nothing was created");
        });
    });
});
