// The same N SageMaker models as bench/programs/models (bench:count, bench:tags), declared through the
// provider plugin's face (`sagemaker:index:Model`, camelCase members as in schema/sagemaker.json)
// from the same TypeScript language host: beside bench/programs/models and bench/programs/echo, the
// scale benchmark compares the provider faces alone. The engine runs `pulumi-resource-sagemaker`
// from PATH (plugin/bin, put there by bench/lib.ts), as tests/e2e/plugin-yaml.test.ts does.
import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config("bench");
const count = config.getNumber("count") ?? 1;
const tags = JSON.parse(config.get("tags") ?? '[{"Key":"team","Value":"bench"}]') as { Key: string; Value: string }[];

/** The plugin's Model, as a generated Node SDK would declare it (pulumi.CustomResource is abstract). */
class Model extends pulumi.CustomResource {
    constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
        super("sagemaker:index:Model", name, args, opts);
    }
}

for (let i = 0; i < count; i++) {
    new Model(`m${i}`, {
        primaryContainer: {
            image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
            modelDataUrl: `s3://bench-models-us-east-1/m${i}/model.tar.gz`,
            environment: { SAGEMAKER_PROGRAM: "inference.py" },
        },
        executionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
        enableNetworkIsolation: true,
        tags: tags.map((t) => ({ key: t.Key, value: t.Value })),
    });
}

export const models = count;
