// The guardrails on the largest ModelPackage the API accepts (issue 22, item 6): 15 inference
// containers, 15 additional inference specifications of 15 containers each, every container with
// every location member set and its AdditionalModelDataSources list at its maximum (5; limits from
// the API model's shapes). Each policy is timed beside the provider's check() on the same input, with
// 100 ms as the target. No Pulumi CLI: policies run as the analyzer calls them (props through
// @pulumi/policy's unknown-checking proxy). Run alone: npx ts-node bench/policies.ts [--quick];
// in bench/run.ts as `policies`.
import { eulaAcceptance, networkIsolation, regionMatch, registryApproval } from "../policy-pack/src";
import { lifecycles } from "../provider/runtime";
import { getShape } from "../provider/shapes/validate";
import { runResourcePolicy, runStackPolicy, type TestResource } from "../tests/helpers/policy-args";
import { median, printRows, row, runBenchmark, type BenchOptions, type BenchResult, type Row } from "./lib";

const max = (shape: string) => getShape(shape)!.max!;
const BUCKET = "s3://amzn-s3-demo-bucket/models";
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7";
const HUB = "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/huggingface-llm-mistral-7b/2.1.0";

function dataSource(i: string): Record<string, unknown> {
    return {
        S3Uri: `${BUCKET}/${i}/`, S3DataType: "S3Prefix", CompressionType: "None",
        ModelAccessConfig: { AcceptEula: false }, HubAccessConfig: { HubContentArn: HUB }, ManifestS3Uri: `${BUCKET}/${i}/manifest.json`,
    };
}

function container(i: string): Record<string, unknown> {
    return {
        Image: IMAGE,
        ModelDataSource: { S3DataSource: dataSource(i) },
        AdditionalModelDataSources: Array.from({ length: max("AdditionalModelDataSources") }, (_, k) => ({ ChannelName: `extra${k}`, S3DataSource: dataSource(`${i}-${k}`) })),
        AdditionalS3DataSource: { S3DataType: "S3Object", S3Uri: `${BUCKET}/${i}/extra.tar.gz` },
    };
}

/** The largest API-valid CreateModelPackage input (every list at the API's maximum). */
export function largestModelPackage(): Record<string, unknown> {
    const containers = (prefix: string) => Array.from({ length: max("ModelPackageContainerDefinitionList") }, (_, k) => container(`${prefix}${k}`));
    return {
        ModelPackageGroupName: "churn",
        ModelApprovalStatus: "Approved",
        InferenceSpecification: { Containers: containers("c"), SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] },
        AdditionalInferenceSpecifications: Array.from({ length: max("AdditionalInferenceSpecifications") }, (_, s) => ({
            Name: `spec-${s}`, Containers: containers(`s${s}c`), SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"],
        })),
    };
}

async function msAsync(fn: () => Promise<unknown>): Promise<number> {
    const t0 = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function policies(opts: BenchOptions): Promise<BenchResult> {
    return runBenchmark("policies", "Guardrails on the largest API-valid ModelPackage, beside check() on the same input", opts, async () => {
        const runs = opts.quick ? 3 : 9;
        const inputs = largestModelPackage();
        const pkg: TestResource = { type: "pulumi-nodejs:dynamic/sagemaker:ModelPackage", name: "largest", props: { ...inputs, region: "us-east-1" } };
        const model: TestResource = {
            type: "pulumi-nodejs:dynamic/sagemaker:Model", name: "scorer",
            props: { PrimaryContainer: { ModelPackageName: "churn/1" }, ExecutionRoleArn: "arn:aws:iam::123456789012:role/sm", EnableNetworkIsolation: true, region: "us-east-1" },
        };
        const timed = async (fn: () => Promise<unknown>) => {
            await fn(); // warm-up: module loading, first compilation
            return median(await (async () => { const t: number[] = []; for (let i = 0; i < runs; i++) t.push(await msAsync(fn)); return t; })());
        };
        const check = await timed(() => lifecycles.ModelPackage.check({ region: "us-east-1" }, {}, { ...inputs }));
        const ideal = 100;
        const rows: Row[] = [row("check() (the provider's validation, for scale)", check, ideal, "ms")];
        const measured: [string, () => Promise<unknown>][] = [
            ["sagemaker-region-match, per resource", () => runResourcePolicy(regionMatch, pkg)],
            ["sagemaker-region-match, stack pass", () => runStackPolicy(regionMatch, [pkg, model])],
            ["sagemaker-eula-acceptance", () => runResourcePolicy(eulaAcceptance, pkg)],
            ["sagemaker-network-isolation", () => runResourcePolicy(networkIsolation, pkg)],
            ["sagemaker-registry-approval (stack: the package and a model serving it)", () => runStackPolicy(registryApproval, [pkg, model])],
        ];
        const details: Record<string, unknown> = { containers: 15 + 15 * 15, dataSourcesPerContainer: 1 + max("AdditionalModelDataSources"), checkMs: check };
        for (const [name, fn] of measured) {
            rows.push(row(name, await timed(fn), ideal, "ms", { on: "measured", op: "<=", value: 100 }, `check() on the same input: ${check.toFixed(1)} ms`));
        }
        return { rows, details };
    });
}

if (require.main === module) {
    const quick = process.argv.includes("--quick");
    policies({ quick, log: (l) => console.log(l) }).then((r) => printRows(r, (l) => console.log(l)), (err) => {
        console.error(err);
        process.exitCode = 1;
    });
}
