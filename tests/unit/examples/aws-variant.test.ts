// examples/aws-variant under Pulumi's runtime mocks: the aws provider plugin cannot be downloaded
// here, so the program's resources are constructed with setMocks, each registration's type and
// inputs are captured from the mocks' newResource, and the sagemaker-guardrails policies run over
// them through the policy unit helper, as the analyzer would run them during `pulumi preview`.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../../policy-pack/src";
import { Diagnostic, RunOptions, runResourcePolicy, runStackPolicy, TestResource } from "../../helpers/policy-args";

type PulumiModule = typeof import("../../../examples/aws-variant/node_modules/@pulumi/pulumi");
type AwsModule = typeof import("../../../examples/aws-variant/node_modules/@pulumi/aws");
type ModelsModule = typeof import("../../../examples/aws-variant/models");

const REPO = path.resolve(__dirname, "../../..");
const VARIANT_DIR = path.join(REPO, "examples/aws-variant");
const POLICY_CONFIG: Record<string, Record<string, unknown>> = JSON.parse(fs.readFileSync(path.join(REPO, "examples/policy-config.json"), "utf8"));
const REGION = "us-east-1";
const ACCOUNT = "123456789012";
const STACK_CONFIG = { "aws:region": REGION };
const MODEL_TYPE = "aws:sagemaker/model:Model";

/**
 * @pulumi/aws from the example's own node_modules, and the ONE @pulumi/pulumi it uses: mocks only
 * intercept registrations made through the instance they were set on.
 */
function loadVariant(): { pulumi: PulumiModule; aws: AwsModule; models: ModelsModule } {
    let awsEntry: string;
    try {
        awsEntry = require.resolve("@pulumi/aws", { paths: [VARIANT_DIR] });
    } catch {
        throw new Error("@pulumi/aws is not installed for examples/aws-variant: run set-up (`npm run setup`), " +
            "or `cd examples/aws-variant && npm ci`.");
    }
    const pulumiOfAws = require.resolve("@pulumi/pulumi", { paths: [path.dirname(awsEntry)] });
    const pulumiOfProgram = require.resolve("@pulumi/pulumi", { paths: [VARIANT_DIR] });
    assert.strictEqual(pulumiOfProgram, pulumiOfAws, "examples/aws-variant and its @pulumi/aws must share one @pulumi/pulumi");
    return {
        pulumi: require(pulumiOfAws),
        aws: require(awsEntry),
        models: require(path.join(VARIANT_DIR, "models")),
    };
}

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
}

/** Runs every policy of the pack over the registered resources, like the analyzer: per resource, then the stack. */
async function analyze(registered: Registration[], withConfig: boolean): Promise<(Diagnostic & { resource?: string })[]> {
    const resources: TestResource[] = registered.map(r => ({ type: r.type, name: r.name, props: r.inputs }));
    const out: (Diagnostic & { resource?: string })[] = [];
    for (const policy of policies) {
        const opts: RunOptions = { stackConfig: STACK_CONFIG, config: withConfig ? POLICY_CONFIG[policy.name] : undefined };
        if ("validateResource" in policy) {
            for (const r of resources) {
                const res = await runResourcePolicy(policy, r, opts);
                out.push(...res.diagnostics.map(d => ({ ...d, resource: r.name })));
            }
        }
        if ("validateStack" in policy) {
            const res = await runStackPolicy(policy, resources, opts);
            out.push(...res.diagnostics.map(d => ({ ...d, resource: d.urn?.split("::").pop() })));
        }
    }
    return out;
}

