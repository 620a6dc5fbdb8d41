// Models: create, name conflicts, deletion, and the not-found answers of every Describe/Delete.
import {
    DeleteModelCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand,
    DescribeModelCommand, DescribeModelPackageCommand, DescribeModelPackageGroupCommand,
} from "@aws-sdk/client-sagemaker";
import { isAlreadyExists, isNotFound } from "../../../provider/aws/errors";
import type { Assumption, Context } from "../assumption";
import { callOf, expect, refused, show } from "../calls";

/** The call must fail with a not-found answer the providers recognise. */
async function expectNotFound(x: Context, call: Promise<unknown>, what: string): Promise<void> {
    const err = await refused(call, what, x.calls);
    expect(isNotFound(err), `${what}: not recognised as not-found: ${err.name}: ${err.message}`, callOf(err));
}

export const modelAssumptions: Assumption[] = [
    {
        id: "C01", says: "CreateModel returns arn:…:model/<lower-cased name>; DescribeModel returns the name as given, that ARN and CreationTime",
        async run(x) {
            const { name, arn } = await x.model("Model");
            expect(new RegExp(`^arn:aws[a-z-]*:sagemaker:${x.t.region}:\\d{12}:model/${name.toLowerCase()}$`).test(arn),
                `CreateModel returned ModelArn ${show(arn)}, not arn:aws:sagemaker:${x.t.region}:<account>:model/${name.toLowerCase()}`, x.calls.last);
            const d = await x.calls.send(new DescribeModelCommand({ ModelName: name }));
            expect(d.ModelName === name && d.ModelArn === arn && d.CreationTime instanceof Date,
                `DescribeModel returned ModelName ${show(d.ModelName)}, ModelArn ${show(d.ModelArn)}, CreationTime ${show(d.CreationTime)}`, x.calls.last);
        },
    },
    {
        id: "C02", says: "CreateModel refuses a name that exists, in any letter case, as already existing, and keeps the first model",
        async run(x) {
            const { name } = await x.model("Model");
            const first = await x.calls.send(new DescribeModelCommand({ ModelName: name }));
            for (const again of [name, name.toUpperCase(), name.toLowerCase()]) {
                const err = await refused(x.createModel(x.modelRequest(again, { PrimaryContainer: { Image: x.t.image, Environment: { SECOND: "1" } } })),
                    `CreateModel ${again} again`, x.calls);
                expect(isAlreadyExists(err), `CreateModel ${again} again: not recognised as already-exists: ${err.name}: ${err.message}`, callOf(err));
            }
            const after = await x.calls.send(new DescribeModelCommand({ ModelName: name }));
            expect(after.CreationTime?.getTime() === first.CreationTime?.getTime() && after.PrimaryContainer?.Environment === undefined,
                `the first model changed: DescribeModel now returns CreationTime ${show(after.CreationTime)}, PrimaryContainer ${show(after.PrimaryContainer)}`, x.calls.last);
        },
    },
    {
        id: "C03", says: "DeleteModel deletes the model: DescribeModel then answers not-found",
        async run(x) {
            const { name } = await x.model("gone");
            await x.calls.send(new DeleteModelCommand({ ModelName: name }));
            await expectNotFound(x, x.calls.send(new DescribeModelCommand({ ModelName: name })), `DescribeModel ${name} after DeleteModel`);
        },
    },
    ...([
        ["DescribeModel", (x, missing) => x.calls.send(new DescribeModelCommand({ ModelName: missing }))],
        ["DeleteModel", (x, missing) => x.calls.send(new DeleteModelCommand({ ModelName: missing }))],
        ["DescribeModelPackageGroup", (x, missing) => x.calls.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: missing }))],
        ["DeleteModelPackageGroup", (x, missing) => x.calls.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: missing }))],
        ["DescribeModelPackage (name)", (x, missing) => x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: missing }))],
        ["DeleteModelPackage (name)", (x, missing) => x.calls.send(new DeleteModelPackageCommand({ ModelPackageName: missing }))],
        ["DescribeModelPackage (version ARN)", async (x) => {
            // A version that does not exist, of a group that does (the account comes from the group's ARN).
            const { arn } = await x.group("group");
            expect(arn.includes(":model-package-group/"), `CreateModelPackageGroup returned ${show(arn)}`, x.calls.last);
            return x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: `${arn.replace(":model-package-group/", ":model-package/")}/1` }));
        }],
    ] as [string, (x: Context, missing: string) => Promise<unknown>][]).map(([operation, call], i): Assumption => ({
        id: `C${String(4 + i).padStart(2, "0")}`,
        says: `${operation} of something that does not exist answers not-found (ResourceNotFound, or ValidationException "does not exist" / "could not find")`,
        async run(x) {
            await expectNotFound(x, call(x, x.name("missing")), `${operation} of ${x.name("missing")}`);
        },
    })),
];
