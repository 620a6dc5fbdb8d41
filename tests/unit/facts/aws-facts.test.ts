// Facts from the SageMaker API reference and the AWS tagging guide, written here by hand, each with
// its page and the sentence it comes from. Every expected value is a literal from that page, never
// read from provider/shapes/sagemaker-shapes.json or from the rules under test, so a wrong number in
// the table (or a rule) fails here. The shape facts are checked on the validator itself (so a
// mutated table constraint shows even where a rule repeats it) and the rule facts on check().
//
// The API reference pages are rendered from the same service model as botocore's; their
// "Length Constraints", "Array Members", "Map Entries", "Pattern" and "Required" lines are quoted
// as the pages print them.
import * as assert from "assert";
import { lifecycles } from "../../../provider/runtime";
import { validateShape } from "../../../provider/shapes/validate";

const REF = "https://docs.aws.amazon.com/sagemaker/latest/APIReference";
/** Linked from the API reference's Tags members ("Tagging Amazon Web Services Resources"), section "Tag naming limits and requirements". */
const TAGGING = "https://docs.aws.amazon.com/general/latest/gr/aws_tagging.html";

const IMAGE = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerExecutionRole";
const URL = "s3://my-models-us-east-1/xgboost/model.tar.gz";

type Props = Record<string, unknown>;
type Kind = "Model" | "ModelPackage" | "ModelPackageGroup";

/** A fact: where it is written, the sentence, and what follows from it. */
interface Fact { page: string; quote: string; check: () => void | Promise<void> }

// --- requests of each kind, valid as written -------------------------------------------------

const model = (over: Props = {}): Props => ({ ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, ModelDataUrl: URL }, ...over });
const pkgContainer = (over: Props = {}): Props => ({ Image: IMAGE, ModelDataUrl: URL, ...over });
const pkg = (over: Props = {}): Props => ({ ModelPackageGroupName: "g", InferenceSpecification: { Containers: [pkgContainer()] }, ...over });
const group = (over: Props = {}): Props => ({ ModelPackageGroupName: "g", ...over });
const ROOT: Record<Kind, string> = { Model: "CreateModelInput", ModelPackage: "CreateModelPackageInput", ModelPackageGroup: "CreateModelPackageGroupInput" };
const REQUEST: Record<Kind, (over?: Props) => Props> = { Model: model, ModelPackage: pkg, ModelPackageGroup: group };

const repeat = (n: number, s = "a") => s.repeat(n);
const env = (n: number, value = "v") => Object.fromEntries(Array.from({ length: n }, (_, i) => [`VAR_${i}`, value]));
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: "v" }));

/** The validator's issues on a request, as "path constraint". */
function shapeIssues(kind: Kind, request: Props): string[] {
    return validateShape(ROOT[kind], request).map((i) => `${i.path} ${i.constraint}`);
}

function acceptsShape(kind: Kind, request: Props): void {
    assert.deepStrictEqual(shapeIssues(kind, request), [], `${kind} request should pass the validator`);
}

function rejectsShape(kind: Kind, request: Props, path: string, constraint: string): void {
    assert.ok(shapeIssues(kind, request).includes(`${path} ${constraint}`), `expected "${path} ${constraint}", got ${JSON.stringify(shapeIssues(kind, request))}`);
}

/** check() as the engine calls it; resolves to the failing property paths. */
async function checkFailures(kind: Kind, request: Props): Promise<string[]> {
    const own = kind === "ModelPackage" ? {} : { __logicalName: "fact" };
    const result = await lifecycles[kind].check({ region: "us-east-1" }, {}, { ...request, ...own });
    return (result.failures ?? []).map((f) => f.property);
}

async function accepts(kind: Kind, request: Props): Promise<void> {
    assert.deepStrictEqual(await checkFailures(kind, request), [], `${kind} check() should accept`);
}

async function rejects(kind: Kind, request: Props, path: string): Promise<void> {
    const failures = await checkFailures(kind, request);
    assert.ok(failures.includes(path), `${kind} check() should fail at ${path}, got ${JSON.stringify(failures)}`);
}

