// The lookups' output form inside a Pulumi program, under Pulumi's runtime mocks in preview mode
// (SageMaker itself mocked): known inputs are looked up during preview, so a resource built from
// the result is registered with the ARN; unknown inputs and uncreated dependencies leave the
// result unknown without a call; secrets stay secret; Dates survive Pulumi's Input unwrapping.
import { strict as assert } from "assert";
import * as pulumi from "@pulumi/pulumi";
import { mockClient } from "aws-sdk-client-mock";
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import {
    getLatestModelPackageVersionOutput, getModelPackageVersionOutput, getModelPackageVersionsOutput, RegistryLookupError,
} from "../../../provider/registry";

const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2";
const VERSION_2 = {
    ModelPackageGroupName: "churn", ModelPackageVersion: 2, ModelPackageArn: ARN, CreationTime: new Date("2025-01-02T00:00:00Z"),
    ModelPackageStatus: "Completed" as const, ModelApprovalStatus: "Approved" as const,
};
const opts = { settings: { region: "us-east-1", maxAttempts: 1 } };

/** A stand-in resource: its state is its inputs, minus `unknownOutputs`, which stay unknown in preview. */
class Thing extends pulumi.CustomResource {
    declare readonly name: pulumi.Output<string>;
    constructor(name: string, props: Record<string, pulumi.Input<unknown>>) {
        super("test:index:Thing", name, { name: undefined, ...props });
    }
}

// Output internals, as Pulumi's own tests read them.
type Inspectable<T> = pulumi.Output<T> & { isKnown: Promise<boolean>; isSecret: Promise<boolean>; promise(): Promise<T> };
const inspect = <T>(o: pulumi.Output<T>) => o as Inspectable<T>;

describe("registry lookups: output form in a program (runtime mocks, preview)", () => {
    const sm = mockClient(SageMakerClient);
    const registered = new Map<string, Record<string, unknown>>();
    before(async () => {
        await pulumi.runtime.setMocks({
            newResource(args) {
                registered.set(args.name, args.inputs);
                // Preview: no id, and `name` only when the program gave one (else unknown).
                return { id: args.inputs.created ? `${args.name}-id` : "", state: args.inputs };
            },
            call: () => ({}),
        }, "project", "stack", true);
    });
    after(() => {
        sm.restore();
        // What the SDK's own test reset does: no monitor, no preview, for the suites that follow.
        pulumi.runtime.resetOptions("", "", -1, "", "", false, "");
    });
    beforeEach(() => {
        sm.reset();
        sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [VERSION_2] });
        sm.on(DescribeModelPackageCommand).resolves({ ...VERSION_2, ModelPackageName: "churn", CustomerMetadataProperties: { stage: "prod" } });
    });

    it("known inputs: the lookup runs during preview, and a resource built from it is registered with the ARN", async () => {
        const latest = getLatestModelPackageVersionOutput({ ModelPackageGroupName: pulumi.output("churn") }, opts);
        const model = new Thing("model", { modelPackageName: latest.arn });
        assert.equal(await inspect(latest).isKnown, true);
        assert.equal((await inspect(latest).promise()).version, 2);
        await inspect(model.urn).promise();
        assert.equal(registered.get("model")?.modelPackageName, ARN);
        assert.equal(sm.commandCalls(ListModelPackagesCommand).length, 1);
    });

    it("an input not known yet (a group this preview creates): the result is unknown and SageMaker is not called", async () => {
        const group = new Thing("group", {});
        const latest = getLatestModelPackageVersionOutput({ ModelPackageGroupName: group.name }, opts);
        assert.equal(await inspect(latest).isKnown, false);
        assert.equal(sm.calls().length, 0);
    });

    it("dependsOn a resource not created yet: unknown, no call; once it exists: looked up", async () => {
        const pending = new Thing("pending-version", {});
        const waiting = getLatestModelPackageVersionOutput({ ModelPackageGroupName: "churn" }, { ...opts, dependsOn: [pending] });
        assert.equal(await inspect(waiting).isKnown, false);
        assert.equal(sm.calls().length, 0);

        const existing = new Thing("existing-version", { created: true });
        const ran = getLatestModelPackageVersionOutput({ ModelPackageGroupName: "churn" }, { ...opts, dependsOn: existing });
        assert.equal(await inspect(ran).isKnown, true);
        assert.equal((await inspect(ran).promise()).arn, ARN);
    });

    it("a secret input makes a secret result", async () => {
        const latest = getLatestModelPackageVersionOutput({ ModelPackageGroupName: pulumi.secret("churn") }, opts);
        assert.equal(await inspect(latest).isSecret, true);
        assert.equal(await inspect(getLatestModelPackageVersionOutput({ ModelPackageGroupName: "churn" }, opts)).isSecret, false);
    });

    it("Dates, plain, as promises or inside Outputs, reach ListModelPackages as those times", async () => {
        const after = new Date("2025-01-01T00:00:00Z");
        const before = new Date("2025-03-01T00:00:00Z");
        await inspect(getLatestModelPackageVersionOutput({ ModelPackageGroupName: "churn", CreationTimeAfter: after, CreationTimeBefore: Promise.resolve(before) }, opts)).promise();
        await inspect(getModelPackageVersionsOutput({
            ModelPackageGroupName: "churn", CreationTimeAfter: pulumi.output("2025-01-01T00:00:00Z").apply((s) => new Date(s)),
        }, opts)).promise();
        const requests = sm.commandCalls(ListModelPackagesCommand).map((c) => c.args[0].input);
        assert.deepEqual(requests.map((r) => [r.CreationTimeAfter?.toISOString(), r.CreationTimeBefore?.toISOString()]), [
            [after.toISOString(), before.toISOString()],
            [after.toISOString(), undefined],
        ]);
    });

    it("getModelPackageVersionOutput and getModelPackageVersionsOutput", async () => {
        const one = await inspect(getModelPackageVersionOutput({ ModelPackageGroupName: "churn", ModelPackageVersion: pulumi.output(2) }, opts)).promise();
        assert.deepEqual(one.customerMetadata, { stage: "prod" });
        // By name and number; MetadataOnly, so no kms:Decrypt is needed on an encrypted model card's key.
        assert.deepEqual(sm.commandCalls(DescribeModelPackageCommand)[0].args[0].input, { ModelPackageName: "churn/2", IncludedData: "MetadataOnly" });
        const all = await inspect(getModelPackageVersionsOutput({ ModelPackageGroupName: "churn" }, opts)).promise();
        assert.deepEqual(all.map((v) => v.arn), [ARN]);
    });

    it("a failed lookup rejects the output with the RegistryLookupError", async () => {
        const bad = getLatestModelPackageVersionOutput({ ModelPackageGroupName: "churn", ModelApprovalStatus: pulumi.output("Yes" as never) }, opts);
        await assert.rejects(inspect(bad).promise(), (err: unknown) =>
            err instanceof RegistryLookupError && err.reason === "invalidArguments" && /ModelApprovalStatus: "Yes"/.test(err.message));
    });
});
