// Serve what the model registry approved. A training pipeline registers versions in a model
// package group and a reviewer approves them (SageMaker Studio, or the API); this stack declares
// no version: it looks up the latest Approved one at every preview and up, and serves it. When a
// newer version is approved, the next `pulumi up` replaces the model with one serving it (the
// preview already shows the new package ARN: lookups run during preview).
//
// Roll back by pinning a version, whatever the approvals:  pulumi config set pinnedVersion 3
// Serve only versions the pipeline tagged for a stage:      pulumi config set stage prod
//
// The group must exist: `pipeline.ts` (next to this file) registers versions the way a pipeline would.
import * as pulumi from "@pulumi/pulumi";
import { Model, getLatestModelPackageVersionOutput, getModelPackageVersionOutput } from "pulumi-sagemaker";

const config = new pulumi.Config();
const groupName = config.get("groupName") ?? "churn-pipeline";
const pinnedVersion = config.getNumber("pinnedVersion");
const stage = config.get("stage");
const account = config.get("account") ?? "123456789012";
const role = config.get("roleArn") ?? `arn:aws:iam::${account}:role/SageMakerExecutionRole`;

// Newest Approved (and Completed) version, or the pinned one.
const served = pinnedVersion === undefined
    ? getLatestModelPackageVersionOutput({
        ModelPackageGroupName: groupName,
        ...(stage ? { CustomerMetadataProperties: { stage } } : {}),
    })
    : getModelPackageVersionOutput({ ModelPackageGroupName: groupName, ModelPackageVersion: pinnedVersion });

// A model is immutable: serving another version replaces it (the new one is created first).
const model = new Model("served", {
    PrimaryContainer: { ModelPackageName: served.arn },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
    Tags: [{ Key: "model-package-version", Value: served.version.apply(String) }],
});

export const servedVersion = served.version;
export const servedPackageArn = served.arn;
export const servedApproval = served.approvalStatus;
export const modelName = model.name;
export const modelArn = model.arn;