describe("examples/aws-variant (aws.sagemaker.Model under runtime mocks)", () => {
    let pulumi: PulumiModule;
    let aws: AwsModule;
    let declared: ReturnType<ModelsModule["declareModels"]>;
    /** Everything the mocks saw registered, in order. */
    const registered: Registration[] = [];
    /** What declareModels() registered. */
    let program: Registration[] = [];

    /** Waits until each resource's registration reached the mocks. */
    const settled = (resources: { urn: unknown }[]) =>
        new Promise<void>(resolve => pulumi.all(resources.map(r => r.urn as never)).apply(() => resolve()));

    before(async () => {
        let models: ModelsModule;
        ({ pulumi, aws, models } = loadVariant());
        await pulumi.runtime.setMocks({
            newResource: args => {
                registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                const physical = args.inputs.name ?? `${args.name}-1a2b3c4`;
                const service = args.type === MODEL_TYPE ? "sagemaker" : "iam";
                return {
                    id: `${args.name}-id`,
                    state: { ...args.inputs, name: physical, arn: `arn:aws:${service}:${REGION}:${ACCOUNT}:${args.name}/${physical}` },
                };
            },
            call: args => {
                if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
                    return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/ci`, id: ACCOUNT, userId: "AIDAEXAMPLE" };
                }
                throw new Error(`unexpected invoke ${args.token}`);
            },
        }, "sagemaker-aws-variant", "dev", false);
        pulumi.runtime.setAllConfig(STACK_CONFIG, []);
        declared = models.declareModels();
        await settled(Object.values(declared));
        program = registered.splice(0);
    });

    after(() => {
        // Leave the process-wide runtime store (shared by every @pulumi/pulumi copy) as a fresh process has it.
        pulumi?.runtime.setAllConfig({}, []);
        pulumi?.runtime.resetOptions("", "", -1, "", "", false, "");
    });

    it("the program and @pulumi/aws share one @pulumi/pulumi, so the mocks saw every registration", () => {
        assert.ok(declared.churn instanceof pulumi.CustomResource);
        assert.deepStrictEqual(program.map(r => r.type).sort(),
            ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", MODEL_TYPE, MODEL_TYPE]);
    });

    it("declareModels declares two aws.sagemaker.Model resources with their artifacts in the default bucket", () => {
        const models = program.filter(r => r.type === MODEL_TYPE);
        assert.deepStrictEqual(models.map(r => r.name).sort(), ["churn", "llama-3-8b"]);
        const churn = models.find(r => r.name === "churn")!.inputs as { primaryContainer: { modelDataUrl: string } };
        assert.strictEqual(churn.primaryContainer.modelDataUrl, `s3://sagemaker-${REGION}-${ACCOUNT}/churn/model.tar.gz`);
    });

    it("the program passes every policy with examples/policy-config.json (no violation at any level)", async () => {
        assert.deepStrictEqual(await analyze(program, true), []);
    });

    it("without the EULA approval of examples/policy-config.json, the gated model's acceptEula is a violation", async () => {
        const ds = await analyze(program, false);
        assert.deepStrictEqual(ds.map(d => [d.policyName, d.enforcementLevel, d.resource]), [["sagemaker-eula-acceptance", "mandatory", "llama-3-8b"]]);
        assert.match(ds[0].message, /Model "llama-3-8b" \(aws:sagemaker\/model:Model\): .*acceptEula is true for "s3:\/\/jumpstart-private-cache-prod-us-east-1\/.*", which no approvedModels entry covers/);
    });

    it("a non-compliant aws.sagemaker.Model (no isolation, cross-region image, gated without EULA) fails all three policies", async () => {
        const bad = new aws.sagemaker.Model("legacy-llama", {
            executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/SageMakerExecutionRole`,
            primaryContainer: {
                image: "763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-tgi-inference:2.4.0-tgi2.4.0-gpu-py311-cu124-ubuntu22.04",
                modelDataSource: {
                    s3DataSources: [{
                        s3Uri: `s3://jumpstart-private-cache-prod-${REGION}/meta-textgeneration/meta-textgeneration-llama-3-8b/artifacts/inference-prepack/v1.0.0/`,
                        s3DataType: "S3Prefix",
                        compressionType: "None",
                    }],
                },
            },
        });
        await settled([bad]);
        const ds = await analyze(registered.splice(0), true);
        assert.deepStrictEqual(ds.map(d => [d.policyName, d.enforcementLevel, d.resource]), [
            ["sagemaker-network-isolation", "mandatory", "legacy-llama"],
            ["sagemaker-region-match", "mandatory", "legacy-llama"],
            ["sagemaker-eula-acceptance", "mandatory", "legacy-llama"],
        ]);
        const [isolation, region, eula] = ds.map(d => d.message);
        assert.match(isolation, /Model "legacy-llama" \(aws:sagemaker\/model:Model\): enableNetworkIsolation is <not set>.*Fix: set enableNetworkIsolation: true/s);
        assert.match(region, /primaryContainer\.image "763104351884\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/[^"]*" is in the ECR registry of region "eu-west-1" but the model deploys to "us-east-1" \(from stack config aws:region\)/);
        assert.match(eula, /is a gated model source .* but primaryContainer\.modelDataSource\.s3DataSources\[0\]\.modelAccessConfig\.acceptEula is <not set>/);
    });
});
