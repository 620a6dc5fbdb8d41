// sagemaker-registry-approval, awsguard-style: one compliant stack, then one field changed per case
// and the message matched. Packages carry their outputs (arn, version) as stack validation sees them.
import * as assert from "assert";
import { registryApproval } from "../../../policy-pack/src/policies";
import { versionRef } from "../../../policy-pack/src/policies/registry-approval";
import { messages, runStackPolicy, TestResource, UNKNOWN } from "../../helpers/policy-args";
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
                `this stack, so this policy cannot see whether it is Approved. Fix: once it is Approved in the registry, add "${OUTSIDE}" to approvedPackages`), res.diagnostics[0].message);
        });

        it("unknownApproval fail: a violation", async () => {
            assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE)], { unknownApproval: "fail" })).diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        });

        it("approvedPackages: the exact ARN, or GROUP/VERSION, passes; another version does not", async () => {
            const config = (approvedPackages: string[]) => ({ unknownApproval: "fail", approvedPackages });
            assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE)], config([OUTSIDE]))).diagnostics, []);
            assert.deepStrictEqual((await run([ourModel("scorer", OUTSIDE)], config(["fraud/7"]))).diagnostics, []);
            assert.strictEqual((await run([ourModel("scorer", OUTSIDE)], config(["fraud/6", OUTSIDE.replace("/7", "/70")]))).diagnostics.length, 1);
        });

        it("a GROUP/VERSION name matches the stack's package of that group and version, else the allow-list", async () => {
            assert.match(messages(await run([ourPackage("churn-v1", "Rejected", ARN_V1), ourModel("scorer", "churn/1")]), "mandatory")[0], /serves model package "churn-v1"/);
            assert.deepStrictEqual((await run([ourModel("scorer", "churn/1")], { unknownApproval: "fail", approvedPackages: [ARN_V1] })).diagnostics, []);
        });
    });

    it("unversioned packages (no approval status) and non-package values are not judged here", async () => {
        for (const ref of ["arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-unversioned", "churn-unversioned"]) {
            assert.deepStrictEqual((await run([ourModel("scorer", ref)], { unknownApproval: "fail" })).diagnostics, [], ref);
        }
        assert.deepStrictEqual(versionRef("arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/12"), { group: "churn", version: "12", arn: "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/12" });
        assert.strictEqual(versionRef("arn:aws:sagemaker:us-east-1:123456789012:model/churn/12"), undefined);
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

    it("level from config: disabled reports nothing, advisory does not block", async () => {
        const stack = [ourPackage("churn-v1", "Rejected", ARN_V1), ourModel("scorer", ARN_V1)];
        assert.deepStrictEqual((await run(stack, { enforcementLevel: "disabled" })).diagnostics, []);
        assert.deepStrictEqual((await run(stack, { enforcementLevel: "advisory" })).diagnostics.map(d => d.enforcementLevel), ["advisory"]);
    });
});
