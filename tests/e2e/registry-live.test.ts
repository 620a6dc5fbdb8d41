// Issue 22 item 4 with the real CLI: sagemaker-registry-approval with verifyLive asks the registry
// (the local endpoint, through the environment's AWS_ENDPOINT_URL_SAGEMAKER and credentials, as a CI
// job would) whether a version registered outside the stack is Approved, at preview.
import { strict as assert } from "assert";
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { POLICY_PACK_DIR, PulumiStack, assertOk, createStack, fixtureDir, useE2eEndpoint, violationsAt, writePolicyConfig } from "../helpers/e2e";

const policy = (extra: Record<string, unknown> = {}) =>
    ["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", writePolicyConfig({ "sagemaker-registry-approval": { verifyLive: true, unknownApproval: "fail", ...extra } })];

describe("e2e: verifyLive, the registry asked at preview", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;
    let noCredentials: PulumiStack;
    let arn: string;

    before(async () => {
        // What a training pipeline does outside the stack: register a version, pending review.
        await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "pipeline-churn" }));
        arn = (await t.client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: "pipeline-churn", ModelApprovalStatus: "PendingManualApproval",
            InferenceSpecification: {
                Containers: [{ Image: `${t.endpoint.accountId}.dkr.ecr.us-east-1.amazonaws.com/xgboost:1` }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"],
            },
        }))).ModelPackageArn!;
        stack = await createStack(fixtureDir("registry-live"), { endpoint: t.endpoint, name: "e2e-registry-live", config: { "e2e-registry-live:served": arn } });
        noCredentials = await createStack(fixtureDir("registry-live"), {
            name: "e2e-registry-live-nocreds", config: { "e2e-registry-live:served": arn },
            env: {
                AWS_ENDPOINT_URL_SAGEMAKER: t.endpoint.url, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_SESSION_TOKEN: "", AWS_PROFILE: "",
                AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", AWS_CONFIG_FILE: "/nonexistent/config", AWS_EC2_METADATA_DISABLED: "true",
            },
        });
    });

    after(async () => {
        await stack?.dispose();
        await noCredentials?.dispose();
    });

    it("pending in the registry: the preview is blocked, naming the registry's status", async () => {
        const preview = await stack.preview(policy());
        assert.notEqual(preview.code, 0, preview.output);
        assert.deepEqual(violationsAt(preview.output, "mandatory"), { "sagemaker-registry-approval": ["scorer"] }, preview.output);
        assert.match(preview.output, /whose ModelApprovalStatus in the registry is "PendingManualApproval"/, preview.output);
    });

    it("approved out of band (a reviewer in Studio): the preview passes", async () => {
        await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Approved" }));
        const preview = await stack.preview(policy());
        assertOk(preview, "preview of a model serving an approved version");
        assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
    });

    it("rejected: blocked again", async () => {
        await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Rejected" }));
        const preview = await stack.preview(policy());
        assert.notEqual(preview.code, 0, preview.output);
        assert.match(preview.output, /in the registry is "Rejected"/, preview.output);
    });

    it("no credentials: the configured fallback, and the message names the permission", async () => {
        const fail = await noCredentials.preview(policy());
        assert.notEqual(fail.code, 0, fail.output);
        assert.match(fail.output, /verifyLive could not ask SageMaker: no AWS credentials/, fail.output);
        assert.match(fail.output, /sagemaker:DescribeModelPackage/, fail.output);
        const advisory = await noCredentials.preview(policy({ unknownApproval: "advisory" }));
        assertOk(advisory, "preview with unknownApproval advisory");
        assert.deepEqual(violationsAt(advisory.output, "advisory")["sagemaker-registry-approval"], ["scorer"], advisory.output);
    });
});
