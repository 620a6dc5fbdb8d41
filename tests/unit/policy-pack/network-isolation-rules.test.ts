// Issue 21 (mutation testing of the pack's policies/): sagemaker-network-isolation, one rule per test,
// each changing one field of an otherwise valid model. Expected values come from the API model
// (CreateModel: EnableNetworkIsolation is a boolean; VpcConfig needs Subnets and SecurityGroupIds, each
// 1-16 ids; SubnetId / SecurityGroupId `[-0-9a-zA-Z]+`) and from the policy's documented config (exemptions
// match the whole Pulumi name or model name with * and ?), not from the policy's code.
import * as assert from "assert";
import Ajv = require("ajv");
import { networkIsolation } from "../../../policy-pack/src";
import { messages, runResourcePolicy, TestResource, UNKNOWN, UNKNOWN_ARRAY, UNKNOWN_BOOL } from "../../helpers/policy-args";
import { IMAGE_USE1, model } from "./fixtures";

const REQUIRE_VPC = { config: { requireVpcConfig: true, onUnknown: "warn" } };
const isolated = (vpc: unknown, rep: "ours" | "aws" = "ours"): TestResource => {
    const r = model(rep, "m", { image: IMAGE_USE1, isolation: true });
    r.props[rep === "ours" ? "VpcConfig" : "vpcConfig"] = vpc;
    return r;
};

