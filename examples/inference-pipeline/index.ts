// An inference pipeline: three containers invoked directly by hostname (Mode "Direct").
import * as pulumi from "@pulumi/pulumi";
import { Model } from "pulumi-sagemaker";

const region = new pulumi.Config("aws").require("region");
const registry = `683313688378.dkr.ecr.${region}.amazonaws.com`;
const artifacts = `s3://pipeline-models-${region}`;

const pipeline = new Model("churn-pipeline", {
    Containers: [
        {
            ContainerHostname: "preprocess",
            Image: `${registry}/sagemaker-scikit-learn:1.2-1-cpu-py3`,
            ModelDataUrl: `${artifacts}/preprocess/model.tar.gz`,
            Environment: { SAGEMAKER_PROGRAM: "preprocess.py" },
        },
        {
            ContainerHostname: "predict",
            Image: `${registry}/sagemaker-xgboost:1.7-1`,
            ModelDataUrl: `${artifacts}/xgboost/model.tar.gz`,
        },
        {
            ContainerHostname: "postprocess",
            Image: `${registry}/sagemaker-scikit-learn:1.2-1-cpu-py3`,
            ModelDataUrl: `${artifacts}/postprocess/model.tar.gz`,
            Environment: { SAGEMAKER_PROGRAM: "postprocess.py" },
        },
    ],
    InferenceExecutionConfig: { Mode: "Direct" },
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
    EnableNetworkIsolation: true,
});

export const modelName = pipeline.name;
