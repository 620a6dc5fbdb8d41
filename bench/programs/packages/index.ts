// One model package group and N versions in it (bench:count), tagged with bench:tags (JSON), for bench/*.ts.
import * as pulumi from "@pulumi/pulumi";
import { ModelPackage, ModelPackageGroup } from "pulumi-sagemaker";

const config = new pulumi.Config("bench");
const count = config.getNumber("count") ?? 1;
const tags = JSON.parse(config.get("tags") ?? '[{"Key":"team","Value":"bench"}]') as { Key: string; Value: string }[];
const approval = (config.get("approval") ?? "PendingManualApproval") as "Approved" | "PendingManualApproval" | "Rejected";

const group = new ModelPackageGroup("group", { ModelPackageGroupDescription: "benchmark group" });

for (let i = 0; i < count; i++) {
    new ModelPackage(`v${i}`, {
        ModelPackageGroupName: group.name,
        InferenceSpecification: {
            Containers: [{
                Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                ModelDataUrl: `s3://bench-models-us-east-1/v${i}/model.tar.gz`,
            }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
            SupportedRealtimeInferenceInstanceTypes: ["ml.m5.large"],
            SupportedTransformInstanceTypes: ["ml.m5.large"],
        },
        ModelApprovalStatus: approval,
        Tags: tags,
    });
}

export const groupName = group.name;