describe("issue 21: sagemaker-network-isolation, one field at a time", () => {
    describe("config schema (what the engine validates before a run)", () => {
        const ajv = new Ajv({ allErrors: true });
        const schema = { type: "object", properties: networkIsolation.configSchema!.properties, additionalProperties: false };
        const accepts = (config: object) => ajv.validate(schema, config);

        it("requireVpcConfig is a boolean", () => {
            assert.ok(accepts({ requireVpcConfig: true }));
            assert.ok(!accepts({ requireVpcConfig: "yes" }));
        });

        it("an exemption is a non-empty namePattern and a non-empty reason, nothing else", () => {
            assert.ok(accepts({ exemptions: [{ namePattern: "legacy-*", reason: "JIRA-1" }] }));
            assert.ok(!accepts({ exemptions: [{ namePattern: "", reason: "JIRA-1" }] }));
            assert.ok(!accepts({ exemptions: [{ namePattern: 1, reason: "JIRA-1" }] }));
            assert.ok(!accepts({ exemptions: [{ namePattern: "legacy-*", reason: "" }] }));
            assert.ok(!accepts({ exemptions: [{ namePattern: "legacy-*", reason: 1 }] }));
            assert.ok(!accepts({ exemptions: [{ namePattern: "legacy-*", reason: "JIRA-1", until: "2027" }] }));
        });
    });

    describe("what the policy says about itself", () => {
        it("the remediation names the flag in each spelling, the VPC alternative with an exemption, and remediate", () => {
            for (const words of [/EnableNetworkIsolation: true/, /enableNetworkIsolation with @pulumi\/aws or aws-native/, /VpcConfig with endpoints/, /namePattern and a reason/, /enforcementLevel "remediate"/]) {
                assert.match(networkIsolation.remediationSteps!, words);
            }
        });
    });

    describe("the isolation flag", () => {
        it("false is named as is; a string \"yes\" is named as not the boolean true", async () => {
            const no = messages(await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: false })), "mandatory")[0];
            assert.match(no, /EnableNetworkIsolation is false, so its containers can make outbound calls\./);
            const yes = messages(await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: "yes" })), "mandatory")[0];
            assert.match(yes, /EnableNetworkIsolation is "yes" \(not the boolean true\), so its containers can make outbound calls\./);
        });

        it("the fix offers an exemption for the model by its Pulumi name", async () => {
            const m = messages(await runResourcePolicy(networkIsolation, model("ours", "fraud", {})), "mandatory")[0];
            assert.match(m, /or exempt the model with \{"namePattern": "fraud", "reason": "\.\.\."\}/);
        });

        it("unknown: isolation may end up disabled", async () => {
            const m = messages(await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: UNKNOWN_BOOL })), "mandatory")[0];
            assert.match(m, /EnableNetworkIsolation is unknown during preview; network isolation may end up disabled/);
        });

        it("a misspelt flag names what is judged without it", async () => {
            const r = model("aws", "m", { isolation: true });
            r.props.EnableNetworkIsolation = true;
            const m = messages(await runResourcePolicy(networkIsolation, r), "mandatory")[0];
            assert.match(m, /EnableNetworkIsolation is not a member the aws provider reads \(it reads enableNetworkIsolation\), so network isolation is judged from enableNetworkIsolation true/);
        });
    });

    describe("exemptions", () => {
        it("a pattern matches the whole name, not a prefix of it", async () => {
            const config = { exemptions: [{ namePattern: "legacy", reason: "r" }] };
            const res = await runResourcePolicy(networkIsolation, model("ours", "legacy-ranker", {}), { config });
            assert.strictEqual(res.notApplicable, undefined);
            assert.strictEqual(messages(res, "mandatory").length, 1);
        });

        it("a model without a name of its own is matched by its Pulumi name", async () => {
            const r = model("aws", "m", {});
            delete r.props.name;
            const other = await runResourcePolicy(networkIsolation, r, { config: { exemptions: [{ namePattern: "x*", reason: "r" }] } });
            assert.strictEqual(messages(other, "mandatory").length, 1);
            const own = await runResourcePolicy(networkIsolation, r, { config: { exemptions: [{ namePattern: "m", reason: "r" }] } });
            assert.deepStrictEqual(own.diagnostics, []);
        });
    });

    describe("requireVpcConfig", () => {
        it("without subnets only, or without security groups only, names just what is missing", async () => {
            const noSubnets = messages(await runResourcePolicy(networkIsolation, isolated({ Subnets: [], SecurityGroupIds: ["sg-1"] }), REQUIRE_VPC), "mandatory");
            assert.match(noSubnets[0], /VpcConfig is \{.*\}, without a subnet, and requireVpcConfig is on\./);
            const noGroups = messages(await runResourcePolicy(networkIsolation, isolated({ Subnets: ["subnet-1"], SecurityGroupIds: [""] }), REQUIRE_VPC), "mandatory");
            assert.match(noGroups[0], /, without a security group, and requireVpcConfig is on\./);
        });

        it("the fix names both lists, each with at least one non-empty id", async () => {
            const m = messages(await runResourcePolicy(networkIsolation, isolated(undefined, "aws"), REQUIRE_VPC), "mandatory")[0];
            assert.match(m, /Fix: set vpcConfig.subnets and vpcConfig.securityGroupIds, each with at least one non-empty id, for the VPC the model runs in\./);
        });

        it("a VpcConfig that is a list has neither subnets nor security groups", async () => {
            const m = messages(await runResourcePolicy(networkIsolation, isolated([{ Subnets: ["subnet-1"], SecurityGroupIds: ["sg-1"] }]), REQUIRE_VPC), "mandatory")[0];
            assert.match(m, /without a subnet and a security group/);
        });

        it("an unknown VpcConfig: the model may run outside a VPC", async () => {
            const res = await runResourcePolicy(networkIsolation, isolated(UNKNOWN), REQUIRE_VPC);
            assert.match(messages(res, "advisory")[0], /VpcConfig is unknown during preview; the model may run outside a VPC/);
        });

        it("an unknown subnet list, or only unknown ids, is unknown, not missing", async () => {
            for (const subnets of [UNKNOWN_ARRAY, [UNKNOWN], ["", UNKNOWN]]) {
                const res = await runResourcePolicy(networkIsolation, isolated({ Subnets: subnets, SecurityGroupIds: ["sg-1"] }), REQUIRE_VPC);
                assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"], JSON.stringify(subnets));
                assert.match(res.diagnostics[0].message, /VpcConfig.Subnets is unknown during preview; the model may run without it in its VPC/);
            }
            const groups = await runResourcePolicy(networkIsolation, isolated({ Subnets: ["subnet-1"], SecurityGroupIds: UNKNOWN_ARRAY }), REQUIRE_VPC);
            assert.match(messages(groups, "advisory")[0], /VpcConfig.SecurityGroupIds is unknown during preview/);
        });

        it("misspelt subnet and security group keys name the VPC requirement", async () => {
            const m = messages(await runResourcePolicy(networkIsolation, isolated({ subnets: ["subnet-1"], securityGroupIds: ["sg-1"] }), REQUIRE_VPC), "mandatory");
            assert.match(m.join("\n"), /VpcConfig.subnets is not a member pulumi-sagemaker reads \(it reads VpcConfig.Subnets\), so the VPC requirement is judged from/);
            assert.match(m.join("\n"), /VpcConfig.securityGroupIds is not a member pulumi-sagemaker reads \(it reads VpcConfig.SecurityGroupIds\), so the VPC requirement is judged from/);
            const vpc = isolated({ Subnets: ["subnet-1"], SecurityGroupIds: ["sg-1"] });
            vpc.props.vpcConfig = {};
            assert.match(messages(await runResourcePolicy(networkIsolation, vpc, REQUIRE_VPC), "mandatory")[0], /vpcConfig is not a member .* so the VPC requirement is judged from VpcConfig/);
        });
    });
});
