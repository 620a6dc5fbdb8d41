// The models of the aws-variant example, written with @pulumi/aws v7 (`aws.sagemaker.Model`), the
// provider most Pulumi users already have. index.ts calls declareModels(); the unit test
// tests/unit/examples/aws-variant.test.ts calls it under Pulumi's runtime mocks and runs the
// sagemaker-guardrails policies over what it registers.
//
// Compliant with the policy pack: network isolation on; images in the ECR registry of the stack's
// region; artifacts in the SageMaker default bucket `sagemaker-<region>-<account>` and JumpStart's
// regional cache, whose names tell the pack their region; the gated Llama model accepts its EULA
// explicitly, and examples/policy-config.json records who approved that.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface DeclaredModels {
    role: aws.iam.Role;
    churn: aws.sagemaker.Model;
    llama: aws.sagemaker.Model;
}

export function declareModels(): DeclaredModels {
    const region = new pulumi.Config("aws").require("region");
    const account = aws.getCallerIdentityOutput().accountId;
    const artifacts = pulumi.interpolate`sagemaker-${region}-${account}`;

    // The role SageMaker assumes to pull the image and read the model data.
    const role = new aws.iam.Role("sagemaker-execution", {
        assumeRolePolicy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "sagemaker.amazonaws.com" }, Action: "sts:AssumeRole" }],
        }),
    });
    new aws.iam.RolePolicy("sagemaker-execution", {
        role: role.id,
        policy: pulumi.jsonStringify({
            Version: "2012-10-17",
            Statement: [
                { Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: [pulumi.interpolate`arn:aws:s3:::${artifacts}`, pulumi.interpolate`arn:aws:s3:::${artifacts}/*`] },
                { Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], Resource: "*" },
                { Effect: "Allow", Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "cloudwatch:PutMetricData"], Resource: "*" },
            ],
        }),
    });

    // A single-container XGBoost model trained into the account's SageMaker default bucket.
    const churn = new aws.sagemaker.Model("churn", {
        executionRoleArn: role.arn,
        primaryContainer: {
            image: `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
            modelDataUrl: pulumi.interpolate`s3://${artifacts}/churn/model.tar.gz`,
            environment: { SAGEMAKER_PROGRAM: "inference.py" },
        },
        enableNetworkIsolation: true,
        tags: { team: "ml-platform" },
    });

    // A gated foundation model from JumpStart's private cache: acceptEula must be explicit.
    const llama = new aws.sagemaker.Model("llama-3-8b", {
        executionRoleArn: role.arn,
        primaryContainer: {
            image: `763104351884.dkr.ecr.${region}.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04`,
            modelDataSource: {
                s3DataSources: [{
                    s3Uri: `s3://jumpstart-private-cache-prod-${region}/meta-textgeneration/meta-textgeneration-llama-3-8b/artifacts/inference-prepack/v1.0.0/`,
                    s3DataType: "S3Prefix",
                    compressionType: "None",
                    modelAccessConfig: { acceptEula: true },
                }],
            },
            environment: { SM_NUM_GPUS: "1", MAX_INPUT_LENGTH: "4095", MAX_TOTAL_TOKENS: "4096" },
        },
        enableNetworkIsolation: true,
        tags: { "eula-ticket": "LEGAL-1234" },
    });

    return { role, churn, llama };
}
