import * as assert from "assert";
import { networkIsolation } from "../../../policy-pack/src";
import { messages, runRemediation, runResourcePolicy, UNKNOWN, UNKNOWN_BOOL, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, model, REPS, TYPES } from "./fixtures";

const STACK = { stackConfig: { "aws:region": "us-east-1", "aws-native:region": "us-east-1" } };
const ISOLATION_KEY = { "ours": "EnableNetworkIsolation", "aws": "enableNetworkIsolation", "aws-native": "enableNetworkIsolation" } as const;

describe("policy sagemaker-network-isolation", () => {
    for (const rep of REPS) {
        describe(`representation ${rep}`, () => {
            it("passes a model with network isolation", async () => {
                const res = await runResourcePolicy(networkIsolation, model(rep, "m", { image: IMAGE_USE1, isolation: true }), STACK);
                assert.deepStrictEqual(res.diagnostics, []);
            });

            it("fails a model without network isolation, naming resource, value and fix", async () => {
                const res = await runResourcePolicy(networkIsolation, model(rep, "fraud", { image: IMAGE_USE1 }), STACK);
                const [m] = messages(res, "mandatory");
                assert.strictEqual(res.diagnostics.length, 1);
                assert.match(m, new RegExp(`Model "fraud" \\(${TYPES[rep].model.replace(/[/.]/g, "\\$&")}\\)`));
                assert.match(m, new RegExp(`${ISOLATION_KEY[rep]} is <not set>`));
                assert.match(m, new RegExp(`Fix: set ${ISOLATION_KEY[rep]}: true`));
            });

            it("fails an explicit false", async () => {
                const res = await runResourcePolicy(networkIsolation, model(rep, "m", { isolation: false }), STACK);
                assert.match(messages(res, "mandatory")[0], /is false/);
            });

            it("remediates by setting the flag in the resource's own naming, keeping unknowns", async () => {
                const r = model(rep, "m", { image: UNKNOWN, isolation: false });
                const out = await runRemediation(networkIsolation, r, { config: { enforcementLevel: "remediate" } });
                assert.strictEqual(out.props?.[ISOLATION_KEY[rep]], true);
                const container = out.props?.[rep === "ours" ? "PrimaryContainer" : "primaryContainer"] as Record<string, unknown>;
                assert.strictEqual(container[rep === "ours" ? "Image" : "image"], UNKNOWN);
            });
        });
    }

    it("does not remediate a compliant model", async () => {
        const out = await runRemediation(networkIsolation, model("ours", "m", { isolation: true }));
        assert.strictEqual(out.props, undefined);
    });

    it("remediates a model whose isolation flag is unknown", async () => {
        const out = await runRemediation(networkIsolation, model("aws", "m", { isolation: UNKNOWN_BOOL }));
        assert.strictEqual(out.props?.enableNetworkIsolation, true);
    });

    it("ignores model packages and other types", async () => {
        const pkg = await runResourcePolicy(networkIsolation, { type: TYPES.ours.modelPackage!, name: "p", props: {} });
        const other = await runResourcePolicy(networkIsolation, { type: "aws:s3/bucket:Bucket", name: "b", props: {} });
        assert.deepStrictEqual([pkg.diagnostics, other.diagnostics], [[], []]);
    });

    describe("config", () => {
        it("requireVpcConfig fails a model without VpcConfig and passes one with it", async () => {
            const config = { requireVpcConfig: true };
            const bad = await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: true }), { config });
            assert.match(messages(bad, "mandatory")[0], /VpcConfig is <not set>, without a subnet and a security group, and requireVpcConfig is on/);
            const good = await runResourcePolicy(networkIsolation, model("aws", "m", { isolation: true, vpc: true }), { config });
            assert.deepStrictEqual(good.diagnostics, []);
        });

        it("exempts by Pulumi name or model name (glob), as not applicable with the reason", async () => {
            const config = { exemptions: [{ namePattern: "legacy-*", reason: "vendor container downloads weights (JIRA-1)" }] };
            const byName = await runResourcePolicy(networkIsolation, model("ours", "legacy-ranker", {}), { config });
            assert.deepStrictEqual(byName.diagnostics, []);
            assert.match(byName.notApplicable ?? "", /legacy-\*.*JIRA-1/);
            const byPhysical = await runResourcePolicy(networkIsolation, model("aws", "x", {}), { config: { exemptions: [{ namePattern: "x-physical", reason: "r" }] } });
            assert.deepStrictEqual(byPhysical.diagnostics, []);
            const notExempt = await runResourcePolicy(networkIsolation, model("aws", "old", {}), { config });
            assert.strictEqual(notExempt.diagnostics.length, 1);
        });

        it("an exempted model is not remediated", async () => {
            const config = { enforcementLevel: "remediate", exemptions: [{ namePattern: "m", reason: "r" }] };
            const out = await runRemediation(networkIsolation, model("ours", "m", {}), { config });
            assert.strictEqual(out.props, undefined);
        });

        it("enforcementLevel from config changes the reported level; disabled reports nothing", async () => {
            const adv = await runResourcePolicy(networkIsolation, model("ours", "m", {}), { config: { enforcementLevel: "advisory" } });
            assert.strictEqual(adv.diagnostics[0].enforcementLevel, "advisory");
            const off = await runResourcePolicy(networkIsolation, model("ours", "m", {}), { config: { enforcementLevel: "disabled" } });
            assert.deepStrictEqual(off.diagnostics, []);
        });
    });

    describe("unknowns", () => {
        it("onUnknown fail (default) blocks on an unknown flag", async () => {
            const res = await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: UNKNOWN_BOOL }));
            assert.strictEqual(res.diagnostics.length, 1);
            assert.strictEqual(res.diagnostics[0].enforcementLevel, "mandatory");
            assert.match(res.diagnostics[0].message, /EnableNetworkIsolation is unknown during preview/);
        });

        it("onUnknown warn reports an advisory instead", async () => {
            const res = await runResourcePolicy(networkIsolation, model("aws-native", "m", { isolation: UNKNOWN_BOOL }), { config: { onUnknown: "warn" } });
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /enableNetworkIsolation is unknown during preview.*checked again once known/);
        });

        it("unknown VpcConfig with requireVpcConfig follows onUnknown", async () => {
            const r = model("ours", "m", { isolation: true });
            r.props.VpcConfig = UNKNOWN_OBJECT;
            const res = await runResourcePolicy(networkIsolation, r, { config: { requireVpcConfig: true, onUnknown: "warn" } });
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
        });

        it("unknown values elsewhere never crash nor matter", async () => {
            const r = model("ours", "m", { isolation: true, container: UNKNOWN_OBJECT });
            r.props.ExecutionRoleArn = UNKNOWN;
            const res = await runResourcePolicy(networkIsolation, r);
            assert.deepStrictEqual(res.diagnostics, []);
        });
    });
});
