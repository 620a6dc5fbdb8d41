// Issue 21 (mutation testing of the pack's policies/): sagemaker-registry-approval, one rule per test,
// each changing one field of an otherwise valid stack and matching the message's property, constraint
// and fix. Expected values come from the API model (ModelPackageVersion is an integer >= 1;
// ModelApprovalStatus Approved | Rejected | PendingManualApproval, default PendingManualApproval;
// ModelLifeCycle Stage / StageStatus are EntityName `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`; a model package
// ARN is arn:PARTITION:sagemaker:REGION:ACCOUNT:model-package/GROUP/VERSION) and the policy's documented
// config (docs/POLICIES.md), not from the policy's code.
import * as assert from "assert";
import Ajv = require("ajv");
import { registryApproval, registryApprovalPolicy } from "../../../policy-pack/src";
import { LiveRegistry } from "../../../policy-pack/src/registry/live-approval";
import { messages, runStackPolicy, TestResource, UNKNOWN, UNKNOWN_ARRAY } from "../../helpers/policy-args";
import { ROLE, TYPES } from "./fixtures";

const ARN_V1 = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";
const GROUP_TYPE = "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup";

/** A package of the stack (pulumi-sagemaker), declared by group; outputs (arn, version) only when given. */
function pkg(name: string, status: unknown, props: Record<string, unknown> = {}): TestResource {
    return { type: TYPES.ours.modelPackage!, name, props: { ModelPackageGroupName: "churn", ModelApprovalStatus: status, region: "us-east-1", ...props } };
}

function scorer(served: unknown, props: Record<string, unknown> = {}, deps?: { property?: string[]; all?: string[] }): TestResource {
    return {
        type: TYPES.ours.model, name: "scorer",
        props: { PrimaryContainer: { ModelPackageName: served }, ExecutionRoleArn: ROLE, EnableNetworkIsolation: true, region: "us-east-1", ...props },
        dependsOn: deps?.all ?? deps?.property ?? [], propertyDependencies: deps?.property ? { PrimaryContainer: deps.property } : {},
    };
}

const run = (resources: TestResource[], config?: Record<string, unknown>) => runStackPolicy(registryApproval, resources, { config });
const FAIL_OUTSIDE = { unknownApproval: "fail" };

