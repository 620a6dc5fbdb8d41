// Quickstart: one compliant, single-container SageMaker model.
// Compliant with the sagemaker-guardrails policy pack: network isolation on, image and artifacts
// in the deployment region.
import * as pulumi from "@pulumi/pulumi";
import { Model } from "pulumi-sagemaker";

const aws = new pulumi.Config("aws");
const config = new pulumi.Config("quickstart");
const region = aws.require("region");
const account = config.get("account") ?? "123456789012";

const model = new Model("quickstart", {
    PrimaryContainer: {
        Image: config.get("image") ?? `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
        ModelDataUrl: config.get("modelDataUrl") ?? `s3://quickstart-models-${region}/xgboost/model.tar.gz`,
        Environment: { SAGEMAKER_PROGRAM: "inference.py" },
    },
    ExecutionRoleArn: config.get("roleArn") ?? `arn:aws:iam::${account}:role/SageMakerExecutionRole`,
    EnableNetworkIsolation: true,
    Tags: [
        { Key: "team", Value: config.get("team") ?? "ml-platform" },
        { Key: "managed-by", Value: "pulumi" },
    ],
});

export const modelName = model.name;
export const modelArn = model.arn;
export const modelRegion = model.region;
