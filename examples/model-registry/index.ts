// The model registry as code: a model package group, two versions of a churn model registered in
// it, their approval decided by stack config, and a model served from the newest approved version.
//
// Defaults: v1 Rejected, v2 Approved, so the model serves v2. To roll back to v1:
//   pulumi config set v1Approval Approved && pulumi config set v2Approval PendingManualApproval && pulumi up
// Approvals update the versions in place (UpdateModelPackage); the model is replaced (new model
// first, then the old one deleted) when the version it serves changes.
//
// Compliant with the sagemaker-guardrails policy pack: network isolation on, the image in the
// stack region's ECR, artifacts in the SageMaker default bucket `sagemaker-<region>-<account>`,
// whose name tells the pack its region.
import * as pulumi from "@pulumi/pulumi";
import { Model, ModelPackage, ModelPackageGroup } from "pulumi-sagemaker";

const APPROVALS = ["Approved", "Rejected", "PendingManualApproval"] as const;
type Approval = (typeof APPROVALS)[number];

const config = new pulumi.Config();
const region = new pulumi.Config("aws").require("region");
const account = config.get("account") ?? "123456789012";
const role = config.get("roleArn") ?? `arn:aws:iam::${account}:role/SageMakerExecutionRole`;
const image = `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`;
const artifacts = `s3://sagemaker-${region}-${account}/churn`;

function approval(key: string, fallback: Approval): Approval {
    const value = config.get(key) ?? fallback;
    if (!(APPROVALS as readonly string[]).includes(value)) {
        throw new pulumi.RunError(`config ${key} is "${value}"; use one of ${APPROVALS.join(", ")}`);
    }
    return value as Approval;
}

// What a training pipeline would hand over: one entry per trained version, oldest first.
const trained = [
    { label: "v1", trainingJob: "churn-xgb-2024-11-04", auc: "0.87", approval: approval("v1Approval", "Rejected") },
    { label: "v2", trainingJob: "churn-xgb-2025-01-13", auc: "0.91", approval: approval("v2Approval", "Approved") },
];

const group = new ModelPackageGroup("churn", {
    ModelPackageGroupDescription: "Customer churn classifier (XGBoost)",
    Tags: [{ Key: "team", Value: "ml-platform" }],
});

// Versions are numbered in the order they are created, so each waits for the previous one.
const versions: { label: string; approval: Approval; pkg: ModelPackage }[] = [];
for (const t of trained) {
    const previous = versions[versions.length - 1]?.pkg;
    const pkg = new ModelPackage(`churn-${t.label}`, {
        // The group's own input (known during preview, unlike its `name` output).
        ModelPackageGroupName: group.ModelPackageGroupName,
        ModelPackageDescription: `churn classifier trained by ${t.trainingJob}`,
        InferenceSpecification: {
            Containers: [{ Image: image, ModelDataUrl: `${artifacts}/${t.label}/model.tar.gz` }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
            SupportedRealtimeInferenceInstanceTypes: ["ml.m5.large"],
            SupportedTransformInstanceTypes: ["ml.m5.large"],
        },
        ModelApprovalStatus: t.approval,
        ApprovalDescription: `holdout AUC ${t.auc}`,
        CustomerMetadataProperties: { trainingJob: t.trainingJob, auc: t.auc },
    }, { dependsOn: previous ? [previous] : [] });
    versions.push({ label: t.label, approval: t.approval, pkg });
}

// Serve the newest approved version.
const served = [...versions].reverse().find(v => v.approval === "Approved");
if (!served) {
    throw new pulumi.RunError("no approved version to serve: set v1Approval or v2Approval to Approved");
}

const model = new Model("churn-scorer", {
    PrimaryContainer: { ModelPackageName: served.pkg.arn },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
    Tags: [{ Key: "model-version", Value: served.label }],
});

export const groupName = group.name;
export const groupArn = group.arn;
export const v1Arn = versions[0].pkg.arn;
export const v1Version = versions[0].pkg.version;
export const v1Approval = versions[0].pkg.ModelApprovalStatus;
export const v2Arn = versions[1].pkg.arn;
export const v2Version = versions[1].pkg.version;
export const v2Approval = versions[1].pkg.ModelApprovalStatus;
export const servedVersion = served.label;
export const servedPackageArn = served.pkg.arn;
export const modelName = model.name;
export const modelArn = model.arn;
