// Inputs shared by the Model unit tests.
export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
export const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";

export function validInputs(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        __logicalName: "my-model",
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: "s3://bucket/model.tar.gz", Environment: { A: "1" } },
        ...extra,
    };
}

export function container(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { Image: IMAGE, ...extra };
}
