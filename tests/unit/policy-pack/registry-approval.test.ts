// sagemaker-registry-approval, awsguard-style: one compliant stack, then one field changed per case
// and the message matched. Packages carry their outputs (arn, version) as stack validation sees them.
import * as assert from "assert";
import { parsePackageRef, registryApproval } from "../../../policy-pack/src";
import { messages, runStackPolicy, TestResource, UNKNOWN, UNKNOWN_ARRAY } from "../../helpers/policy-args";
import { ROLE, TYPES } from "./fixtures";

const ARN_V1 = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";
const ARN_V2 = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/2";
const OUTSIDE = "arn:aws:sagemaker:us-east-1:210987654321:model-package/fraud/7";

function ourPackage(name: string, status: unknown, arn: unknown, version: number | string = 1): TestResource {
    const props: Record<string, unknown> = { ModelPackageGroupName: "churn", arn, version, region: "us-east-1" };
    if (status !== undefined) {
        props.ModelApprovalStatus = status;
    }
    return { type: TYPES.ours.modelPackage!, name, props };
}

function nativePackage(name: string, status: unknown, arn: unknown): TestResource {
    return { type: TYPES["aws-native"].modelPackage!, name, props: { modelPackageGroupName: "churn", modelApprovalStatus: status, modelPackageArn: arn, modelPackageVersion: 1 } };
}

function ourModel(name: string, pkg: unknown, deps: string[] = []): TestResource {
    return {
        type: TYPES.ours.model, name,
        props: { PrimaryContainer: { ModelPackageName: pkg }, ExecutionRoleArn: ROLE, EnableNetworkIsolation: true, region: "us-east-1" },
        dependsOn: deps, propertyDependencies: deps.length ? { PrimaryContainer: deps } : {},
    };
}

const run = (resources: TestResource[], config?: Record<string, unknown>) => runStackPolicy(registryApproval, resources, { config });

