// The bench model's arguments, shared by bench/programs/models (the dynamic face) and
// bench/programs/echo-shaped (no-op resources carrying the same properties), so the two stay the same tree.

export interface BenchTag { Key: string; Value: string }

/** bench:tags (a JSON list), default one tag. */
export function benchTags(json: string | undefined): BenchTag[] {
    return JSON.parse(json ?? '[{"Key":"team","Value":"bench"}]') as BenchTag[];
}

/** Model i's arguments, as the program declares them. */
export function benchModelArgs(i: number, tags: BenchTag[]) {
    return {
        PrimaryContainer: {
            Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            ModelDataUrl: `s3://bench-models-us-east-1/m${i}/model.tar.gz`,
            Environment: { SAGEMAKER_PROGRAM: "inference.py" },
        },
        ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        EnableNetworkIsolation: true,
        Tags: tags,
    };
}
