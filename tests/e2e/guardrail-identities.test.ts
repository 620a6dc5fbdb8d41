// Issue 22 with the real CLI: a program with one model per identity class and a control model each
// (tests/e2e/fixtures/identities) is previewed with the pack. Every class is blocked, no control is.
// Classes a pulumi-sagemaker program cannot express (check() rejects a member in another case, empty
// VPC ids and non-boolean flags before any policy runs) are in tests/unit/policy-pack/identities.test.ts.
import { strict as assert } from "assert";
import { POLICY_PACK_DIR, PulumiStack, createStack, fixtureDir, policyViolations, violationsAt, writePolicyConfig } from "../helpers/e2e";

const CONFIG = {
    "sagemaker-registry-approval": { unknownApproval: "fail", approvedPackages: ["fraud/7"] },
    "sagemaker-eula-acceptance": {
        onUnknown: "fail",
        approvedModels: [{
            modelId: "meta-textgeneration-llama-3-8b", approvedBy: "legal@example.com", ticket: "LEGAL-1",
            s3Prefixes: ["s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/meta-textgeneration-llama-3-8b/"],
        }],
    },
};

const CONTROLS = ["group-arn-approved", "own-account-allowlisted", "approved-https", "known-model-data-url"];
const unique = (byPolicy: Record<string, string[]>) => Object.fromEntries(Object.entries(byPolicy).map(([k, v]) => [k, [...new Set(v)]]));

describe("e2e: issue 22's identity classes are blocked by pulumi preview --policy-pack, their controls are not", function () {
    this.timeout(10 * 60_000);
    let stack: PulumiStack;
    let output: string;
    let code: number;

    before(async () => {
        stack = await createStack(fixtureDir("identities"), { name: "e2e-identities" });
        const preview = await stack.preview(["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", writePolicyConfig(CONFIG)]);
        output = preview.output;
        code = preview.code;
    });

    after(async () => {
        await stack?.dispose();
    });

    it("blocks the preview, and nothing failed before the policies ran", () => {
        assert.notEqual(code, 0, output);
        assert.ok(!/error: .*(check|validation) failed|ValidationException|Check failed/i.test(output), output);
    });

    it("reports each class as a mandatory violation of the policy it slipped past", () => {
        assert.deepEqual(unique(violationsAt(output, "mandatory")), {
            "sagemaker-eula-acceptance": ["dot-segment", "unknown-model-data-url"],
            "sagemaker-region-match": ["dot-segment"],
            "sagemaker-registry-approval": ["cross-account-allowlisted", "group-arn-pending"],
        }, output);
    });

    it("says why, in the resource's own spelling", () => {
        for (const [name, text] of [
            ["group-arn-pending", "serves model package \"ids-v1\""],
            ["cross-account-allowlisted", "is version 7 of model package group \"fraud\", declared outside this stack"],
            ["dot-segment", "the key has a \".\" or \"..\" segment"],
            ["unknown-model-data-url", "PrimaryContainer.ModelDataUrl is unknown during preview"],
        ]) {
            assert.ok(output.split("\n").some(l => l.includes(`"${name}"`) && l.includes(text)), `${name}: no message with ${text}\n${output}`);
        }
    });

    it("blocks no control model", () => {
        const blocked = policyViolations(output).filter(v => v.level === "mandatory").map(v => v.name);
        for (const control of CONTROLS) {
            assert.ok(!blocked.includes(control), `${control} was blocked:\n${output}`);
        }
    });
});
