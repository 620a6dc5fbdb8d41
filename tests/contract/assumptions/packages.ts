// Model package groups and model packages: conflicts, deletion (checked by absence), statuses,
// version numbers, updates (with values where merge and replace differ) and ClientToken.
import {
    DeleteModelPackageCommand, DeleteModelPackageGroupCommand, DescribeModelPackageCommand, DescribeModelPackageGroupCommand,
    ListModelPackagesCommand, UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { isAlreadyExists, isNotFound } from "../../../provider/aws/errors";
import { waitCompleted, type Assumption, type Context } from "../assumption";
import { callOf, expect, refused, relevant, show } from "../calls";
import { allPages } from "../ledger";

async function expectGone(x: Context, call: Promise<unknown>, what: string): Promise<void> {
    const err = await refused(call, `${what} after its delete`, x.calls);
    expect(isNotFound(err), `${what} after its delete: not not-found but ${err.name}: ${err.message}`, callOf(err));
}

const describe = (x: Context, name: string) => x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: name }));

export const packageAssumptions: Assumption[] = [
    {
        id: "C17", says: "CreateModelPackageGroup returns the group's ARN; a second group of that name is refused as existing, and the first is kept",
        async run(x) {
            const { name, arn } = await x.group("group", { ModelPackageGroupDescription: "first" });
            expect(arn.includes(`:model-package-group/${name.toLowerCase()}`), `CreateModelPackageGroup returned ${show(arn)}`, x.calls.last);
            const err = await refused(x.createGroup({ ModelPackageGroupName: name, ModelPackageGroupDescription: "second" }), "a second group of the name", x.calls);
            expect(isAlreadyExists(err), `a second group: not recognised as already-exists: ${err.name}: ${err.message}`, callOf(err));
            const d = await x.calls.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }));
            expect(d.ModelPackageGroupDescription === "first", `the first group changed: its description is now ${show(d.ModelPackageGroupDescription)}`, relevant(x.calls.last, "ModelPackageGroupDescription", "CreationTime"));
        },
    },
    {
        id: "C18", says: "DeleteModelPackageGroup deletes an empty group: DescribeModelPackageGroup then answers not-found",
        async run(x) {
            const { name } = await x.group("empty");
            await x.calls.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: name }));
            await expectGone(x, x.calls.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name })), `DescribeModelPackageGroup ${name}`);
        },
    },
    {
        id: "C19", says: "a group that still has versions cannot be deleted (group and version stay); once its versions are deleted, it can",
        async run(x) {
            const { name } = await x.group("group");
            const version = await x.version(name);
            await waitCompleted(x, version);
            const err = await refused(x.calls.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: name })), "DeleteModelPackageGroup of a group with a version", x.calls);
            expect(!isNotFound(err), `the refusal says not-found: ${err.name}: ${err.message}`, callOf(err));
            await x.calls.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: name }));
            await describe(x, version);
            // The refusal must be because of the version: without it, the same delete succeeds.
            await x.calls.send(new DeleteModelPackageCommand({ ModelPackageName: version }));
            await x.calls.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: name }));
        },
    },
    {
        id: "C20", says: "a versioned package goes Pending -> InProgress -> Completed (never back, nothing else), with status details",
        async run(x) {
            const arn = await x.version((await x.group("group")).name);
            const order = ["Pending", "InProgress", "Completed"];
            const seen: string[] = [];
            const deadline = Date.now() + x.timing.statusTimeoutMs;
            for (;;) {
                const d = await describe(x, arn);
                const status = d.ModelPackageStatus ?? "(none)";
                expect(order.includes(status), `DescribeModelPackage returned ModelPackageStatus ${show(status)}`, relevant(x.calls.last, "ModelPackageStatus", "ModelPackageStatusDetails"));
                if (seen[seen.length - 1] !== status) seen.push(status);
                expect(d.ModelPackageStatusDetails !== undefined, "DescribeModelPackage returned no ModelPackageStatusDetails", relevant(x.calls.last, "ModelPackageStatus", "ModelPackageStatusDetails"));
                if (status === "Completed") break;
                expect(Date.now() < deadline, `not Completed after ${x.timing.statusTimeoutMs} ms (seen ${seen.join(" -> ")})`, x.calls.last);
                await x.sleep(x.timing.pollMs);
            }
            expect(seen.every((s, i) => i === 0 || order.indexOf(s) > order.indexOf(seen[i - 1])), `statuses out of order: ${seen.join(" -> ")}`);
        },
    },
    {
        id: "C21", says: "versions are numbered 1, 2, 3 within their group, and a version's ARN ends in /<group>/<version>",
        async run(x) {
            const { name } = await x.group("group");
            const arns = [await x.version(name), await x.version(name), await x.version(name)];
            for (const [i, arn] of arns.entries()) {
                expect(arn.endsWith(`:model-package/${name.toLowerCase()}/${i + 1}`), `version ${i + 1}'s CreateModelPackage returned ${show(arn)}`);
                const d = await describe(x, arn);
                expect(d.ModelPackageVersion === i + 1, `DescribeModelPackage of ${arn} returned ModelPackageVersion ${show(d.ModelPackageVersion)}`, relevant(x.calls.last, "ModelPackageArn", "ModelPackageVersion"));
            }
        },
    },
    {
        id: "C22", says: "UpdateModelPackage changes only the members it is sent",
        async run(x) {
            const arn = await x.version((await x.group("group")).name, {
                ModelApprovalStatus: "PendingManualApproval", CustomerMetadataProperties: { auc: "0.91", owner: "ml" }, ModelPackageDescription: "v1" });
            await waitCompleted(x, arn);
            const before = await describe(x, arn);
            await x.calls.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Approved" }));
            const after = await describe(x, arn);
            const kept = (m: "CustomerMetadataProperties" | "ModelPackageDescription" | "InferenceSpecification") =>
                JSON.stringify(after[m]) === JSON.stringify(before[m]);
            expect(after.ModelApprovalStatus === "Approved" && kept("CustomerMetadataProperties") && kept("ModelPackageDescription") && kept("InferenceSpecification"),
                `after UpdateModelPackage ModelApprovalStatus=Approved: ModelApprovalStatus ${show(after.ModelApprovalStatus)}, CustomerMetadataProperties ` +
                `${show(before.CustomerMetadataProperties)} -> ${show(after.CustomerMetadataProperties)}, ModelPackageDescription ${show(before.ModelPackageDescription)} -> ` +
                `${show(after.ModelPackageDescription)}, InferenceSpecification ${kept("InferenceSpecification") ? "unchanged" : `-> ${show(after.InferenceSpecification)}`}`,
                relevant(x.calls.last, "ModelApprovalStatus", "CustomerMetadataProperties", "ModelPackageDescription"));
        },
    },
    {
        id: "C23", says: "UpdateModelPackage merges CustomerMetadataProperties into the stored ones and removes only CustomerMetadataPropertiesToRemove",
        async run(x) {
            const arn = await x.version((await x.group("group")).name, { CustomerMetadataProperties: { auc: "0.91", owner: "ml", stage: "dev" } });
            await waitCompleted(x, arn);
            // Merge gives {auc: 0.93, stage: dev, team: x}; replace would drop "stage".
            await x.calls.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, CustomerMetadataProperties: { auc: "0.93", team: "x" },
                CustomerMetadataPropertiesToRemove: ["owner"] }));
            const after = await describe(x, arn);
            const want = { auc: "0.93", stage: "dev", team: "x" };
            const got = after.CustomerMetadataProperties ?? {};
            expect(Object.keys(got).length === 3 && Object.entries(want).every(([k, v]) => got[k] === v),
                `stored {auc: 0.91, owner: ml, stage: dev}, sent {auc: 0.93, team: x} and remove [owner]: DescribeModelPackage returned ${show(after.CustomerMetadataProperties)}, expected ${show(want)}`, relevant(x.calls.last, "CustomerMetadataProperties"));
        },
    },
    {
        id: "C24", says: "CreateModelPackage with the same ClientToken and request returns the same package and creates no other",
        async run(x) {
            const { name } = await x.group("group");
            const request = { ModelPackageGroupName: name, InferenceSpecification: x.spec(), ClientToken: x.name("token") };
            const first = await x.createPackage(request);
            const again = await x.createPackage(request);
            expect(again === first, `the second CreateModelPackage returned ${show(again)}, the first ${show(first)}`, x.calls.last);
            const versions = await allPages((NextToken) => x.calls.send(new ListModelPackagesCommand({ ModelPackageGroupName: name, NextToken })),
                (p) => (p.ModelPackageSummaryList ?? []).filter((v) => v.ModelPackageGroupName?.toLowerCase() === name.toLowerCase()));
            // Counted client-side within the group: the group filter itself is C31's assumption.
            expect(versions.length === 1, `the group holds ${versions.length} versions: ${show(versions.map((v) => v.ModelPackageArn))}`, x.calls.last);
        },
    },
    {
        id: "C25", says: "an unversioned package is created by name; a second one of that name is refused as existing, and the first is kept",
        async run(x) {
            const name = x.name("package");
            const arn = await x.createPackage({ ModelPackageName: name, InferenceSpecification: x.spec(), ModelPackageDescription: "first" });
            expect(arn.endsWith(`:model-package/${name.toLowerCase()}`), `CreateModelPackage returned ${show(arn)}`, x.calls.last);
            const err = await refused(x.createPackage({ ModelPackageName: name, InferenceSpecification: x.spec(), ModelPackageDescription: "second" }),
                "a second unversioned package of the name", x.calls);
            expect(isAlreadyExists(err), `a second package: not recognised as already-exists: ${err.name}: ${err.message}`, callOf(err));
            const d = await describe(x, name);
            expect(d.ModelPackageDescription === "first", `the first package changed: its description is now ${show(d.ModelPackageDescription)}`, relevant(x.calls.last, "ModelPackageDescription", "CreationTime"));
        },
    },
    {
        id: "C26", says: "DeleteModelPackage deletes a version and an unversioned package: DescribeModelPackage then answers not-found",
        async run(x) {
            const version = await x.version((await x.group("group")).name);
            const unversioned = await x.createPackage({ ModelPackageName: x.name("package"), InferenceSpecification: x.spec() });
            for (const arn of [version, unversioned]) {
                await waitCompleted(x, arn);
                await x.calls.send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
                await expectGone(x, describe(x, arn), `DescribeModelPackage ${arn}`);
            }
        },
    },
];
