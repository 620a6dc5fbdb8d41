// A gated foundation model (Meta Llama 3 8B from SageMaker JumpStart's private cache).
// AcceptEula must be set explicitly, and the policy pack allows it only for models approved in its
// config (examples/policy-config.json records who approved it and the ticket).
import * as pulumi from "@pulumi/pulumi";
import { Model } from "pulumi-sagemaker";

const region = new pulumi.Config("aws").require("region");

const llama = new Model("llama-3-8b", {
    PrimaryContainer: {
        Image: `763104351884.dkr.ecr.${region}.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04`,
        ModelDataSource: {
            S3DataSource: {
                S3Uri: `s3://jumpstart-private-cache-prod-${region}/meta-textgeneration/meta-textgeneration-llama-3-8b/artifacts/inference-prepack/v1.0.0/`,
                S3DataType: "S3Prefix",
                CompressionType: "None",
                ModelAccessConfig: { AcceptEula: true },
            },
        },
        Environment: {
            SM_NUM_GPUS: "1",
            MAX_INPUT_LENGTH: "4095",
            MAX_TOTAL_TOKENS: "4096",
        },
    },
    ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
    EnableNetworkIsolation: true,
    Tags: [{ Key: "eula-ticket", Value: "LEGAL-1234" }],
});

export const modelName = llama.name;
