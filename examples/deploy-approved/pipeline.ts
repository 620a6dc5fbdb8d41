// What a training pipeline does outside Pulumi: register a trained model as a new version of a
// model package group (creating the group the first time), and what a reviewer does: approve one.
// The e2e test (tests/e2e/deploy-approved.test.ts) drives the example with these; by hand, against
// the local endpoint (see examples/README.md), from the repository root:
//
//   npx ts-node examples/deploy-approved/pipeline.ts register churn-pipeline [--approve] [--stage prod]
//   npx ts-node examples/deploy-approved/pipeline.ts approve churn-pipeline 2
import {
    CreateModelPackageCommand, CreateModelPackageGroupCommand, DescribeModelPackageGroupCommand, SageMakerClient,
    UpdateModelPackageCommand, type ModelApprovalStatus,
} from "@aws-sdk/client-sagemaker";

export interface Registration {
    approval?: ModelApprovalStatus;
    /** CustomerMetadataProperties, e.g. { stage: "prod" } */
    metadata?: Record<string, string>;
}

/** Registers a new version (artifacts in the SageMaker default bucket of the client's region); returns its ARN. */
export async function registerVersion(client: SageMakerClient, group: string, reg: Registration = {}): Promise<string> {
    const region = await client.config.region();
    const account = "123456789012";
    try {
        await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
    } catch {
        await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group, ModelPackageGroupDescription: "registered by the training pipeline" }));
    }
    const trainedAt = new Date().toISOString();
    const created = await client.send(new CreateModelPackageCommand({
        ModelPackageGroupName: group,
        ModelPackageDescription: `churn classifier trained at ${trainedAt}`,
        InferenceSpecification: {
            Containers: [{
                Image: `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
                ModelDataUrl: `s3://sagemaker-${region}-${account}/churn/${trainedAt.replace(/[:.]/g, "-")}/model.tar.gz`,
            }],
            SupportedContentTypes: ["text/csv"],
            SupportedResponseMIMETypes: ["text/csv"],
        },
        ModelApprovalStatus: reg.approval ?? "PendingManualApproval",
        ...(reg.metadata ? { CustomerMetadataProperties: reg.metadata } : {}),
    }));
    return created.ModelPackageArn!;
}

/** Sets a version's approval, as a reviewer does in SageMaker Studio. */
export async function setApproval(client: SageMakerClient, group: string, version: number, approval: ModelApprovalStatus): Promise<void> {
    const region = await client.config.region();
    const { ModelPackageGroupArn } = await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const arn = `${ModelPackageGroupArn!.replace(":model-package-group/", ":model-package/")}/${version}`;
    await client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, ModelApprovalStatus: approval, ApprovalDescription: `set by pipeline.ts in ${region}` }));
}

async function main(argv: string[]): Promise<void> {
    const [command, group, ...rest] = argv;
    // Endpoint from AWS_ENDPOINT_URL_SAGEMAKER, credentials from the SDK's default chain.
    const client = new SageMakerClient({ region: process.env.AWS_REGION ?? "us-east-1" });
    try {
        if (command === "register" && group) {
            const stageAt = rest.indexOf("--stage");
            const arn = await registerVersion(client, group, {
                approval: rest.includes("--approve") ? "Approved" : "PendingManualApproval",
                ...(stageAt >= 0 && rest[stageAt + 1] ? { metadata: { stage: rest[stageAt + 1] } } : {}),
            });
            console.log(arn);
        } else if (command === "approve" && group && Number.isInteger(Number(rest[0]))) {
            await setApproval(client, group, Number(rest[0]), "Approved");
            console.log(`approved version ${rest[0]} of ${group}`);
        } else {
            throw new Error("usage: pipeline.ts register GROUP [--approve] [--stage STAGE] | pipeline.ts approve GROUP VERSION");
        }
    } finally {
        client.destroy();
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).catch((err: Error) => {
        console.error(err.message);
        process.exit(1);
    });
}