describe("issue 21: sagemaker-registry-approval, one field at a time", () => {
    describe("config schema (what the engine validates before a run)", () => {
        const ajv = new Ajv({ allErrors: true });
        const schema = { type: "object", properties: registryApproval.configSchema!.properties, additionalProperties: false };
        const accepts = (config: object) => ajv.validate(schema, config);

        it("unknownApproval is advisory or fail", () => {
            assert.ok(accepts({ unknownApproval: "advisory" }) && accepts({ unknownApproval: "fail" }));
            assert.ok(!accepts({ unknownApproval: "explode" }));
        });

        it("approvedPackages lists versioned packages (GROUP/VERSION or a package ARN), each once", () => {
            assert.ok(accepts({ approvedPackages: ["fraud/7", ARN_V1] }));
            assert.ok(!accepts({ approvedPackages: "fraud/7" }));
            assert.ok(!accepts({ approvedPackages: ["fraud"] }));
            assert.ok(!accepts({ approvedPackages: ["fraud/0"] }));
            assert.ok(!accepts({ approvedPackages: [7] }));
            assert.ok(!accepts({ approvedPackages: ["fraud/7", "fraud/7"] }));
        });

        it("verifyLive is a boolean; requiredStage and requiredStageStatus are entity names", () => {
            assert.ok(accepts({ verifyLive: true, requiredStage: "Production", requiredStageStatus: "Approved" }));
            assert.ok(!accepts({ verifyLive: "yes" }));
            for (const bad of ["In Production", "-Production", "", 1]) {
                assert.ok(!accepts({ requiredStage: bad }), `requiredStage ${JSON.stringify(bad)}`);
                assert.ok(!accepts({ requiredStageStatus: bad }), `requiredStageStatus ${JSON.stringify(bad)}`);
            }
        });
    });

    it("the remediation names the three ways: an Approved package of the stack, verifyLive, approvedPackages", () => {
        for (const words of [/ModelApprovalStatus is "Approved"/, /verifyLive: true/, /approvedPackages/]) {
            assert.match(registryApproval.remediationSteps!, words);
        }
    });

    describe("packages of the stack", () => {
        it("an unknown declared status: the package, the member and what may not be Approved (an advisory by default)", async () => {
            const res = await run([pkg("churn-v1", UNKNOWN, { arn: ARN_V1, version: 1 }), scorer(ARN_V1)]);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /churn-v1.ModelApprovalStatus is unknown during preview; the model package "churn-v1" \(pulumi-nodejs:dynamic\/sagemaker:ModelPackage\) of this stack that PrimaryContainer.ModelPackageName serves may not be Approved/);
        });

        it("a misspelt approval status names the approval of that package", async () => {
            const res = await run([pkg("churn-v1", undefined, { arn: ARN_V1, version: 1, modelApprovalStatus: "Approved" }), scorer(ARN_V1)]);
            assert.match(messages(res, "mandatory").join("\n"), /modelApprovalStatus is not a member pulumi-sagemaker reads \(it reads ModelApprovalStatus\), so the approval of model package "churn-v1" .* of this stack is judged from/);
        });

        it("the package its ARN names exactly is judged, before packages that only may be it", async () => {
            const byArn = pkg("churn-v1", "Approved", { arn: ARN_V1, version: 1 });
            const byName = pkg("churn-v1-copy", "PendingManualApproval", { version: 1 });
            assert.deepStrictEqual((await run([byArn, byName, scorer(ARN_V1)])).diagnostics, []);
            // The same when its identity is complete from a group ARN and the version output.
            const byGroupArn = pkg("churn-v1", "Approved", { ModelPackageGroupName: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn", version: 1 });
            assert.deepStrictEqual((await run([byGroupArn, byName, scorer(ARN_V1)])).diagnostics, []);
        });

        it("a stack package of another account (its group ARN) is not one a name in the model's account may be", async () => {
            const other = pkg("churn-v1", "PendingManualApproval", { ModelPackageGroupName: "arn:aws:sagemaker:us-east-1:999999999999:model-package-group/churn", version: UNKNOWN });
            const res = await run([other, scorer("churn/1")], { ...FAIL_OUTSIDE, onUnknown: "fail" });
            assert.match(messages(res, "mandatory")[0], /is version 1 of model package group "churn", declared outside this stack/);
        });

        it("a stack package by group name is in the model's account: an ARN of another account is not it", async () => {
            const byName = pkg("churn-v1", "PendingManualApproval", { version: UNKNOWN });
            const res = await run([byName, scorer(ARN_V1.replace("123456789012", "210987654321"))], { ...FAIL_OUTSIDE, onUnknown: "fail" });
            assert.match(messages(res, "mandatory")[0], /declared outside this stack/);
        });

        it("a stack package in a region no partition claims is still indexed, never a crash", async () => {
            const res = await run([pkg("churn-v1", "Rejected", { version: 1, region: "xx-moon-1" }), scorer("churn/1")], FAIL_OUTSIDE);
            assert.match(messages(res, "mandatory")[0], /declared outside this stack/);
        });

        it("a version output written as a string counts as the version; one that is not a version number does not", async () => {
            for (const version of ["1", "123"]) {
                const res = await run([pkg("churn-v1", "Rejected", { version }), scorer(`churn/${version}`)]);
                assert.match(messages(res, "mandatory")[0], /serves model package "churn-v1" .* whose ModelApprovalStatus is "Rejected"/, version);
            }
            // "01" and "1x" are no version: the package may be churn/1, never silently it or silently not.
            for (const version of ["01", "1x", "x1", "0", "1234567890"]) {
                const res = await run([pkg("churn-v1", "Rejected", { version }), scorer("churn/1")]);
                assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"], version);
                assert.match(res.diagnostics[0].message, /may be "churn-v1" of this stack, not all Approved/, version);
            }
        });
    });

    describe("a package that may be the one served (preview, or outputs not declared)", () => {
        it("its ARN output unknown: named as the unknown part", async () => {
            const res = await run([pkg("churn-v1", "PendingManualApproval", { version: 1, arn: UNKNOWN }), scorer("churn/1")]);
            assert.match(messages(res, "advisory")[0], /churn-v1.arn is unknown during preview; so PrimaryContainer.ModelPackageName "churn\/1" may be "churn-v1" of this stack, not all Approved/);
        });

        it("its group unknown and traced to no stack group: named as the unknown part", async () => {
            const res = await run([pkg("churn-v1", "PendingManualApproval", { ModelPackageGroupName: UNKNOWN, version: 1 }), scorer("churn/1")]);
            assert.match(messages(res, "advisory")[0], /churn-v1.group is unknown during preview; so .* may be "churn-v1"/);
        });

        it("its version not declared, or its region not known: it may be the one served (the account is what is named)", async () => {
            const noVersion = await run([pkg("churn-v1", "PendingManualApproval"), scorer("churn/1")]);
            assert.match(messages(noVersion, "advisory")[0], /churn-v1.account is unknown during preview; so .* may be "churn-v1"/);
            const noRegion = await run([pkg("churn-v1", "PendingManualApproval", { version: 1, region: undefined }), scorer("churn/1")]);
            assert.match(messages(noRegion, "advisory")[0], /may be "churn-v1"/);
        });

        it("two candidates: both named", async () => {
            const res = await run([pkg("a", "PendingManualApproval"), pkg("b", "PendingManualApproval"), scorer("churn/1")]);
            assert.match(messages(res, "advisory")[0], /a\.account, b\.account is unknown during preview; so .* may be "a" or "b" of this stack, not all Approved/);
        });

        it("only Approved candidates: the outside judgement decides (the allow-list)", async () => {
            const res = await run([pkg("churn-v1", "Approved", { version: UNKNOWN }), scorer("churn/1")], { ...FAIL_OUTSIDE, approvedPackages: ["churn/1"] });
            assert.deepStrictEqual(res.diagnostics, []);
        });

        it("a group input traced to two stack groups is not either", async () => {
            const groups: TestResource[] = [
                { type: GROUP_TYPE, name: "g1", props: { ModelPackageGroupName: "churn" } },
                { type: GROUP_TYPE, name: "g2", props: { ModelPackageGroupName: "fraud" } },
            ];
            const p: TestResource = { ...pkg("churn-v1", "PendingManualApproval", { ModelPackageGroupName: UNKNOWN, version: 1 }), propertyDependencies: { ModelPackageGroupName: ["g1", "g2"] } };
            const res = await run([...groups, p, scorer("churn/1")]);
            assert.match(messages(res, "advisory")[0], /churn-v1.group is unknown during preview/);
        });

        it("a group input traced to one stack group and a resource that is no group is that group's", async () => {
            const group: TestResource = { type: GROUP_TYPE, name: "g1", props: { ModelPackageGroupName: "churn" } };
            const role: TestResource = { type: "aws:iam/role:Role", name: "role", props: { name: "sm" } };
            const p: TestResource = { ...pkg("churn-v1", "PendingManualApproval", { ModelPackageGroupName: UNKNOWN, version: 1 }), propertyDependencies: { ModelPackageGroupName: ["g1", "role"] } };
            const res = await run([group, role, p, scorer("churn/1")]);
            assert.match(messages(res, "mandatory")[0], /serves model package "churn-v1" .* whose ModelApprovalStatus is "PendingManualApproval"/);
        });

        it("at preview, the container's own property dependencies decide before the model's other dependencies", async () => {
            const v1 = pkg("v1", "Approved", { arn: UNKNOWN, version: UNKNOWN });
            const v2 = pkg("v2", "Rejected", { arn: UNKNOWN, version: UNKNOWN });
            assert.deepStrictEqual((await run([v1, v2, scorer(UNKNOWN, {}, { property: ["v1"], all: ["v1", "v2"] })])).diagnostics, []);
        });

        it("at preview, a dependency that is no package of the stack is not counted", async () => {
            const role: TestResource = { type: "aws:iam/role:Role", name: "role", props: { name: "sm" } };
            const v1 = pkg("v1", "Approved", { arn: UNKNOWN, version: UNKNOWN });
            assert.deepStrictEqual((await run([role, v1, scorer(UNKNOWN, {}, { property: ["v1", "role"] })])).diagnostics, []);
        });
    });

    describe("ModelLifeCycle (requiredStage, requiredStageStatus) of a stack package", () => {
        const lc = (ModelLifeCycle: unknown) => pkg("churn-v1", "Approved", { arn: ARN_V1, version: 1, ModelLifeCycle });

        it("each requirement alone is checked", async () => {
            const stage = await run([lc({ Stage: "Staging", StageStatus: "Approved" }), scorer(ARN_V1)], { requiredStage: "Production" });
            assert.match(messages(stage, "mandatory")[0], /its ModelLifeCycle has stage "Staging" \(required: "Production"\)\. Fix: serve a version in that stage, or set its ModelLifeCycle\./);
            const status = await run([lc({ Stage: "Production", StageStatus: "PendingApproval" }), scorer(ARN_V1)], { requiredStageStatus: "Approved" });
            assert.match(messages(status, "mandatory")[0], /its ModelLifeCycle has stage status "PendingApproval" \(required: "Approved"\)/);
        });

        it("without a requirement the lifecycle is not read: neither an unknown nor a misspelt one is reported", async () => {
            assert.deepStrictEqual((await run([lc(UNKNOWN), scorer(ARN_V1)], { onUnknown: "fail" })).diagnostics, []);
            assert.deepStrictEqual((await run([lc({ stage: "Production" }), scorer(ARN_V1)])).diagnostics, []);
        });

        it("a misspelt Stage or StageStatus names the lifecycle requirement it hides from", async () => {
            const res = await run([lc({ stage: "Production", stagestatus: "Approved" }), scorer(ARN_V1)], { requiredStage: "Production", requiredStageStatus: "Approved" });
            const all = messages(res, "mandatory").join("\n");
            assert.match(all, /ModelLifeCycle.stage is not a member .* so the lifecycle stage of model package "churn-v1"/);
            assert.match(all, /ModelLifeCycle.stagestatus is not a member .* so the lifecycle stage status of model package "churn-v1"/);
        });

        it("an unknown stage or stage status: the package's lifecycle may not be the required one", async () => {
            for (const value of [{ Stage: UNKNOWN, StageStatus: "Approved" }, { Stage: "Production", StageStatus: UNKNOWN }]) {
                const res = await run([lc(value), scorer(ARN_V1)], { requiredStage: "Production", requiredStageStatus: "Approved" });
                assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"], JSON.stringify(value));
                assert.match(res.diagnostics[0].message, /churn-v1.ModelLifeCycle.Stage is unknown during preview; the model package "churn-v1" .* may not be in the required lifecycle stage/);
            }
        });
    });

    describe("packages outside the stack", () => {
        const OUTSIDE = "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/7";

        it("listed in approvedPackages while a lifecycle stage is required: it cannot tell the stage (set verifyLive)", async () => {
            for (const req of [{ requiredStage: "Production" }, { requiredStageStatus: "Approved" }]) {
                const res = await run([scorer(OUTSIDE)], { ...FAIL_OUTSIDE, approvedPackages: [OUTSIDE], ...req });
                assert.match(messages(res, "mandatory")[0], /approvedPackages says it is Approved, but not which lifecycle stage it is in \(set verifyLive\)/, JSON.stringify(req));
            }
        });

        it("an allow-list entry that is no versioned package (given in code, past the schema) approves nothing", async () => {
            const policy = registryApprovalPolicy({ unknownApproval: "fail", approvedPackages: ["fraud", "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud"] });
            const res = await runStackPolicy(policy, [scorer("fraud/7")]);
            assert.match(messages(res, "mandatory")[0], /is version 7 of model package group "fraud", declared outside this stack/);
        });

        it("verifyLive without a known model region: says why the registry was not asked, and names the permission", async () => {
            const res = await run([scorer("fraud/7", { region: undefined })], { ...FAIL_OUTSIDE, verifyLive: true });
            const [m] = messages(res, "mandatory");
            assert.match(m, /is version 7 of model package group "fraud", declared outside this stack; verifyLive could not ask SageMaker: the model's region is not known\./);
            assert.match(m, /Fix: give the preview's identity sagemaker:DescribeModelPackage, or once it is Approved in the registry, add "fraud\/7" to approvedPackages/);
        });

        it("verifyLive closes its registry client once the stack is judged", async () => {
            const close = LiveRegistry.prototype.close;
            let closed = 0;
            LiveRegistry.prototype.close = function (this: LiveRegistry) {
                closed++;
                return close.call(this);
            };
            try {
                await run([scorer("fraud/7", { region: undefined })], { verifyLive: true });
            } finally {
                LiveRegistry.prototype.close = close;
            }
            assert.strictEqual(closed, 1);
        });

        it("a model without a region or an execution role: names resolve to an untold account and region, never a crash", async () => {
            const res = await run([scorer("fraud/7", { region: undefined, ExecutionRoleArn: undefined })], { ...FAIL_OUTSIDE, approvedPackages: ["fraud/7"] });
            assert.deepStrictEqual(res.diagnostics, []);
            const other = await run([scorer(OUTSIDE, { region: undefined, ExecutionRoleArn: undefined })], { ...FAIL_OUTSIDE, approvedPackages: ["fraud/7"] });
            assert.strictEqual(messages(other, "mandatory").length, 1);
        });

        it("a model in a region no partition claims: GROUP/VERSION still resolves, never a crash", async () => {
            const res = await run([scorer("fraud/7", { region: "xx-moon-1" })], { ...FAIL_OUTSIDE, approvedPackages: ["fraud/7"] });
            assert.deepStrictEqual(res.diagnostics, []);
        });
    });

    describe("what the model serves", () => {
        it("an unknown container list: it may serve a version that is not Approved", async () => {
            const m: TestResource = { type: TYPES.ours.model, name: "scorer", props: { Containers: UNKNOWN_ARRAY, ExecutionRoleArn: ROLE, region: "us-east-1" } };
            assert.match(messages(await run([m]), "advisory")[0], /Containers is unknown during preview; it may serve a model package version that is not Approved/);
        });

        it("a reference that is not a string is left to sagemaker-region-match", async () => {
            assert.deepStrictEqual((await run([scorer(42)], FAIL_OUTSIDE)).diagnostics, []);
        });

        it("a reference it cannot identify: the fix gives both forms", async () => {
            const m = messages(await run([scorer("churn/01")]), "mandatory")[0];
            assert.match(m, /Fix: write it as GROUP\/VERSION or arn:PARTITION:sagemaker:REGION:ACCOUNT:model-package\/GROUP\/VERSION\./);
        });
    });
});
