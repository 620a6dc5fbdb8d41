// Issue 6, end to end: the sagemaker-guardrails policy pack run by the real Pulumi CLI
// (`pulumi preview --policy-pack`, `--policy-pack-config`, `pulumi policy analyze`) on the examples.
import { strict as assert } from "assert";
import * as path from "path";
import {
    EXAMPLES_DIR, MODEL, POLICIES, POLICY_PACK_DIR, PulumiStack, assertEndpointEmpty, assertOk, createStack,
    exampleDir, policyViolations, violationsAt, writePolicyConfig, useE2eEndpoint,
} from "../helpers/e2e";

const PACK = ["--policy-pack", POLICY_PACK_DIR];
const withConfig = (file: string): string[] => [...PACK, "--policy-pack-config", file];

/** What examples/non-compliant declares: one model per policy. */
const NON_COMPLIANT = {
    "sagemaker-network-isolation": ["no-isolation"],
    "sagemaker-region-match": ["cross-region-image"],
    "sagemaker-eula-acceptance": ["gated-without-eula"],
    "sagemaker-registry-approval": ["serves-unapproved"],
};

/*
 * No advisory besides: serves-unapproved's ModelPackageName is the ARN of a package not yet created,
 * unknown during preview, but the package is declared in this stack in the deployment region, so
 * region-match places it by that resource's region and has nothing to report (issue 25).
 */

