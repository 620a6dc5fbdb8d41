// Issue 15 item 4 with the real CLI: sagemaker-registry-approval on models served from the model
// registry (tests/e2e/fixtures/registry-approval), deploying into the local endpoint.
// - preview: the packages' ARNs are unknown, so each model is traced to its package by dependency;
// - after `up`, the packages' ARNs are known and a new model is matched by ARN output;
// - a version registered outside the stack follows unknownApproval and approvedPackages.
import { strict as assert } from "assert";
import {
    MODEL, POLICY_PACK_DIR, PulumiStack, assertEndpointEmpty, assertOk, createStack, fixtureDir, setConfig, useE2eEndpoint, violationsAt, writePolicyConfig,
} from "../helpers/e2e";

const OUTSIDE = "arn:aws:sagemaker:us-east-1:210987654321:model-package/fraud/7";
const PACK = ["--policy-pack", POLICY_PACK_DIR];
const withConfig = (config: unknown) => [...PACK, "--policy-pack-config", writePolicyConfig(config)];

describe("e2e: sagemaker-registry-approval with the real Pulumi CLI", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint({ packageStatusDelayMs: 100 });
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("registry-approval"), { endpoint: t.endpoint, name: "e2e-registry-approval" });
    });

    after(async () => {
        await stack?.destroy().catch(() => undefined);
        await stack?.dispose();
    });

    it("preview: blocks the model serving the pending version (traced by dependency), reports the outside one as advisory", async () => {
        await setConfig(stack, { models: "serves-v1,serves-v2,serves-outside" });
        const preview = await stack.preview(PACK);
        assert.notEqual(preview.code, 0, preview.output);
        assert.deepEqual(violationsAt(preview.output, "mandatory"), { "sagemaker-registry-approval": ["serves-v1"] }, preview.output);
        assert.deepEqual(violationsAt(preview.output, "advisory")["sagemaker-registry-approval"], ["serves-outside"], preview.output);
        assert.match(preview.output, /Model "serves-v1" .*serves model package "churn-v1" .* whose ModelApprovalStatus is "PendingManualApproval"/, preview.output);
        assert.match(preview.output, /Model "serves-outside" .*version 7 of model package group "fraud", declared outside this stack/, preview.output);
        assert.deepEqual(await stack.resourcesOfType(MODEL), []);
    });

    it("unknownApproval fail blocks the outside version; approvedPackages lets it through", async () => {
        const fail = await stack.preview(withConfig({ "sagemaker-registry-approval": { unknownApproval: "fail" } }));
        assert.deepEqual(violationsAt(fail.output, "mandatory"), { "sagemaker-registry-approval": ["serves-outside", "serves-v1"] }, fail.output);
        await setConfig(stack, { models: "serves-v2,serves-outside" });
        const allowed = await stack.preview(withConfig({ "sagemaker-registry-approval": { unknownApproval: "fail", approvedPackages: [OUTSIDE] } }));
        assertOk(allowed, "preview with the outside version in approvedPackages");
        assert.deepEqual(violationsAt(allowed.output, "mandatory"), {}, allowed.output);
        assert.equal(violationsAt(allowed.output, "advisory")["sagemaker-registry-approval"], undefined, allowed.output);
    });

    it("after up, a new model serving the pending version is matched by its known ARN and blocked", async () => {
        await setConfig(stack, { models: "serves-v2" });
        const up = await stack.up(PACK);
        assert.equal(up.code, 0, up.output);
        assert.equal((await stack.resourcesOfType(MODEL)).length, 1);
        await setConfig(stack, { models: "serves-v2,serves-v1" });
        const preview = await stack.preview(PACK);
        assert.notEqual(preview.code, 0, preview.output);
        assert.deepEqual(violationsAt(preview.output, "mandatory"), { "sagemaker-registry-approval": ["serves-v1"] }, preview.output);
        assert.match(preview.output, /PrimaryContainer.ModelPackageName "arn:aws:sagemaker:us-east-1:\d{12}:model-package\/[\w-]+\/1" serves model package "churn-v1"/, preview.output);
        // Approving v1 in the stack lets it be served.
        await setConfig(stack, { v1Approval: "Approved" });
        const approved = await stack.preview(PACK);
        assertOk(approved, "preview once v1 is declared Approved");
        assert.deepEqual(violationsAt(approved.output, "mandatory"), {}, approved.output);
    });

    it("destroy leaves the endpoint empty", async () => {
        await stack.destroy();
        assertEndpointEmpty(t.endpoint);
    });
});