describe("policy sagemaker-registry-approval", () => {
    it("passes a model serving an in-stack package declared Approved (matched by ARN)", async () => {
        const res = await run([ourPackage("churn-v1", "Approved", ARN_V1), ourModel("scorer", ARN_V1)]);
        assert.deepStrictEqual(res.diagnostics, []);
    });

    for (const [status, shown] of [["PendingManualApproval", "\"PendingManualApproval\""], ["Rejected", "\"Rejected\""], [undefined, "<not set> (SageMaker's default: \"PendingManualApproval\")"]] as const) {
        it(`fails a model serving an in-stack package whose status is ${status ?? "not set"}: resource, path, value, package, status and fix`, async () => {
            const res = await run([ourPackage("churn-v1", status, ARN_V1), ourModel("scorer", ARN_V1)]);
            const [m] = messages(res, "mandatory");
            assert.strictEqual(res.diagnostics.length, 1);
            assert.ok(res.diagnostics[0].urn?.endsWith("::scorer"));
            assert.ok(m.startsWith("SageMaker models that serve a versioned model package from the registry must serve an Approved version.\n"), m);
            assert.ok(m.includes(`Model "scorer" (pulumi-nodejs:dynamic/sagemaker:Model): PrimaryContainer.ModelPackageName "${ARN_V1}" serves model package "churn-v1" ` +
                `(pulumi-nodejs:dynamic/sagemaker:ModelPackage) of this stack, whose ModelApprovalStatus is ${shown}. Fix: serve an Approved version, or approve "churn-v1"`), m);
        });
    }

    it("judges by the package the ARN names, not by another of the stack", async () => {
        const res = await run([ourPackage("churn-v1", "Rejected", ARN_V1), ourPackage("churn-v2", "Approved", ARN_V2, 2), ourModel("scorer", ARN_V2)]);
        assert.deepStrictEqual(res.diagnostics, []);
        const bad = await run([ourPackage("churn-v1", "Rejected", ARN_V1), ourPackage("churn-v2", "Approved", ARN_V2, 2), ourModel("scorer", ARN_V1)]);
        assert.match(messages(bad, "mandatory")[0], /serves model package "churn-v1"/);
    });

    describe("preview: the ARN is unknown, the dependency tells the package", () => {
        it("one package the container depends on: its declared status decides", async () => {
            assert.deepStrictEqual((await run([ourPackage("churn-v1", "Approved", UNKNOWN), ourModel("scorer", UNKNOWN, ["churn-v1"])])).diagnostics, []);
            const bad = await run([ourPackage("churn-v1", "PendingManualApproval", UNKNOWN), ourModel("scorer", UNKNOWN, ["churn-v1"])]);
            assert.match(messages(bad, "mandatory")[0], /PrimaryContainer.ModelPackageName <unknown during preview> serves model package "churn-v1" .* is "PendingManualApproval"/);
        });

        it("several packages, not all Approved: cannot tell which, so onUnknown decides (warn: advisory, fail: violation)", async () => {
            const stack = [ourPackage("churn-v1", "Rejected", UNKNOWN), ourPackage("churn-v2", "Approved", UNKNOWN, 2), ourModel("scorer", UNKNOWN, ["churn-v1", "churn-v2"])];
            const warn = await run(stack);
            assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(warn.diagnostics[0].message, /depends on 2 model packages of this stack \(churn-v1, churn-v2\), not all Approved/);
            const fail = await run(stack, { onUnknown: "fail" });
            assert.deepStrictEqual(fail.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
            const allApproved = await run([ourPackage("churn-v1", "Approved", UNKNOWN), ourPackage("churn-v2", "Approved", UNKNOWN, 2), ourModel("scorer", UNKNOWN, ["churn-v1", "churn-v2"])]);
            assert.deepStrictEqual(allApproved.diagnostics, []);
        });

        it("no package to trace it to: onUnknown decides", async () => {
            const res = await run([ourModel("scorer", UNKNOWN)]);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /ModelPackageName is unknown during preview; it may serve a model package version that is not Approved/);
        });

        it("an unknown declared status: onUnknown decides", async () => {
            const res = await run([ourPackage("churn-v1", UNKNOWN, UNKNOWN), ourModel("scorer", UNKNOWN, ["churn-v1"])], { onUnknown: "fail" });
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        });
    });

    describe("packages outside the stack", () => {
        it("unknownApproval advisory (default): reported without blocking, naming group, version and the fix", async () => {
            const res = await run([ourModel("scorer", OUTSIDE)]);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.ok(res.diagnostics[0].message.includes(`PrimaryContainer.ModelPackageName "${OUTSIDE}" is version 7 of model package group "fraud", declared outside ` +
                `this stack; this policy cannot see whether it is Approved. Fix: set verifyLive: true, or once it is Approved in the registry, add "${OUTSIDE}" to approvedPackages`), res.diagnostics[0].message);
        });

        it("unknownApproval fail: a violation", async () => {
            assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE)], { unknownApproval: "fail" })).diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        });

        it("approvedPackages: the exact ARN passes; another version does not", async () => {
            const config = (approvedPackages: string[]) => ({ unknownApproval: "fail", approvedPackages });
            assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE)], config([OUTSIDE]))).diagnostics, []);
            assert.strictEqual((await run([ourModel("scorer", OUTSIDE)], config(["fraud/6", OUTSIDE.replace("/7", "/70")]))).diagnostics.length, 1);
        });

        it("a GROUP/VERSION name matches the stack's package of that group and version, else the allow-list", async () => {
            assert.match(messages(await run([ourPackage("churn-v1", "Rejected", ARN_V1), ourModel("scorer", "churn/1")]), "mandatory")[0], /serves model package "churn-v1"/);
            assert.deepStrictEqual((await run([ourModel("scorer", "churn/1")], { unknownApproval: "fail", approvedPackages: [ARN_V1] })).diagnostics, []);
        });
    });

    it("unversioned packages (no approval status) are not judged here", async () => {
        for (const ref of ["arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-unversioned", "churn-unversioned"]) {
            assert.deepStrictEqual((await run([ourModel("scorer", ref)], { unknownApproval: "fail" })).diagnostics, [], ref);
        }
        assert.deepStrictEqual(parsePackageRef("arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/12"),
            { kind: "versioned", id: { partition: "aws", region: "us-east-1", account: "123456789012", group: "churn", version: 12 } });
        assert.deepStrictEqual(parsePackageRef("churn/12"), { kind: "versioned", id: { group: "churn", version: 12 } });
    });

    it("governs @pulumi/aws and aws-native models, and aws-native packages", async () => {
        const awsModel: TestResource = { type: TYPES.aws.model, name: "aws-scorer", props: { primaryContainer: { modelPackageName: ARN_V1 }, executionRoleArn: ROLE } };
        const nativeModel: TestResource = { type: TYPES["aws-native"].model, name: "native-scorer", props: { containers: [{ image: "x" }, { modelPackageName: ARN_V1 }], executionRoleArn: ROLE } };
        const res = await run([nativePackage("churn-v1", "PendingManualApproval", ARN_V1), awsModel, nativeModel]);
        const ms = messages(res, "mandatory");
        assert.strictEqual(ms.length, 2);
        assert.match(ms[0], /Model "aws-scorer" \(aws:sagemaker\/model:Model\): primaryContainer.modelPackageName .* serves model package "churn-v1" \(aws-native:sagemaker:ModelPackage\) .* modelApprovalStatus is "PendingManualApproval"/);
        assert.match(ms[1], /Model "native-scorer" \(aws-native:sagemaker:Model\): containers\[1\].modelPackageName/);
        assert.deepStrictEqual((await run([nativePackage("churn-v1", "Approved", ARN_V1), awsModel, nativeModel])).diagnostics, []);
    });

    it("a provider-plugin package (sagemaker:index:ModelPackage) is found by the ARN output its dialect names (`arn`, not aws-native's modelPackageArn)", async () => {
        const pluginPackage = (status: string): TestResource => ({ type: "sagemaker:index:ModelPackage", name: "plugin-v1",
            props: { modelPackageGroupName: "churn", modelApprovalStatus: status, arn: ARN_V1, version: 1, region: "us-east-1" } });
        const pluginModel: TestResource = { type: "sagemaker:index:Model", name: "plugin-scorer",
            props: { primaryContainer: { modelPackageName: ARN_V1 }, executionRoleArn: ROLE, region: "us-east-1" } };
        const ms = messages(await run([pluginPackage("Rejected"), pluginModel]), "mandatory");
        assert.strictEqual(ms.length, 1, ms.join("\n"));
        assert.match(ms[0], /Model "plugin-scorer" \(sagemaker:index:Model\): primaryContainer.modelPackageName .* serves model package "plugin-v1" \(sagemaker:index:ModelPackage\) of this stack, whose modelApprovalStatus is "Rejected"/);
        assert.deepStrictEqual((await run([pluginPackage("Approved"), pluginModel])).diagnostics, []);
    });

    it("level from config: disabled reports nothing, advisory does not block", async () => {
        const stack = [ourPackage("churn-v1", "Rejected", ARN_V1), ourModel("scorer", ARN_V1)];
        assert.deepStrictEqual((await run(stack, { enforcementLevel: "disabled" })).diagnostics, []);
        assert.deepStrictEqual((await run(stack, { enforcementLevel: "advisory" })).diagnostics.map(d => d.enforcementLevel), ["advisory"]);
    });
});