describe("e2e: the sagemaker-guardrails policy pack with the real Pulumi CLI", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let quickstart: PulumiStack;
    let nonCompliant: PulumiStack;
    let gated: PulumiStack;

    before(async () => {
        quickstart = await createStack(exampleDir("quickstart"), { endpoint: t.endpoint, name: "e2e-policy-quickstart" });
        nonCompliant = await createStack(exampleDir("non-compliant"), { endpoint: t.endpoint, name: "e2e-policy-noncompliant" });
        gated = await createStack(exampleDir("gated-foundation-model"), { endpoint: t.endpoint, name: "e2e-policy-gated" });
    });

    after(async () => {
        for (const stack of [quickstart, nonCompliant, gated]) {
            await stack?.destroy().catch(() => undefined);
            await stack?.dispose();
        }
    });

    describe("pulumi preview --policy-pack", () => {
        it("passes the compliant program (quickstart): exit 0, no mandatory violation", async () => {
            const preview = await quickstart.preview(PACK);
            assertOk(preview, "preview of examples/quickstart with the pack");
            assert.match(preview.output, /sagemaker-guardrails@v0\.1\.0/, "the pack did not run");
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
            // Without a pack config the only report is the advisory about the artifact bucket, whose
            // region the pack cannot know (unknownBucketRegion defaults to warn). With
            // examples/policy-config.json, which maps the bucket, there is none (examples.test.ts).
            assert.deepEqual(violationsAt(preview.output, "advisory"), { "sagemaker-region-match": ["quickstart"] }, preview.output);
            assert.equal(policyViolations(preview.output).length, 1, preview.output);
            assert.match(preview.output, /quickstart-models-us-east-1/, preview.output);
        });

        it("blocks the non-compliant example: non-zero exit, one [mandatory] line per policy naming its model", async () => {
            const preview = await nonCompliant.preview(PACK);
            assert.notEqual(preview.code, 0, preview.output);
            assert.deepEqual(violationsAt(preview.output, "mandatory"), NON_COMPLIANT, preview.output);
            for (const policy of POLICIES) {
                assert.match(preview.output, new RegExp(`\\[mandatory\\]\\s+(\\[severity: \\w+\\]\\s+)?${policy}\\s+\\(${MODEL}: `), preview.output);
            }
            assert.match(preview.output, /Model "cross-region-image" .*"eu-west-1".*"us-east-1"/, preview.output);
            assert.match(preview.output, /Model "no-isolation" .*EnableNetworkIsolation is false/, preview.output);
            assert.match(preview.output, /Model "gated-without-eula" .*AcceptEula is <not set>/, preview.output);
            // Nothing was deployed.
            assert.deepEqual(await nonCompliant.resourcesOfType(MODEL), []);
        });
    });

    describe("--policy-pack-config", () => {
        it("changes levels: every policy advisory lets the non-compliant preview pass with [advisory] lines", async () => {
            const file = writePolicyConfig(Object.fromEntries(POLICIES.map((p) => [p, "advisory"])));
            const preview = await nonCompliant.preview(withConfig(file));
            assertOk(preview, "preview with every policy advisory");
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
            assert.deepEqual(violationsAt(preview.output, "advisory"), NON_COMPLIANT, preview.output);
        });

        it("changes levels: a disabled policy reports nothing, the others still block", async () => {
            const file = writePolicyConfig({ "sagemaker-eula-acceptance": "disabled", "sagemaker-network-isolation": { enforcementLevel: "advisory" } });
            const preview = await nonCompliant.preview(withConfig(file));
            assert.notEqual(preview.code, 0, preview.output);
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {
                "sagemaker-region-match": ["cross-region-image"],
                "sagemaker-registry-approval": ["serves-unapproved"],
            }, preview.output);
            assert.deepEqual(violationsAt(preview.output, "advisory"), { "sagemaker-network-isolation": ["no-isolation"] }, preview.output);
            assert.ok(!policyViolations(preview.output).some((v) => v.policy === "sagemaker-eula-acceptance"), preview.output);
        });

        it("changes config: an exemption by name pattern removes the isolation violation", async () => {
            const file = writePolicyConfig({
                "sagemaker-network-isolation": { exemptions: [{ namePattern: "no-iso*", reason: "e2e: vendor container (TEST-1)" }] },
            });
            const preview = await nonCompliant.preview(withConfig(file));
            assert.notEqual(preview.code, 0, preview.output);
            const { "sagemaker-network-isolation": _removed, ...rest } = NON_COMPLIANT;
            assert.deepEqual(violationsAt(preview.output, "mandatory"), rest, preview.output);
            assert.ok(!policyViolations(preview.output).some((v) => v.policy === "sagemaker-network-isolation"), preview.output);
        });

        it("changes config: allowedRegions without us-east-1 makes the compliant program fail", async () => {
            const file = writePolicyConfig({ "sagemaker-region-match": { allowedRegions: ["eu-west-1", "eu-central-1"] } });
            const preview = await quickstart.preview(withConfig(file));
            assert.notEqual(preview.code, 0, preview.output);
            assert.deepEqual(violationsAt(preview.output, "mandatory"), { "sagemaker-region-match": ["quickstart"] }, preview.output);
            assert.match(preview.output, /"us-east-1"/, preview.output);
            assert.match(preview.output, /allowedRegions/, preview.output);
        });

        it("the gated example passes with examples/policy-config.json and fails without it", async () => {
            const approved = await gated.preview(withConfig(path.join(EXAMPLES_DIR, "policy-config.json")));
            assertOk(approved, "preview of examples/gated-foundation-model with examples/policy-config.json");
            assert.deepEqual(violationsAt(approved.output, "mandatory"), {}, approved.output);

            const unapproved = await gated.preview(PACK);
            assert.notEqual(unapproved.code, 0, unapproved.output);
            assert.deepEqual(violationsAt(unapproved.output, "mandatory"), { "sagemaker-eula-acceptance": ["llama-3-8b"] }, unapproved.output);
            assert.match(unapproved.output, /approvedModels/, unapproved.output);
        });
    });

    describe("pulumi policy analyze on a deployed stack", () => {
        before(async () => {
            await quickstart.up();
            assert.equal((await quickstart.resourcesOfType(MODEL)).length, 1);
        });

        after(async () => {
            await quickstart.destroy();
            assertEndpointEmpty(t.endpoint);
        });

        it("passes the deployed quickstart: exit 0, no mandatory violation", async () => {
            const analyze = await quickstart.run(["policy", "analyze", ...PACK]);
            assertOk(analyze, "pulumi policy analyze of the deployed quickstart");
            assert.match(analyze.output, /sagemaker-guardrails/, analyze.output);
            assert.deepEqual(violationsAt(analyze.output, "mandatory"), {}, analyze.output);
        });

        it("fails when a config makes the deployed state violate: non-zero exit naming the policy and the model", async () => {
            const file = writePolicyConfig({
                "sagemaker-region-match": { allowedRegions: ["eu-west-1"] },
                "sagemaker-network-isolation": { requireVpcConfig: true },
            });
            const analyze = await quickstart.run(["policy", "analyze", ...withConfig(file)]);
            assert.notEqual(analyze.code, 0, analyze.output);
            assert.deepEqual(violationsAt(analyze.output, "mandatory"), {
                "sagemaker-network-isolation": ["quickstart"],
                "sagemaker-region-match": ["quickstart"],
            }, analyze.output);
            // analyze only reads the state: the model is still there.
            assert.equal(t.endpoint.inventory().models.length, 1);
        });
    });
});