const facts: Record<string, Fact> = {
    // --- names ------------------------------------------------------------------------------
    "a model name has at most 63 characters": {
        page: `${REF}/API_CreateModel.html`, quote: "ModelName ... Length Constraints: Minimum length of 0. Maximum length of 63.",
        check: () => {
            acceptsShape("Model", model({ ModelName: repeat(63) }));
            rejectsShape("Model", model({ ModelName: repeat(64) }), "ModelName", "max");
        },
    },
    "a model name is letters, digits and inner hyphens": {
        page: `${REF}/API_CreateModel.html`, quote: "ModelName ... Pattern: ^[a-zA-Z0-9]([\\-a-zA-Z0-9]*[a-zA-Z0-9])?$",
        check: () => {
            acceptsShape("Model", model({ ModelName: "my-Model-2" }));
            for (const bad of ["-m", "m-", "my_model", "my.model", "my model"]) rejectsShape("Model", model({ ModelName: bad }), "ModelName", "pattern");
        },
    },
    "a model name is required": {
        page: `${REF}/API_CreateModel.html`, quote: "ModelName ... Required: Yes",
        check: () => rejectsShape("Model", { PrimaryContainer: { Image: IMAGE } }, "ModelName", "required"),
    },
    "a model package group name has 1 to 63 characters": {
        page: `${REF}/API_CreateModelPackageGroup.html`, quote: "ModelPackageGroupName ... Length Constraints: Minimum length of 1. Maximum length of 63.",
        check: () => {
            acceptsShape("ModelPackageGroup", group({ ModelPackageGroupName: repeat(63) }));
            rejectsShape("ModelPackageGroup", group({ ModelPackageGroupName: repeat(64) }), "ModelPackageGroupName", "max");
            rejectsShape("ModelPackageGroup", group({ ModelPackageGroupName: "" }), "ModelPackageGroupName", "min");
        },
    },
    "a model package group name is letters, digits and hyphens, starting and ending with a letter or digit": {
        page: `${REF}/API_CreateModelPackageGroup.html`, quote: "ModelPackageGroupName ... Pattern: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$",
        check: () => {
            acceptsShape("ModelPackageGroup", group({ ModelPackageGroupName: "churn--v2" }));
            for (const bad of ["-churn", "churn-", "churn_v2"]) rejectsShape("ModelPackageGroup", group({ ModelPackageGroupName: bad }), "ModelPackageGroupName", "pattern");
        },
    },
    "a model package group description has at most 1024 characters": {
        page: `${REF}/API_CreateModelPackageGroup.html`, quote: "ModelPackageGroupDescription ... Length Constraints: Maximum length of 1024.",
        check: () => {
            acceptsShape("ModelPackageGroup", group({ ModelPackageGroupDescription: repeat(1024) }));
            rejectsShape("ModelPackageGroup", group({ ModelPackageGroupDescription: repeat(1025) }), "ModelPackageGroupDescription", "max");
        },
    },
    "an unversioned model package name has 1 to 63 characters of a-z, A-Z, 0-9 and hyphens": {
        page: `${REF}/API_CreateModelPackage.html`,
        quote: "ModelPackageName: The name of the model package. The name must have 1 to 63 characters. Valid characters are a-z, A-Z, 0-9, and - (hyphen).",
        check: () => {
            const unversioned = (name: string) => ({ ModelPackageName: name, InferenceSpecification: { Containers: [pkgContainer()] } });
            acceptsShape("ModelPackage", unversioned(repeat(63)));
            rejectsShape("ModelPackage", unversioned(repeat(64)), "ModelPackageName", "max");
            rejectsShape("ModelPackage", unversioned(""), "ModelPackageName", "min");
            rejectsShape("ModelPackage", unversioned("a_b"), "ModelPackageName", "pattern");
        },
    },
    "a package is versioned (group) or unversioned (name), never both nor neither": {
        page: `${REF}/API_CreateModelPackage.html`,
        quote: "ModelPackageGroupName: This parameter is required for versioned models, and does not apply to unversioned models. " +
            "ModelPackageName: This parameter is required for unversioned models. It is not applicable to versioned models.",
        check: async () => {
            await rejects("ModelPackage", pkg({ ModelPackageName: "p" }), "ModelPackageName");
            await rejects("ModelPackage", { InferenceSpecification: { Containers: [pkgContainer()] } }, "ModelPackageGroupName");
        },
    },

    // --- containers -------------------------------------------------------------------------
    "a model has at most 15 containers": {
        page: `${REF}/API_CreateModel.html`, quote: "Containers ... Array Members: Maximum number of 15 items.",
        check: async () => {
            const pipeline = (n: number) => model({ PrimaryContainer: undefined, Containers: Array.from({ length: n }, () => ({ Image: IMAGE })) });
            acceptsShape("Model", pipeline(15));
            rejectsShape("Model", pipeline(16), "Containers", "max");
            await accepts("Model", pipeline(15));
            await rejects("Model", pipeline(16), "Containers");
        },
    },
    "a model sets PrimaryContainer or, for a pipeline, Containers": {
        page: "https://docs.aws.amazon.com/sagemaker/latest/dg/inference-pipelines.html",
        quote: "Instead of setting one PrimaryContainer, you use the Containers parameter to set the containers that make up the pipeline.",
        check: async () => {
            await rejects("Model", model({ Containers: [{ Image: IMAGE }] }), "Containers");
            await rejects("Model", model({ PrimaryContainer: undefined }), "PrimaryContainer");
        },
    },
    "a container image is at most 255 non-space characters": {
        page: `${REF}/API_ContainerDefinition.html`, quote: "Image ... Length Constraints: Maximum length of 255. Pattern: [\\S]+",
        check: () => {
            acceptsShape("Model", model({ PrimaryContainer: { Image: `${IMAGE}${repeat(255 - IMAGE.length)}` } }));
            rejectsShape("Model", model({ PrimaryContainer: { Image: `${IMAGE}${repeat(256 - IMAGE.length)}` } }), "PrimaryContainer.Image", "max");
            rejectsShape("Model", model({ PrimaryContainer: { Image: "my image" } }), "PrimaryContainer.Image", "pattern");
        },
    },
    "a model package has 1 to 15 containers per inference specification": {
        page: `${REF}/API_InferenceSpecification.html`, quote: "Containers ... Array Members: Minimum number of 1 item. Maximum number of 15 items. Required: Yes",
        check: () => {
            const spec = (n: number) => pkg({ InferenceSpecification: { Containers: Array.from({ length: n }, () => pkgContainer()) } });
            acceptsShape("ModelPackage", spec(15));
            rejectsShape("ModelPackage", spec(16), "InferenceSpecification.Containers", "max");
            rejectsShape("ModelPackage", spec(0), "InferenceSpecification.Containers", "min");
            rejectsShape("ModelPackage", pkg({ InferenceSpecification: {} }), "InferenceSpecification.Containers", "required");
        },
    },
    "a model package has 1 to 15 additional inference specifications": {
        page: `${REF}/API_CreateModelPackage.html`, quote: "AdditionalInferenceSpecifications ... Array Members: Minimum number of 1 item. Maximum number of 15 items.",
        check: () => {
            const extra = (n: number) => pkg({ AdditionalInferenceSpecifications: Array.from({ length: n }, (_, i) => ({ Name: `s${i}`, Containers: [pkgContainer()] })) });
            acceptsShape("ModelPackage", extra(15));
            rejectsShape("ModelPackage", extra(16), "AdditionalInferenceSpecifications", "max");
            rejectsShape("ModelPackage", extra(0), "AdditionalInferenceSpecifications", "min");
        },
    },

    // --- environment ------------------------------------------------------------------------
    "a model container's Environment has at most 100 entries": {
        page: `${REF}/API_ContainerDefinition.html`, quote: "Environment ... Map Entries: Maximum number of 100 items.",
        check: () => {
            acceptsShape("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: env(100) } }));
            rejectsShape("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: env(101) } }), "PrimaryContainer.Environment", "max");
        },
    },
    "environment variable names are letters, digits and underscores, not starting with a digit": {
        page: `${REF}/API_ContainerDefinition.html`, quote: "Environment ... Key Pattern: [a-zA-Z_][a-zA-Z0-9_]*",
        check: () => {
            acceptsShape("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: { _A1: "v" } } }));
            rejectsShape("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: { "1A": "v" } } }), "PrimaryContainer.Environment.1A", "pattern");
            rejectsShape("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: { "MY-VAR": "v" } } }), "PrimaryContainer.Environment.MY-VAR", "pattern");
        },
    },
    "each Environment key and value of a model is at most 1024 bytes": {
        page: `${REF}/API_ContainerDefinition.html`,
        quote: "The maximum length of each key and value in the Environment map is 1024 bytes.",
        check: async () => {
            const withValue = (v: string) => model({ PrimaryContainer: { Image: IMAGE, Environment: { V: v } } });
            await accepts("Model", withValue(repeat(1024)));
            await rejects("Model", withValue(repeat(1025)), "PrimaryContainer.Environment.V");
            // Bytes, not characters: 513 two-byte characters are 1026 bytes.
            await accepts("Model", withValue(repeat(512, "é")));
            await rejects("Model", withValue(repeat(513, "é")), "PrimaryContainer.Environment.V");
            await rejects("Model", withValue(`${repeat(512, "é")}a`), "PrimaryContainer.Environment.V"); // 1025 bytes, 513 characters
        },
    },
    "all Environment keys and values of a model, across its containers, add up to at most 32 KB": {
        page: `${REF}/API_ContainerDefinition.html`,
        quote: "The maximum length of all keys and values in the map, combined, is 32 KB. If you pass multiple containers to a " +
            "CreateModel request, then the maximum length of all of their maps, combined, is also 32 KB.",
        check: async () => {
            // 16 entries of a 5-byte key and a 1000-byte value: 16,080 bytes per container.
            const half = env(16, repeat(1000));
            const pipeline = (containers: Props[]) => model({ PrimaryContainer: undefined, Containers: containers });
            await accepts("Model", pipeline([{ Image: IMAGE, Environment: half }, { Image: IMAGE, Environment: half }]));
            await rejects("Model", pipeline([{ Image: IMAGE, Environment: half }, { Image: IMAGE, Environment: half },
                { Image: IMAGE, Environment: { X: repeat(1000) } }]), "Containers");
            await rejects("Model", model({ PrimaryContainer: { Image: IMAGE, Environment: env(33, repeat(1000)) } }), "PrimaryContainer.Environment");
        },
    },
    "a model package container's Environment has at most 16 entries of at most 1024 characters each": {
        page: `${REF}/API_ModelPackageContainerDefinition.html`,
        quote: "Each key and value in the Environment string to string map can have length of up to 1024. We support up to 16 entries in the map.",
        check: async () => {
            const withEnv = (e: Props) => pkg({ InferenceSpecification: { Containers: [pkgContainer({ Environment: e })] } });
            await accepts("ModelPackage", withEnv(env(16)));
            await rejects("ModelPackage", withEnv(env(17)), "InferenceSpecification.Containers[0].Environment");
            acceptsShape("ModelPackage", withEnv({ V: repeat(1024) }));
            rejectsShape("ModelPackage", withEnv({ V: repeat(1025) }), "InferenceSpecification.Containers[0].Environment.V", "max");
        },
    },

    // --- tags -------------------------------------------------------------------------------
    "a resource takes at most 50 tags, on every kind": {
        page: `${REF}/API_CreateModel.html`, quote: "Tags ... Array Members: Minimum number of 0 items. Maximum number of 50 items.",
        check: () => {
            for (const kind of ["Model", "ModelPackage", "ModelPackageGroup"] as const) {
                acceptsShape(kind, REQUEST[kind]({ Tags: tags(50) }));
                rejectsShape(kind, REQUEST[kind]({ Tags: tags(51) }), "Tags", "max");
            }
        },
    },
    "a tag key has 1 to 128 characters and a value at most 256; both are required": {
        page: `${REF}/API_Tag.html`,
        quote: "Key ... Length Constraints: Minimum length of 1. Maximum length of 128. Required: Yes. " +
            "Value ... Length Constraints: Minimum length of 0. Maximum length of 256. Required: Yes",
        check: () => {
            acceptsShape("Model", model({ Tags: [{ Key: repeat(128), Value: repeat(256) }] }));
            rejectsShape("Model", model({ Tags: [{ Key: repeat(129), Value: "v" }] }), "Tags[0].Key", "max");
            rejectsShape("Model", model({ Tags: [{ Key: "", Value: "v" }] }), "Tags[0].Key", "min");
            rejectsShape("Model", model({ Tags: [{ Key: "k", Value: repeat(257) }] }), "Tags[0].Value", "max");
            rejectsShape("Model", model({ Tags: [{ Key: "k" }] }), "Tags[0].Value", "required");
        },
    },
    "tag keys are unique per resource, on every kind": {
        page: `${REF}/API_Tag.html`, quote: "Key: The tag key. Tag keys must be unique per resource.",
        check: async () => {
            for (const kind of ["Model", "ModelPackage", "ModelPackageGroup"] as const) {
                await rejects(kind, REQUEST[kind]({ Tags: [{ Key: "team", Value: "a" }, { Key: "team", Value: "b" }] }), "Tags[1].Key");
            }
        },
    },
    "the aws: prefix of tag keys is reserved for AWS, on every kind (refused in any letter case)": {
        page: TAGGING,
        quote: "The aws: prefix is prohibited for tags; it's reserved for AWS use. You can't edit or delete tag keys or values with this prefix.",
        check: async () => {
            for (const kind of ["Model", "ModelPackage", "ModelPackageGroup"] as const) {
                for (const key of ["aws:team", "AWS:team", "Aws:team"]) await rejects(kind, REQUEST[kind]({ Tags: [{ Key: key, Value: "v" }] }), "Tags[0].Key");
                await accepts(kind, REQUEST[kind]({ Tags: [{ Key: "team:aws", Value: "v" }] }));
            }
        },
    },

    // --- S3 ---------------------------------------------------------------------------------
    "with S3Prefix the S3Uri ends with a slash, for models and model packages": {
        page: `${REF}/API_S3ModelDataSource.html`,
        quote: "If you choose S3Prefix, S3Uri identifies a key name prefix. ... A valid key name prefix identified by S3Uri always ends with a forward slash (/).",
        check: async () => {
            const source = (uri: string) => ({ S3DataSource: { S3Uri: uri, S3DataType: "S3Prefix", CompressionType: "None" } });
            await accepts("Model", model({ PrimaryContainer: { Image: IMAGE, ModelDataSource: source("s3://b/prefix/") } }));
            await rejects("Model", model({ PrimaryContainer: { Image: IMAGE, ModelDataSource: source("s3://b/prefix") } }), "PrimaryContainer.ModelDataSource.S3DataSource.S3Uri");
            const inPackage = (uri: string) => pkg({ InferenceSpecification: { Containers: [{ Image: IMAGE, ModelDataSource: source(uri) }] } });
            await accepts("ModelPackage", inPackage("s3://b/prefix/"));
            await rejects("ModelPackage", inPackage("s3://b/prefix"), "InferenceSpecification.Containers[0].ModelDataSource.S3DataSource.S3Uri");
        },
    },
    "an S3 model data source needs S3Uri, S3DataType and CompressionType": {
        page: `${REF}/API_S3ModelDataSource.html`, quote: "CompressionType ... Required: Yes. S3DataType ... Required: Yes. S3Uri ... Required: Yes",
        check: () => {
            for (const missing of ["S3Uri", "S3DataType", "CompressionType"]) {
                const s3: Props = { S3Uri: "s3://b/k.tar.gz", S3DataType: "S3Object", CompressionType: "Gzip" };
                delete s3[missing];
                rejectsShape("Model", model({ PrimaryContainer: { Image: IMAGE, ModelDataSource: { S3DataSource: s3 } } }),
                    `PrimaryContainer.ModelDataSource.S3DataSource.${missing}`, "required");
            }
        },
    },
    "a model data URL is an s3:// or https:// URL of at most 1024 characters": {
        page: `${REF}/API_ContainerDefinition.html`, quote: "ModelDataUrl ... Length Constraints: Maximum length of 1024. Pattern: ^(https|s3)://([^/]+)/?(.*)$",
        check: () => {
            const at = (url: string) => model({ PrimaryContainer: { Image: IMAGE, ModelDataUrl: url } });
            acceptsShape("Model", at(`s3://b/${repeat(1024 - 7)}`));
            acceptsShape("Model", at("https://b.s3.amazonaws.com/k"));
            rejectsShape("Model", at(`s3://b/${repeat(1024 - 6)}`), "PrimaryContainer.ModelDataUrl", "max");
            for (const bad of ["ftp://b/k", "s3:///k", "b/k"]) rejectsShape("Model", at(bad), "PrimaryContainer.ModelDataUrl", "pattern");
        },
    },

    // --- roles, enums, pipelines ---------------------------------------------------------
    "an execution role ARN has 20 to 2048 characters and is an IAM role ARN": {
        page: `${REF}/API_CreateModel.html`,
        quote: "ExecutionRoleArn ... Length Constraints: Minimum length of 20. Maximum length of 2048. Pattern: ^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$",
        check: () => {
            acceptsShape("Model", model({ ExecutionRoleArn: "arn:aws-cn:iam::123456789012:role/path/R" }));
            rejectsShape("Model", model({ ExecutionRoleArn: "arn:aws:iam::1:role" }), "ExecutionRoleArn", "min");
            rejectsShape("Model", model({ ExecutionRoleArn: "arn:aws:iam::123456789012:user/someone" }), "ExecutionRoleArn", "pattern");
        },
    },
    "approval status is Approved, Rejected or PendingManualApproval": {
        page: `${REF}/API_CreateModelPackage.html`, quote: "ModelApprovalStatus ... Valid Values: Approved | Rejected | PendingManualApproval",
        check: () => {
            for (const ok of ["Approved", "Rejected", "PendingManualApproval"]) acceptsShape("ModelPackage", pkg({ ModelApprovalStatus: ok }));
            for (const bad of ["approved", "Pending", "APPROVED"]) rejectsShape("ModelPackage", pkg({ ModelApprovalStatus: bad }), "ModelApprovalStatus", "enum");
        },
    },
    "ml.g6e.xlarge to ml.g6e.48xlarge are transform instance types": {
        page: `${REF}/API_InferenceSpecification.html`,
        quote: "SupportedTransformInstanceTypes ... Valid Values: ... ml.g6e.xlarge | ml.g6e.2xlarge | ml.g6e.4xlarge | ml.g6e.8xlarge | ml.g6e.12xlarge | ml.g6e.16xlarge | ml.g6e.24xlarge | ml.g6e.48xlarge",
        check: () => {
            const types = ["ml.g6e.xlarge", "ml.g6e.2xlarge", "ml.g6e.4xlarge", "ml.g6e.8xlarge", "ml.g6e.12xlarge", "ml.g6e.16xlarge", "ml.g6e.24xlarge", "ml.g6e.48xlarge"];
            acceptsShape("ModelPackage", pkg({ InferenceSpecification: { Containers: [pkgContainer()], SupportedTransformInstanceTypes: types } }));
            rejectsShape("ModelPackage", pkg({ InferenceSpecification: { Containers: [pkgContainer()], SupportedTransformInstanceTypes: ["ml.g6e.96xlarge"] } }),
                "InferenceSpecification.SupportedTransformInstanceTypes[0]", "enum");
        },
    },
    "in a pipeline, a hostname on one container means a hostname on every container": {
        page: `${REF}/API_ContainerDefinition.html`,
        quote: "If you specify a value for the ContainerHostName for any ContainerDefinition that is part of an inference pipeline, " +
            "you must specify a value for the ContainerHostName parameter of every ContainerDefinition in that pipeline.",
        check: async () => {
            const pipeline = (names: (string | undefined)[]) => model({ PrimaryContainer: undefined, Containers: names.map((h) => ({ Image: IMAGE, ContainerHostname: h })) });
            await accepts("Model", pipeline(["a", "b"]));
            await accepts("Model", pipeline([undefined, undefined]));
            await rejects("Model", pipeline(["a", undefined]), "Containers[1].ContainerHostname");
        },
    },
    "container metrics are published every 10, 30, 60, 120, 180, 240 or 300 seconds": {
        page: `${REF}/API_MetricsEndpoint.html`, quote: "MetricPublishFrequencyInSeconds ... Valid values: 10, 30, 60, 120, 180, 240, 300. Defaults to 60.",
        check: async () => {
            const every = (s: number) => model({ PrimaryContainer: { Image: IMAGE, ContainerMetricsConfig: { MetricsEndpoints: [{ MetricsEndpointPath: "/metrics", MetricPublishFrequencyInSeconds: s }] } } });
            for (const s of [10, 30, 60, 120, 180, 240, 300]) await accepts("Model", every(s));
            for (const s of [15, 90, 600]) await rejects("Model", every(s), "PrimaryContainer.ContainerMetricsConfig.MetricsEndpoints[0].MetricPublishFrequencyInSeconds");
        },
    },
};

describe("AWS facts (API reference, by hand)", () => {
    for (const [name, fact] of Object.entries(facts)) {
        it(name, async () => {
            assert.match(fact.page, /^https:\/\/docs\.aws\.amazon\.com\//, "every fact names its page");
            assert.ok(fact.quote.length > 20, "every fact quotes its sentence");
            await fact.check();
        });
    }
});
