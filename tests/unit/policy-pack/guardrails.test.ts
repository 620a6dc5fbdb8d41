// sagemakerGuardrails(): the library's policy list for a user's own pack. Options given in code are
// the policies' defaults (in the schema the engine fills in, and in the policy itself), levels are
// set per policy or for all, and a misspelt option fails loudly instead of being ignored.
import * as assert from "assert";
import { networkIsolationPolicy, readyPackArgs, regionMatchPolicy, sagemakerGuardrails } from "../../../policy-pack/src";
import { messages, runResourcePolicy } from "../../helpers/policy-args";
import { IMAGE_USE1, model } from "./fixtures";

const USE1 = { stackConfig: { "aws:region": "us-east-1" } };
const names = ["sagemaker-network-isolation", "sagemaker-region-match", "sagemaker-eula-acceptance", "sagemaker-registry-approval"];

describe("sagemakerGuardrails()", () => {
    it("returns every guardrail, mandatory, with the schema defaults of the policy's own defaults", () => {
        const policies = sagemakerGuardrails();
        assert.deepStrictEqual(policies.map(p => p.name), names);
        assert.ok(policies.every(p => p.enforcementLevel === "mandatory"));
        const region = policies[1].configSchema!.properties;
        assert.strictEqual(region.unknownBucketRegion.default, "warn");
        assert.strictEqual(region.allowedRegions.default, undefined);
        // The ready pack also lists the opt-in sagemaker-plaintext-secrets, disabled until its config gives a level.
        assert.deepStrictEqual(readyPackArgs().policies.map(p => [p.name, p.enforcementLevel]),
            [...names.map(n => [n, "mandatory"]), ["sagemaker-plaintext-secrets", "disabled"]]);
    });

    it("options given in code become the schema defaults the engine applies", () => {
        const [, region] = sagemakerGuardrails({ regionMatch: { allowedRegions: ["eu-west-1"], unknownBucketRegion: "fail" } });
        assert.deepStrictEqual(region.configSchema!.properties.allowedRegions.default, ["eu-west-1"]);
        assert.strictEqual(region.configSchema!.properties.unknownBucketRegion.default, "fail");
        // Options not given keep the policy's own default.
        assert.strictEqual(region.configSchema!.properties.nonEcrImages.default, "ignore");
    });

    it("the policy itself uses the code's options when the engine passes no config", async () => {
        const policy = regionMatchPolicy({ allowedRegions: ["eu-west-1"] });
        const blocked = await runResourcePolicy(policy, model("ours", "m", { image: IMAGE_USE1 }), USE1);
        assert.match(messages(blocked, "mandatory")[0], /deploys to "us-east-1" .*not in allowedRegions \["eu-west-1"\]/);
        // Config from --policy-pack-config overrides the code's option.
        const allowed = await runResourcePolicy(policy, model("ours", "m", { image: IMAGE_USE1 }), { ...USE1, config: { allowedRegions: ["us-east-1"] } });
        assert.deepStrictEqual(allowed.diagnostics, []);
    });

    it("levels: per policy, as a bare level, or for all; a policy's own level wins over the one for all", () => {
        const levels = (c: Parameters<typeof sagemakerGuardrails>[0]) => sagemakerGuardrails(c).map(p => p.enforcementLevel);
        assert.deepStrictEqual(levels({ eulaAcceptance: "advisory" }), ["mandatory", "mandatory", "advisory", "mandatory"]);
        assert.deepStrictEqual(levels({ enforcementLevel: "advisory" }), ["advisory", "advisory", "advisory", "advisory"]);
        assert.deepStrictEqual(levels({ enforcementLevel: "advisory", networkIsolation: { enforcementLevel: "remediate" }, regionMatch: "disabled" }),
            ["remediate", "disabled", "advisory", "advisory"]);
        assert.deepStrictEqual(levels({ enforcementLevel: "advisory", regionMatch: { allowedRegions: ["us-east-1"] }, registryApproval: { unknownApproval: "fail" } }),
            ["advisory", "advisory", "advisory", "advisory"]);
    });

    it("a misspelt key or option throws, naming it and the valid ones", () => {
        assert.throws(() => sagemakerGuardrails({ regionMach: {} } as never), /unknown key "regionMach"; the keys are enforcementLevel, networkIsolation, regionMatch, eulaAcceptance, registryApproval/);
        assert.throws(() => sagemakerGuardrails({ regionMatch: { alowedRegions: ["x"] } as never }), /sagemaker-region-match: unknown option "alowedRegions"; its options are allowedRegions,/);
        assert.throws(() => networkIsolationPolicy({ requireVpc: true } as never), /sagemaker-network-isolation: unknown option "requireVpc"/);
    });

    it("each call builds new policy objects: two packs' settings never leak into each other", () => {
        const a = sagemakerGuardrails({ regionMatch: { allowedRegions: ["eu-west-1"] } });
        const b = sagemakerGuardrails();
        assert.notStrictEqual(a[1], b[1]);
        assert.strictEqual(b[1].configSchema!.properties.allowedRegions.default, undefined);
    });
});
