// sagemaker-registry-approval with verifyLive: the registry itself is asked (DescribeModelPackage)
// for versions declared outside the stack, against the local SageMaker endpoint, with the
// credentials and endpoint the environment gives (as a CI job's preview would).
import * as assert from "assert";
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { registryApprovalPolicy } from "../../../policy-pack/src";
import { classify } from "../../../policy-pack/src/registry/live-approval";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { messages, runStackPolicy, TestResource } from "../../helpers/policy-args";
import { TYPES } from "./fixtures";

const policy = registryApprovalPolicy({ verifyLive: true, unknownApproval: "fail" });
const ENV_KEYS = ["AWS_ENDPOINT_URL_SAGEMAKER", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
    "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];

function withEnv(env: Record<string, string | undefined>, fn: () => Promise<void>): Promise<void> {
    const saved = Object.fromEntries(ENV_KEYS.map(k => [k, process.env[k]]));
    for (const k of ENV_KEYS) {
        delete process.env[k];
    }
    Object.assign(process.env, Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)));
    return fn().finally(() => {
        for (const k of ENV_KEYS) {
            if (saved[k] === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = saved[k];
            }
        }
    });
}

function scorer(name: string, pkg: string, region = "us-east-1", account = "123456789012"): TestResource {
    return { type: TYPES.ours.model, name, props: { PrimaryContainer: { ModelPackageName: pkg }, ExecutionRoleArn: `arn:aws:iam::${account}:role/sm`, EnableNetworkIsolation: true, region } };
}

describe("policy sagemaker-registry-approval, verifyLive against the local endpoint", function () {
    this.timeout(30_000);
    const local = useLocalEndpoint();
    let arn: string;
    const env = () => ({ AWS_ENDPOINT_URL_SAGEMAKER: local.endpoint.url, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_EC2_METADATA_DISABLED: "true" });

    before(async () => {
        await local.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "churn" }));
        const created = await local.client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: "churn", ModelApprovalStatus: "PendingManualApproval",
            InferenceSpecification: { Containers: [{ Image: `${local.endpoint.accountId}.dkr.ecr.${local.endpoint.region}.amazonaws.com/x:1` }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] },
            ModelLifeCycle: { Stage: "Staging", StageStatus: "Approved" },
        }));
        arn = created.ModelPackageArn!;
    });

    const run = (resources: TestResource[], config: Record<string, unknown> = {}) => runStackPolicy(policy, resources, { config });
    const served = () => [scorer("scorer", arn, local.endpoint.region, local.endpoint.accountId)];

    it("pending in the registry: blocked, naming the status the registry reports", async () => {
        await withEnv(env(), async () => {
            const ms = messages(await run(served()), "mandatory");
            assert.strictEqual(ms.length, 1);
            assert.match(ms[0], /whose ModelApprovalStatus in the registry is "PendingManualApproval" \(asked SageMaker in us-east-1\)/);
        });
    });

    it("approved out of band: passes; N models serving it make one DescribeModelPackage", async () => {
        await local.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Approved" }));
        await withEnv(env(), async () => {
            local.endpoint.resetCounters();
            const models = [0, 1, 2].map(i => scorer(`scorer-${i}`, arn, local.endpoint.region, local.endpoint.accountId));
            assert.deepStrictEqual((await run(models)).diagnostics, []);
            assert.strictEqual(local.endpoint.counters().DescribeModelPackage, 1, JSON.stringify(local.endpoint.counters()));
        });
    });

    it("requiredStage / requiredStageStatus: the registry's ModelLifeCycle decides", async () => {
        await withEnv(env(), async () => {
            const ms = messages(await run(served(), { requiredStage: "Production" }), "mandatory");
            assert.match(ms[0], /in the registry its ModelLifeCycle has stage "Staging" \(required: "Production"\)/);
            assert.deepStrictEqual((await run(served(), { requiredStage: "Staging", requiredStageStatus: "Approved" })).diagnostics, []);
        });
    });

    it("rejected again: blocked", async () => {
        await local.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: "Rejected" }));
        await withEnv(env(), async () => {
            assert.match(messages(await run(served()), "mandatory")[0], /in the registry is "Rejected"/);
        });
    });

    it("a version the registry does not have: blocked", async () => {
        await withEnv(env(), async () => {
            assert.match(messages(await run([scorer("scorer", arn.replace(/\/1$/, "/99"), local.endpoint.region, local.endpoint.accountId)]), "mandatory")[0],
                /is version 99 of model package group "churn", which the registry in us-east-1 does not have \(.+\)\. Fix: serve a version that exists and is Approved\./);
        });
    });

    it("no credentials: unknownApproval decides, and the message names the permission", async () => {
        await withEnv({ AWS_ENDPOINT_URL_SAGEMAKER: local.endpoint.url, AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", AWS_CONFIG_FILE: "/nonexistent", AWS_EC2_METADATA_DISABLED: "true" }, async () => {
            const fail = messages(await run(served()), "mandatory");
            assert.match(fail[0], /verifyLive could not ask SageMaker: no AWS credentials .* sagemaker:DescribeModelPackage/);
            const advisory = await runStackPolicy(registryApprovalPolicy({ verifyLive: true }), served());
            assert.deepStrictEqual(advisory.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            // when it cannot ask, the allow-list still counts
            assert.deepStrictEqual((await run(served(), { approvedPackages: [arn] })).diagnostics, []);
        });
    });

    it("errors are classed: access denied and throttling say why and name the permission", () => {
        const denied = classify({ name: "AccessDeniedException", message: "not authorized", $metadata: { httpStatusCode: 400 } }, "us-east-1", "churn/1");
        assert.deepStrictEqual(denied.kind === "unreachable" && /access denied .*needs sagemaker:DescribeModelPackage on churn\/1 in us-east-1/.test(denied.why), true);
        const throttled = classify({ name: "ThrottlingException", message: "Rate exceeded", $metadata: { httpStatusCode: 400 } }, "us-east-1", "churn/1");
        assert.deepStrictEqual(throttled.kind === "unreachable" && /throttled after retries/.test(throttled.why), true);
        assert.strictEqual(classify({ name: "ValidationException", message: "ModelPackage churn/1 does not exist." }, "us-east-1", "churn/1").kind, "missing");
    });
});