// Issue 22: a package is an identity (partition, region, account, group, version), never a string.
describe("policy sagemaker-registry-approval: package identity", () => {
    const GROUP_ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn";
    const pending = (group: unknown, props: Record<string, unknown> = {}): TestResource =>
        ({ type: TYPES.ours.modelPackage!, name: "churn-v1", props: { ModelPackageGroupName: group, ModelApprovalStatus: "PendingManualApproval", region: "us-east-1", ...props } });
    const failOutside = (approvedPackages: string[] = []) => ({ unknownApproval: "fail", approvedPackages });

    it("a pending package of the stack whose group is given as an ARN is the one `GROUP/VERSION` serves (blocked, not an advisory)", async () => {
        // version known (after an up), ARN output not: the group's ARN and its name are the same group.
        for (const group of [GROUP_ARN, "churn", "CHURN"]) {
            const res = await run([pending(group, { version: 1 }), ourModel("scorer", "churn/1")]);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["mandatory"], group);
            assert.match(res.diagnostics[0].message, /serves model package "churn-v1" .* whose ModelApprovalStatus is "PendingManualApproval"/);
        }
        // at preview (version unknown), the container's dependency on it decides
        const preview = await run([pending(GROUP_ARN, { version: UNKNOWN, arn: UNKNOWN }), ourModel("scorer", "churn/1", ["churn-v1"])]);
        assert.deepStrictEqual(preview.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        // without the dependency it may be that package: onUnknown, never a silent pass
        const maybe = await run([pending(GROUP_ARN, { version: UNKNOWN, arn: UNKNOWN }), ourModel("scorer", "churn/1")], { onUnknown: "fail" });
        assert.match(messages(maybe, "mandatory")[0], /may be "churn-v1" of this stack/);
    });

    it("an Approved stack package declared by group name is taken in the model's account only: it never approves another account's ARN", async () => {
        const approvedByName = pending("churn", { version: 1, ModelApprovalStatus: "Approved" });
        assert.deepStrictEqual((await run([approvedByName, ourModel("scorer", ARN_V1)], failOutside())).diagnostics, []);
        const other = await run([approvedByName, ourModel("scorer", ARN_V1.replace("123456789012", "210987654321"))], failOutside());
        assert.match(messages(other, "mandatory")[0], /declared outside this stack/);
    });

    it("a package whose group input is group.arn (unknown at preview) is traced to the stack's group and its declared name", async () => {
        const group: TestResource = { type: "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup", name: "grp", props: { ModelPackageGroupName: "churn", arn: UNKNOWN } };
        const pkg: TestResource = { ...pending(UNKNOWN, { version: UNKNOWN, arn: UNKNOWN }), propertyDependencies: { ModelPackageGroupName: ["grp"] }, dependsOn: ["grp"] };
        // another group: not this package, so the allow-list and unknownApproval decide
        const other = await run([group, pkg, ourModel("scorer", "fraud/7")], failOutside(["fraud/7"]));
        assert.deepStrictEqual(other.diagnostics, []);
        // the same group: it may be this pending package
        const same = await run([group, pkg, ourModel("scorer", "churn/1")], { onUnknown: "fail" });
        assert.match(messages(same, "mandatory")[0] ?? "", /churn-v1.version is unknown during preview; so PrimaryContainer.ModelPackageName "churn\/1" may be "churn-v1" of this stack/);
    });

    it("a group ARN of another account or region is another group", async () => {
        const other = "arn:aws:sagemaker:us-east-1:999999999999:model-package-group/churn";
        const res = await run([pending(other, { version: 1 }), ourModel("scorer", "churn/1")], failOutside());
        assert.match(messages(res, "mandatory")[0], /declared outside this stack/);
        const west = await run([pending("churn", { version: 1, region: "us-west-2" }), ourModel("scorer", "churn/1")], failOutside());
        assert.match(messages(west, "mandatory")[0], /declared outside this stack/);
    });

    it("a stack package of another version never decides: churn/2 is not churn/1", async () => {
        const approvedV1 = ourPackage("churn-v1", "Approved", ARN_V1, 1);
        for (const served of ["churn/2", ARN_V2]) {
            const res = await run([approvedV1, ourModel("scorer", served)], failOutside());
            assert.match(messages(res, "mandatory")[0], /is version 2 of model package group "churn", declared outside this stack/, served);
        }
        // the same without its ARN output (group by name, version known): still version 2, not 1
        const approvedV2ByName = pending("churn", { version: 2, ModelApprovalStatus: "Approved" });
        assert.match(messages(await run([approvedV2ByName, ourModel("scorer", "churn/1")], failOutside()), "mandatory")[0], /is version 1 .* declared outside this stack/);
        const rejectedV2 = ourPackage("churn-v2", "Rejected", ARN_V2, 2);
        assert.deepStrictEqual((await run([rejectedV2, approvedV1, ourModel("scorer", "churn/1")])).diagnostics, []);
    });

    it("GROUP/VERSION in approvedPackages means the model's own account and region: not another account, region or partition", async () => {
        const same = "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/7";
        assert.deepStrictEqual((await run([ourModel("scorer", "fraud/7")], failOutside(["fraud/7"]))).diagnostics, []);
        assert.deepStrictEqual((await run([ourModel("scorer", same)], failOutside(["fraud/7"]))).diagnostics, []);
        for (const other of [
            OUTSIDE, // account 210987654321; the model's role is in 123456789012
            "arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud/7",
            "arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/fraud/7",
        ]) {
            assert.strictEqual((await run([ourModel("scorer", other)], failOutside(["fraud/7"]))).diagnostics.length, 1, other);
        }
    });

    it("an allow-listed ARN approves that account's version only", async () => {
        const listed = "arn:aws:sagemaker:us-east-1:111111111111:model-package/fraud/7";
        const res = await run([ourModel("scorer", OUTSIDE)], failOutside([listed]));
        assert.strictEqual(res.diagnostics.length, 1);
        assert.deepStrictEqual((await run([ourModel("scorer", listed)], failOutside([listed]))).diagnostics, []);
    });

    it("the same identity by AWS's rules (group name case) matches; spellings that are not one identity are reported", async () => {
        assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE.replace("/fraud/", "/FRAUD/"))], failOutside([OUTSIDE]))).diagnostics, []);
        for (const ref of ["churn/01", "churn/1/", "churn//1", "arn:aws:sagemaker:us-east-1:123456789012:model/churn/12",
            "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1/2", "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/0"]) {
            const res = await run([ourPackage("churn-v1", "Approved", ARN_V1), ourModel("scorer", ref)]);
            assert.match(messages(res, "mandatory")[0] ?? "", /does not name a model package this policy can identify/, ref);
        }
    });

    it("an unknown container list may serve anything: onUnknown", async () => {
        const m: TestResource = { type: TYPES.ours.model, name: "scorer", props: { Containers: UNKNOWN_ARRAY, ExecutionRoleArn: ROLE, region: "us-east-1" } };
        assert.deepStrictEqual((await run([m], { onUnknown: "fail" })).diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        assert.deepStrictEqual((await run([m])).diagnostics.map(d => d.enforcementLevel), ["advisory"]);
    });

    it("ModelApprovalStatus is read where the package's provider reads it; another spelling is reported", async () => {
        const native: TestResource = { type: TYPES["aws-native"].modelPackage!, name: "churn-v1",
            props: { modelPackageGroupName: "churn", ModelApprovalStatus: "Approved", modelPackageArn: ARN_V1, modelPackageVersion: 1 } };
        const res = await run([native, ourModel("scorer", ARN_V1)]);
        const ms = messages(res, "mandatory");
        assert.ok(ms.some(m => /modelApprovalStatus is <not set>/.test(m)), ms.join("\n"));
        assert.ok(ms.some(m => /ModelApprovalStatus is not a member the aws-native provider reads \(it reads modelApprovalStatus\)/.test(m)), ms.join("\n"));
    });

    it("requiredStage / requiredStageStatus: the declared ModelLifeCycle of a stack package must match", async () => {
        const cfg = { requiredStage: "Production", requiredStageStatus: "Approved" };
        const pkg = (lc?: unknown) => ({ ...ourPackage("churn-v1", "Approved", ARN_V1), props: { ...ourPackage("churn-v1", "Approved", ARN_V1).props, ModelLifeCycle: lc } });
        assert.deepStrictEqual((await run([pkg({ Stage: "Production", StageStatus: "Approved" }), ourModel("scorer", ARN_V1)], cfg)).diagnostics, []);
        const staging = await run([pkg({ Stage: "Staging", StageStatus: "Approved" }), ourModel("scorer", ARN_V1)], cfg);
        assert.match(messages(staging, "mandatory")[0], /its ModelLifeCycle has stage "Staging" \(required: "Production"\)/);
        const none = await run([pkg(undefined), ourModel("scorer", ARN_V1)], cfg);
        assert.match(messages(none, "mandatory")[0], /stage <not set> \(required: "Production"\) and stage status <not set>/);
    });
});
