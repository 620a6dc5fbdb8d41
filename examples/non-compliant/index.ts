// Non-compliant on purpose: one model per sagemaker-guardrails violation, for the policy demo.
// `pulumi preview --policy-pack ../../policy-pack` must fail on each of them.
import * as pulumi from "@pulumi/pulumi";
import { Model, ModelPackage, ModelPackageGroup } from "pulumi-sagemaker";

const region = new pulumi.Config("aws").require("region");
const role = "arn:aws:iam::123456789012:role/SageMakerExecutionRole";
const image = `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`;

// sagemaker-network-isolation: isolation is off.
new Model("no-isolation", {
    PrimaryContainer: { Image: image },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: false,
});

// sagemaker-region-match: the image lives in another region's registry.
new Model("cross-region-image", {
    PrimaryContainer: { Image: "683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1" },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
});

// sagemaker-eula-acceptance: a gated JumpStart model without AcceptEula.
new Model("gated-without-eula", {
    PrimaryContainer: {
        Image: `763104351884.dkr.ecr.${region}.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04`,
        ModelDataSource: {
            S3DataSource: {
                S3Uri: `s3://jumpstart-private-cache-prod-${region}/meta-textgeneration/meta-textgeneration-llama-3-8b/artifacts/inference-prepack/v1.0.0/`,
                S3DataType: "S3Prefix",
                CompressionType: "None",
            },
        },
    },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
});

// sagemaker-registry-approval: a model serving a registered version nobody approved yet.
const group = new ModelPackageGroup("unreviewed", { ModelPackageGroupDescription: "versions awaiting review" });
const pending = new ModelPackage("unreviewed-v1", {
    ModelPackageGroupName: group.ModelPackageGroupName,
    InferenceSpecification: {
        Containers: [{ Image: image, ModelDataUrl: `s3://sagemaker-${region}-123456789012/unreviewed/model.tar.gz` }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
    },
    ModelApprovalStatus: "PendingManualApproval",
});
new Model("serves-unapproved", {
    PrimaryContainer: { ModelPackageName: pending.arn },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
});
