// N SageMaker models (bench:count), each tagged with bench:tags (a JSON list), for bench/*.ts.
import * as pulumi from "@pulumi/pulumi";
import { Model } from "pulumi-sagemaker";

const config = new pulumi.Config("bench");
const count = config.getNumber("count") ?? 1;
const tags = JSON.parse(config.get("tags") ?? '[{"Key":"team","Value":"bench"}]') as { Key: string; Value: string }[];

for (let i = 0; i < count; i++) {
    new Model(`m${i}`, {
        PrimaryContainer: {
            Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            ModelDataUrl: `s3://bench-models-us-east-1/m${i}/model.tar.gz`,
            Environment: { SAGEMAKER_PROGRAM: "inference.py" },
        },
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        EnableNetworkIsolation: true,
        Tags: tags,
    });
}

export const models = count;
