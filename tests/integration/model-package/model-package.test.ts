import * as assert from "assert";
import { DescribeModelPackageCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { ResourceInitError } from "../../../provider/engine/kind";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpec, spec } from "../../unit/model-package/fixtures";
import { checked, deploy, progressLines, PROVIDER, redeploy, settingsFor, useTestEnvironment, type Deployed } from "../../helpers/lifecycle-harness";

const groups = lifecycles.ModelPackageGroup;
const packages = lifecycles.ModelPackage;

describe("ModelPackage on the local endpoint", function () {
    this.timeout(20_000);
    useTestEnvironment();
    // Registered before the endpoint's own hooks, so it runs while the endpoint is still up.
    // Bounded by the suite's timeout like every hook; nothing to clean when the group was never made.
    after(async () => {
        if (group === undefined) {
            return;
        }
        await groups.delete(settings(), group.id, { ...group.outputs, deleteVersionsOnDestroy: true });
        assert.deepStrictEqual(local.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });
    const local = useLocalEndpoint({ packageStatusDelayMs: 50, packageFailures: [{ match: "BROKEN", reason: "image pull failed: manifest unknown" }] });
    let group: Deployed;

    const settings = () => settingsFor(local.endpoint);
    const version = (extra: Record<string, unknown> = {}) => ({
        ModelPackageGroupName: group.outputs.name, InferenceSpecification: inferenceSpec(), ...extra,
    });

    before(async () => {
        group = await deploy(groups, settings(), { __logicalName: "churn", ModelPackageGroupDescription: "churn models" });
    });

    afterEach(() => local.endpoint.setFaults({}));

    it("creates a versioned package and waits until it is Completed", async () => {
        local.endpoint.resetCounters();
        progressLines.length = 0;
        const pkg = await deploy(packages, settings(), version({ CustomerMetadataProperties: { team: "risk" } }));
        assert.ok(progressLines.some((l) => /\(new version\): (Pending|InProgress) after \d+s/.test(l)), progressLines.join("\n"));
        assert.strictEqual(pkg.outputs.status, "Completed");
        assert.strictEqual(pkg.outputs.version, 1);
        assert.strictEqual(pkg.outputs.arn, pkg.id);
        assert.strictEqual(pkg.outputs.ModelApprovalStatus, "PendingManualApproval");
        assert.strictEqual(pkg.outputs.region, "us-east-1");
        assert.match(String(pkg.outputs.creationTime), /^\d{4}-\d\d-\d\dT/);
        assert.ok(pkg.outputs.statusDetails);
        assert.strictEqual(local.endpoint.counters().CreateModelPackage, 1);
        assert.ok(local.endpoint.counters().DescribeModelPackage >= 2, "polled while Pending/InProgress");
        const second = await deploy(packages, settings(), version({ Tags: [{ Key: "stage", Value: "dev" }] }));
        assert.strictEqual(second.outputs.version, 2);
        const read = await packages.read(settings(), second.id, second.outputs);
        assert.deepStrictEqual(read.inputs!.Tags, [{ Key: "stage", Value: "dev" }]);
        await packages.delete(settings(), pkg.id, pkg.outputs);
        await packages.delete(settings(), second.id, second.outputs);
    });

    it("creates an unversioned package", async () => {
        const pkg = await deploy(packages, settings(), { ModelPackageName: "standalone", InferenceSpecification: inferenceSpec(), CertifyForMarketplace: false });
        assert.strictEqual(pkg.outputs.status, "Completed");
        assert.strictEqual(pkg.outputs.name, "standalone");
        assert.strictEqual(pkg.outputs.version, undefined);
        assert.strictEqual(pkg.outputs.ModelApprovalStatus, undefined);
        await packages.delete(settings(), pkg.id, pkg.outputs);
        assert.deepStrictEqual(local.endpoint.inventory().modelPackages, []);
    });

    it("raises the status details of a Failed package and leaves nothing behind", async () => {
        const inputs = await checked(packages, settings(), {}, version({ ModelPackageDescription: "BROKEN image" }));
        await assert.rejects(packages.create(settings(), inputs), (err: Error) => {
            assert.match(err.message, /Failed/);
            assert.match(err.message, /image pull failed: manifest unknown/);
            assert.match(err.message, /deleted, so nothing is left behind/);
            return true;
        });
        assert.deepStrictEqual(local.endpoint.inventory().modelPackages, []);
    });

    it("gets the same package back when CreateModelPackage's response is lost (ClientToken)", async () => {
        local.endpoint.setFaults({ rules: [{ operation: "CreateModelPackage", times: 1, error: "lostResponse" }] });
        local.endpoint.resetCounters();
        const pkg = await deploy(packages, settings(), version());
        assert.strictEqual(local.endpoint.counters().CreateModelPackage, 2, "the SDK retried");
        assert.deepStrictEqual(local.endpoint.inventory().modelPackages, [pkg.id]);
        await packages.delete(settings(), pkg.id, pkg.outputs);
    });

    it("changes approval in place with one UpdateModelPackage call", async () => {
        const pkg = await deploy(packages, settings(), version());
        local.endpoint.resetCounters();
        const { diff, next } = await redeploy(packages, settings(), pkg, version({ ModelApprovalStatus: "Approved", ApprovalDescription: "AUC 0.91" }));
        assert.deepStrictEqual(diff.replaces, []);
        assert.strictEqual(diff.changes, true);
        const counters = local.endpoint.counters();
        assert.strictEqual(counters.UpdateModelPackage, 1);
        assert.strictEqual(counters.CreateModelPackage, undefined);
        assert.strictEqual(counters.DeleteModelPackage, undefined);
        assert.strictEqual(next.outputs.ModelApprovalStatus, "Approved");
        assert.strictEqual(next.outputs.arn, pkg.id);
        const live = await local.client.send(new DescribeModelPackageCommand({ ModelPackageName: pkg.id }));
        assert.strictEqual(live.ModelApprovalStatus, "Approved");
        assert.strictEqual(live.ApprovalDescription, "AUC 0.91");
        await packages.delete(settings(), pkg.id, pkg.outputs);
    });

    it("removes customer metadata keys and appends additional inference specifications in place", async () => {
        const pkg = await deploy(packages, settings(), version({ CustomerMetadataProperties: { team: "risk", owner: "ana" }, AdditionalInferenceSpecifications: [spec("neo-a")] }));
        const { diff } = await redeploy(packages, settings(), pkg,
            version({ CustomerMetadataProperties: { team: "fraud" }, AdditionalInferenceSpecifications: [spec("neo-a"), spec("neo-b")] }));
        assert.deepStrictEqual(diff.replaces, []);
        const live = await local.client.send(new DescribeModelPackageCommand({ ModelPackageName: pkg.id }));
        assert.deepStrictEqual(live.CustomerMetadataProperties, { team: "fraud" });
        assert.deepStrictEqual(live.AdditionalInferenceSpecifications?.map((s) => s.Name), ["neo-a", "neo-b"]);
        await packages.delete(settings(), pkg.id, pkg.outputs);
    });

    it("replaces on a member UpdateModelPackage does not accept, with a fresh ClientToken", async () => {
        const pkg = await deploy(packages, settings(), version({ ModelPackageDescription: "v1" }));
        const { diff } = await redeploy(packages, settings(), pkg, version({ ModelPackageDescription: "v1 retrained" }));
        assert.deepStrictEqual(diff.replaces, ["ModelPackageDescription"]);
        assert.strictEqual(diff.deleteBeforeReplace, false);
        // The engine re-checks with empty olds for a replacement, then creates before it deletes.
        const replacement = await deploy(packages, settings(), version({ ModelPackageDescription: "v1 retrained" }));
        assert.notStrictEqual(replacement.id, pkg.id);
        assert.notStrictEqual(replacement.inputs.ClientToken, pkg.inputs.ClientToken);
        await packages.delete(settings(), pkg.id, pkg.outputs);
        assert.deepStrictEqual(local.endpoint.inventory().modelPackages, [replacement.id]);
        await packages.delete(settings(), replacement.id, replacement.outputs);
    });

    it("refresh shows approval changed outside the program; ignoreChanges lets it stand", async () => {
        const pkg = await deploy(packages, settings(), version({ ModelApprovalStatus: "PendingManualApproval", ModelCard: { ModelCardStatus: "Draft" } }));
        await local.client.send(new UpdateModelPackageCommand({ ModelPackageArn: pkg.id, ModelApprovalStatus: "Approved" }));
        const read = await packages.read(settings(), pkg.id, pkg.outputs);
        assert.strictEqual(read.id, pkg.id);
        assert.strictEqual(read.inputs!.ModelApprovalStatus, "Approved");
        assert.strictEqual(read.props!.ModelApprovalStatus, "Approved");
        assert.deepStrictEqual(read.inputs!.ModelCard, { ModelCardStatus: "Draft" });
        const refreshed: Deployed = { id: pkg.id, inputs: read.inputs!, outputs: { ...read.props!, __provider: PROVIDER } };
        // The program still says PendingManualApproval: without ignoreChanges, an in-place update back.
        const program = version({ ModelApprovalStatus: "PendingManualApproval", ModelCard: { ModelCardStatus: "Draft" } });
        const plain = await packages.diff(settings(), pkg.id, refreshed.outputs, await checked(packages, settings(), refreshed.inputs, program));
        assert.deepStrictEqual([plain.changes, plain.replaces], [true, []]);
        // With ignoreChanges: ["ModelApprovalStatus"] the engine substitutes the old input value.
        const ignored = { ...program, ModelApprovalStatus: refreshed.inputs.ModelApprovalStatus };
        const none = await packages.diff(settings(), pkg.id, refreshed.outputs, await checked(packages, settings(), refreshed.inputs, ignored));
        assert.strictEqual(none.changes, false);
        await packages.delete(settings(), pkg.id, pkg.outputs);
        const gone = await packages.read(settings(), pkg.id, pkg.outputs);
        assert.strictEqual(gone.id, undefined);
    });

    it("keeps a package that outlives statusTimeoutMinutes in the stack, and the next update finishes the wait", async () => {
        const inputs = await checked(packages, settings(), {}, version({ statusTimeoutMinutes: 0.0001 }));
        let kept: ResourceInitError | undefined;
        await assert.rejects(packages.create(settings(), inputs), (err: Error) => {
            assert.ok(err instanceof ResourceInitError, err.message);
            assert.match(err.message, /statusTimeoutMinutes/);
            kept = err;
            return true;
        });
        assert.notStrictEqual(kept!.properties.status, "Completed");
        assert.strictEqual(kept!.properties.__provider, PROVIDER);
        // The next `pulumi up` (here with a longer timeout) updates it: the update finishes the wait.
        const { outs } = await packages.update(settings(), kept!.id, kept!.properties, { ...inputs, statusTimeoutMinutes: 1 });
        assert.strictEqual(outs.status, "Completed");
        await packages.delete(settings(), kept!.id, outs);
    });

    describe("groups", () => {
        it("adopts the group when CreateModelPackageGroup's response is lost and the retry finds the name taken", async () => {
            local.endpoint.setFaults({ rules: [{ operation: "CreateModelPackageGroup", times: 1, error: "lostResponse" }] });
            local.endpoint.resetCounters();
            const g = await deploy(groups, settings(), { __logicalName: "lost-group", ModelPackageGroupDescription: "d" });
            assert.strictEqual(local.endpoint.counters().CreateModelPackageGroup, 2, "the SDK retried");
            assert.strictEqual(local.endpoint.inventory().modelPackageGroups.filter((a) => a.endsWith(`/${g.id}`)).length, 1);
            assert.match(String(g.outputs.arn), /:model-package-group\/lost-group-/);
            await groups.delete(settings(), g.id, g.outputs);
        });

        it("does not adopt a same-named group that differs from the inputs", async () => {
            const first = await deploy(groups, settings(), { ModelPackageGroupName: "taken-group", ModelPackageGroupDescription: "theirs" });
            await assert.rejects(deploy(groups, settings(), { ModelPackageGroupName: "taken-group", ModelPackageGroupDescription: "ours" }),
                /ModelPackageGroup "taken-group": a model package group named "taken-group" already exists in us-east-1; it was not created by this deployment, so it is left untouched/);
            await groups.delete(settings(), first.id, first.outputs);
        });

        it("refuses to delete a group that holds versions, and deletes them with deleteVersionsOnDestroy", async () => {
            const g = await deploy(groups, settings(), { __logicalName: "fraud", Tags: [{ Key: "team", Value: "risk" }] });
            const inGroup = { ModelPackageGroupName: g.outputs.name, InferenceSpecification: inferenceSpec() };
            await deploy(packages, settings(), inGroup);
            await deploy(packages, settings(), inGroup);
            await assert.rejects(groups.delete(settings(), g.id, g.outputs), (err: Error) => {
                assert.match(err.message, /still holds 2 model package version\(s\) \(1, 2\)/);
                assert.match(err.message, /deleteVersionsOnDestroy: true/);
                return true;
            });
            const { diff, next } = await redeploy(groups, settings(), g, { __logicalName: "fraud", Tags: [{ Key: "team", Value: "risk" }], deleteVersionsOnDestroy: true });
            assert.deepStrictEqual([diff.changes, diff.replaces], [true, []]);
            await groups.delete(settings(), next.id, next.outputs);
            const inventory = local.endpoint.inventory();
            assert.ok(!inventory.modelPackageGroups.includes(String(g.outputs.arn)));
            assert.deepStrictEqual(inventory.modelPackages, []);
        });

        it("updates tags in place and shows drift on refresh", async () => {
            const g = await deploy(groups, settings(), { __logicalName: "tags", Tags: [{ Key: "a", Value: "1" }] });
            local.endpoint.resetCounters();
            const { next } = await redeploy(groups, settings(), g, { __logicalName: "tags", Tags: [{ Key: "b", Value: "2" }] });
            assert.strictEqual(local.endpoint.counters().AddTags, 1);
            assert.strictEqual(local.endpoint.counters().DeleteTags, 1);
            assert.strictEqual(next.outputs.ModelPackageGroupName, g.outputs.ModelPackageGroupName);
            const read = await groups.read(settings(), g.id, next.outputs);
            assert.deepStrictEqual(read.inputs!.Tags, [{ Key: "b", Value: "2" }]);
            assert.strictEqual(read.inputs!.ModelPackageGroupName, g.id);
            await groups.delete(settings(), g.id, next.outputs);
            assert.deepStrictEqual(await groups.read(settings(), g.id, next.outputs), {});
        });
    });

});
