// The cross-field rules at the level of their findings (what check() and the local endpoint both
// word), one request per rule. Expected paths, constraints and limits come from the API reference's
// prose (CreateModel, ContainerDefinition, S3ModelDataSource, MetricsEndpoint, CreateModelPackage,
// ModelPackageContainerDefinition, Tag), written out here, never read from the rules.
// check()'s tests (tests/unit/model, model-package) go through the shape validator too, which
// reports some of the same paths and hides a rule that stopped firing; these do not.
import * as assert from "assert";
import { ruleFindings, type Finding } from "../../../provider/rules";
import { serviceMessage, toCheckFailure } from "../../../provider/rules/wording";
import { UNKNOWN } from "../../../provider/common/unknown";

type Row = [path: string, constraint: string, scope?: "check"];
type Obj = Record<string, unknown>;

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const PACKAGE = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";
const c = (extra: Obj = {}): Obj => ({ Image: IMAGE, ...extra });
const model = (extra: Obj = {}): Obj => ({ ExecutionRoleArn: ROLE, PrimaryContainer: c(), ...extra });
const pipeline = (containers: Obj[], extra: Obj = {}): Obj => ({ ExecutionRoleArn: ROLE, Containers: containers, ...extra });
const prefix = (S3Uri: string, CompressionType = "None"): Obj => ({ S3Uri, S3DataType: "S3Prefix", CompressionType });
const spec = (containers: Obj[], Name?: unknown): Obj => ({ ...(Name === undefined ? {} : { Name }), Containers: containers });
const versioned = (extra: Obj = {}): Obj => ({ ModelPackageGroupName: "churn", InferenceSpecification: spec([c()]), ...extra });
const unversioned = (extra: Obj = {}): Obj => ({ ModelPackageName: "churn-standalone", InferenceSpecification: spec([c()]), ...extra });
/** `n` Environment entries, each `bytes` long in key plus value (keys K000, K001, ...). */
const env = (n: number, bytes = 8): Obj => Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${String(i).padStart(3, "0")}`, "v".repeat(bytes - 4)]));

function rows(operation: string, input: Obj): Row[] {
    return ruleFindings(operation, input).map((f) => (f.scope === undefined ? [f.path, f.constraint] : [f.path, f.constraint, f.scope]));
}

function only(operation: string, input: Obj): Finding {
    const all = ruleFindings(operation, input);
    assert.strictEqual(all.length, 1, JSON.stringify(all));
    return all[0];
}

const CASES: { name: string; operation: string; input: Obj; expect: Row[] }[] = [
    // CreateModel: "PrimaryContainer ... Containers": one or the other; Containers 1 to 15 items.
    { name: "a model with one container", operation: "CreateModel", input: model(), expect: [] },
    { name: "no container at all (and no role: no role finding on top)", operation: "CreateModel", input: {}, expect: [["PrimaryContainer", "required"]] },
    { name: "an empty Containers list is no container", operation: "CreateModel", input: { ExecutionRoleArn: ROLE, Containers: [] }, expect: [["PrimaryContainer", "required"]] },
    { name: "PrimaryContainer and an empty Containers list", operation: "CreateModel", input: model({ Containers: [] }), expect: [] },
    { name: "PrimaryContainer and Containers", operation: "CreateModel", input: model({ Containers: [c()] }), expect: [["Containers", "exclusive"]] },
    { name: "16 containers", operation: "CreateModel", input: pipeline(Array.from({ length: 16 }, () => c())), expect: [["Containers", "max"]] },
    { name: "15 containers", operation: "CreateModel", input: pipeline(Array.from({ length: 15 }, () => c())), expect: [] },
    { name: "a container of the list is named by its index", operation: "CreateModel", input: pipeline([c(), { ModelDataUrl: "s3://b/m.tar.gz" }]), expect: [["Containers[1].Image", "required"]] },
    // ContainerDefinition
    { name: "ModelDataUrl with ModelDataSource", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ModelDataUrl: "s3://b/m.tar.gz", ModelDataSource: { S3DataSource: prefix("s3://b/m/") } }) }),
        expect: [["PrimaryContainer.ModelDataSource", "exclusive"]] },
    { name: "ModelDataSource in a MultiModel container", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ Mode: "MultiModel", ModelDataSource: { S3DataSource: prefix("s3://b/m/") } }) }),
        expect: [["PrimaryContainer.ModelDataSource", "exclusive"]] },
    { name: "MultiModelConfig without Mode MultiModel", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ MultiModelConfig: { ModelCacheSetting: "Disabled" } }) }), expect: [["PrimaryContainer.MultiModelConfig", "dependency"]] },
    { name: "MultiModelConfig while Mode is not known yet", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ Mode: UNKNOWN, MultiModelConfig: { ModelCacheSetting: "Disabled" } }) }), expect: [] },
    { name: "Image with ModelPackageName", operation: "CreateModel", input: model({ PrimaryContainer: c({ ModelPackageName: PACKAGE }) }), expect: [["PrimaryContainer.ModelPackageName", "exclusive"]] },
    { name: "neither Image nor ModelPackageName", operation: "CreateModel", input: model({ PrimaryContainer: { ModelDataUrl: "s3://b/m.tar.gz" } }), expect: [["PrimaryContainer.Image", "required"]] },
    { name: "InferenceSpecificationName without ModelPackageName", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ InferenceSpecificationName: "gpu" }) }), expect: [["PrimaryContainer.InferenceSpecificationName", "dependency"]] },
    { name: "RepositoryAuthConfig with RepositoryAccessMode Platform", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ImageConfig: { RepositoryAccessMode: "Platform", RepositoryAuthConfig: { RepositoryCredentialsProviderArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } } }) }),
        expect: [["PrimaryContainer.ImageConfig.RepositoryAuthConfig", "dependency"]] },
    { name: "RepositoryAuthConfig with RepositoryAccessMode Vpc", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ImageConfig: { RepositoryAccessMode: "Vpc", RepositoryAuthConfig: { RepositoryCredentialsProviderArn: "arn:aws:lambda:us-east-1:123456789012:function:f" } } }) }),
        expect: [] },
    { name: "ModelDataSource without a source", operation: "CreateModel", input: model({ PrimaryContainer: c({ ModelDataSource: {} }) }), expect: [["PrimaryContainer.ModelDataSource.S3DataSource", "required"]] },
    // S3ModelDataSource: a prefix ends with "/"; Gzip is one .tar.gz object.
    { name: "an S3Prefix without the trailing slash", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ModelDataSource: { S3DataSource: prefix("s3://b/m") } }) }), expect: [["PrimaryContainer.ModelDataSource.S3DataSource.S3Uri", "pattern"]] },
    { name: "a Gzip S3Prefix", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ModelDataSource: { S3DataSource: prefix("s3://b/m/", "Gzip") } }) }), expect: [["PrimaryContainer.ModelDataSource.S3DataSource.CompressionType", "dependency"]] },
    { name: "a Gzip S3Object", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ModelDataSource: { S3DataSource: { S3Uri: "s3://b/m.tar.gz", S3DataType: "S3Object", CompressionType: "Gzip" } } }) }), expect: [] },
    { name: "additional data sources: a repeated channel name", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ AdditionalModelDataSources: [{ ChannelName: "draft", S3DataSource: prefix("s3://b/x/") }, { ChannelName: "draft", S3DataSource: prefix("s3://b/y/") }] }) }),
        expect: [["PrimaryContainer.AdditionalModelDataSources[1].ChannelName", "unique"]] },
    { name: "additional data sources: distinct channel names", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ AdditionalModelDataSources: [{ ChannelName: "a", S3DataSource: prefix("s3://b/x/") }, { ChannelName: "b", S3DataSource: prefix("s3://b/y/") }] }) }),
        expect: [] },
    { name: "additional data sources: names missing or not known yet are not compared", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ AdditionalModelDataSources: [{ S3DataSource: prefix("s3://b/x/") }, { S3DataSource: prefix("s3://b/y/") }, { ChannelName: UNKNOWN }, { ChannelName: UNKNOWN }] }) }),
        expect: [] },
    { name: "additional data sources: an S3Prefix without the trailing slash", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ AdditionalModelDataSources: [{ ChannelName: "a", S3DataSource: prefix("s3://b/x") }] }) }),
        expect: [["PrimaryContainer.AdditionalModelDataSources[0].S3DataSource.S3Uri", "pattern"]] },
    // Environment: "each key and value ... 1024 bytes"; "all keys and values ... combined, is 32 KB".
    { name: "an Environment key of 1024 bytes", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: { ["K".repeat(1024)]: "" } }) }), expect: [] },
    { name: "an Environment key of 1025 bytes", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: { ["K".repeat(1025)]: "" } }) }), expect: [[`PrimaryContainer.Environment.${"K".repeat(1025)}`, "max"]] },
    { name: "an Environment value of 1024 bytes", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: { V: "é".repeat(512) } }) }), expect: [] },
    { name: "an Environment value of 1025 bytes", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: { V: "é".repeat(512) + "x" } }) }), expect: [["PrimaryContainer.Environment.V", "max"]] },
    { name: "Environment: 32 KB in all", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: env(32, 1024) }) }), expect: [] },
    { name: "Environment: 32 KB and one byte", operation: "CreateModel", input: model({ PrimaryContainer: c({ Environment: { ...env(32, 1024), X: "" } }) }), expect: [["PrimaryContainer.Environment", "maxTotal"]] },
    { name: "Environment: above 32 KB across the containers of a pipeline", operation: "CreateModel",
        input: pipeline([c({ Environment: env(16, 1024) }), c({ Environment: { ...env(16, 1024), X: "" } })]), expect: [["Containers", "maxTotal"]] },
    // MetricsEndpoint.MetricPublishFrequencyInSeconds: 10, 30, 60, 120, 180, 240, 300.
    { name: "a publishing frequency of 45 seconds", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ContainerMetricsConfig: { MetricsEndpoints: [{ MetricPublishFrequencyInSeconds: 60 }, { MetricPublishFrequencyInSeconds: 45 }] } }) }),
        expect: [["PrimaryContainer.ContainerMetricsConfig.MetricsEndpoints[1].MetricPublishFrequencyInSeconds", "enum"]] },
    { name: "a publishing frequency not known yet", operation: "CreateModel",
        input: model({ PrimaryContainer: c({ ContainerMetricsConfig: { MetricsEndpoints: [{ MetricPublishFrequencyInSeconds: UNKNOWN }] } }) }), expect: [] },
    // InferenceExecutionConfig and ContainerHostname (pipelines).
    { name: "InferenceExecutionConfig on a single-container model", operation: "CreateModel",
        input: model({ InferenceExecutionConfig: { Mode: "Serial" } }), expect: [["InferenceExecutionConfig", "dependency", "check"]] },
    { name: "Direct mode: a container without a hostname", operation: "CreateModel",
        input: pipeline([c({ ContainerHostname: "a" }), c()], { InferenceExecutionConfig: { Mode: "Direct" } }), expect: [["Containers[1].ContainerHostname", "required"]] },
    { name: "Serial mode: hostnames on some containers only", operation: "CreateModel",
        input: pipeline([c(), c({ ContainerHostname: "b" })]), expect: [["Containers[0].ContainerHostname", "required"]] },
    { name: "a hostname used twice", operation: "CreateModel",
        input: pipeline([c({ ContainerHostname: "a" }), c({ ContainerHostname: "b" }), c({ ContainerHostname: "a" })]), expect: [["Containers[2].ContainerHostname", "unique"]] },
    // ExecutionRoleArn (ours): needed unless every container is a model package.
    { name: "no role for an image container", operation: "CreateModel", input: { PrimaryContainer: c() }, expect: [["ExecutionRoleArn", "required", "check"]] },
    { name: "no role for a model package container", operation: "CreateModel", input: { PrimaryContainer: { ModelPackageName: PACKAGE } }, expect: [] },
    // Tag.Key: unique per resource; "aws:" reserved in any letter case.
    { name: "tags: a reserved prefix and a repeated key", operation: "CreateModel",
        input: model({ Tags: [{ Key: "AWS:team", Value: "x" }, { Key: "team", Value: "a" }, { Key: "team", Value: "b" }] }),
        expect: [["Tags[0].Key", "pattern"], ["Tags[2].Key", "unique"]] },

    // CreateModelPackage: ModelPackageName xor ModelPackageGroupName.
    { name: "a versioned package", operation: "CreateModelPackage", input: versioned(), expect: [] },
    { name: "a versioned package with its approval status and no specification of its own", operation: "CreateModelPackage",
        input: { ModelPackageGroupName: "churn", ModelApprovalStatus: "Approved", ApprovalDescription: "ok" }, expect: [] },
    { name: "both names", operation: "CreateModelPackage", input: versioned({ ModelPackageName: "x" }), expect: [["ModelPackageName", "exclusive"]] },
    { name: "neither name", operation: "CreateModelPackage", input: { InferenceSpecification: spec([c()]) }, expect: [["ModelPackageGroupName", "required"]] },
    { name: "neither name, with an approval status and no specification: only the missing name (it is not an unversioned package)", operation: "CreateModelPackage",
        input: { ModelApprovalStatus: "Approved" }, expect: [["ModelPackageGroupName", "required"]] },
    { name: "both names, with an approval status and no specification: only the conflict", operation: "CreateModelPackage",
        input: { ModelPackageGroupName: "churn", ModelPackageName: "x", ModelApprovalStatus: "Approved" }, expect: [["ModelPackageName", "exclusive"]] },
    { name: "approval on an unversioned package (\"does not apply to unversioned models\")", operation: "CreateModelPackage",
        input: unversioned({ ModelApprovalStatus: "Approved", ApprovalDescription: "ok" }),
        expect: [["ModelApprovalStatus", "versionedOnly", "check"], ["ApprovalDescription", "versionedOnly", "check"]] },
    { name: "an unversioned package without a specification", operation: "CreateModelPackage", input: { ModelPackageName: "x" }, expect: [["InferenceSpecification", "required"]] },
    { name: "an unversioned algorithm package", operation: "CreateModelPackage",
        input: { ModelPackageName: "x", SourceAlgorithmSpecification: { SourceAlgorithms: [{ AlgorithmName: "a" }] } }, expect: [] },
    { name: "CertifyForMarketplace on a versioned package", operation: "CreateModelPackage",
        input: versioned({ CertifyForMarketplace: false }), expect: [["CertifyForMarketplace", "unversionedOnly", "check"]] },
    { name: "additional specifications without InferenceSpecification", operation: "CreateModelPackage",
        input: { ModelPackageGroupName: "churn", AdditionalInferenceSpecifications: [spec([c()], "gpu")] }, expect: [["AdditionalInferenceSpecifications", "requires"]] },
    { name: "two additional specifications with one name", operation: "CreateModelPackage",
        input: versioned({ AdditionalInferenceSpecifications: [spec([c()], "gpu"), spec([c()], "cpu"), spec([c()], "gpu")] }), expect: [["AdditionalInferenceSpecifications", "unique"]] },
    { name: "additional specifications whose names are missing are not compared", operation: "CreateModelPackage",
        input: versioned({ AdditionalInferenceSpecifications: [spec([c()]), spec([c()])] }), expect: [] },
    { name: "additional specifications whose names are not known yet are not compared", operation: "CreateModelPackage",
        input: versioned({ AdditionalInferenceSpecifications: [spec([c()], UNKNOWN), spec([c()], UNKNOWN)] }), expect: [] },
    { name: "additional specifications whose names are not strings are left to the shape check (Name is a string)", operation: "CreateModelPackage",
        input: versioned({ AdditionalInferenceSpecifications: [spec([c()], 7), spec([c()], 7)] }), expect: [] },
    { name: "a container of InferenceSpecification", operation: "CreateModelPackage",
        input: versioned({ InferenceSpecification: spec([c(), c({ ModelDataSource: { S3DataSource: prefix("s3://b/m") } })]) }),
        expect: [["InferenceSpecification.Containers[1].ModelDataSource.S3DataSource.S3Uri", "pattern"]] },
    { name: "a container of an additional specification", operation: "CreateModelPackage",
        input: versioned({ AdditionalInferenceSpecifications: [spec([c()], "a"), spec([c({ ModelDataSource: { S3DataSource: prefix("s3://b/m") } })], "b")] }),
        expect: [["AdditionalInferenceSpecifications[1].Containers[0].ModelDataSource.S3DataSource.S3Uri", "pattern"]] },
    // ModelPackageContainerDefinition.Environment: "up to 16 entries".
    { name: "16 Environment entries in a package container", operation: "CreateModelPackage", input: versioned({ InferenceSpecification: spec([c({ Environment: env(16) })]) }), expect: [] },
    { name: "17 Environment entries in a package container", operation: "CreateModelPackage",
        input: versioned({ InferenceSpecification: spec([c({ Environment: env(17) })]) }), expect: [["InferenceSpecification.Containers[0].Environment", "max"]] },
    { name: "a package's tags", operation: "CreateModelPackage", input: versioned({ Tags: [{ Key: "a", Value: "1" }, { Key: "a", Value: "2" }] }), expect: [["Tags[1].Key", "unique"]] },

    // UpdateModelPackage: the containers of the new specifications.
    { name: "the containers of an update's specifications", operation: "UpdateModelPackage",
        input: {
            InferenceSpecification: spec([c({ Environment: env(17) })]),
            AdditionalInferenceSpecificationsToAdd: [spec([c()], "a"), spec([c({ ModelDataSource: { S3DataSource: prefix("s3://b/m") } })], "b")],
        },
        expect: [["InferenceSpecification.Containers[0].Environment", "max"], ["AdditionalInferenceSpecificationsToAdd[1].Containers[0].ModelDataSource.S3DataSource.S3Uri", "pattern"]] },
    { name: "CreateModelPackageGroup's tags", operation: "CreateModelPackageGroup", input: { ModelPackageGroupName: "g", Tags: [{ Key: "aws:x", Value: "1" }] }, expect: [["Tags[0].Key", "pattern"]] },
    { name: "AddTags", operation: "AddTags", input: { ResourceArn: PACKAGE, Tags: [{ Key: "a", Value: "1" }, { Key: "a", Value: "2" }] }, expect: [["Tags[1].Key", "unique"]] },
    { name: "an operation without rules", operation: "DeleteModel", input: {}, expect: [] },
];

describe("cross-field rules: the findings of each rule", () => {
    for (const { name, operation, input, expect } of CASES) {
        it(`${operation}: ${name}`, () => {
            assert.deepStrictEqual(rows(operation, input), expect);
        });
    }

    it("every finding says what is wrong and what to do, in words (a CheckFailure names the path, the constraint and the fix)", () => {
        for (const { operation, input } of CASES) {
            for (const f of ruleFindings(operation, input)) {
                assert.match(f.problem, /\w{3,} \w{2,}/, `${operation} ${f.path}: problem "${f.problem}"`);
                assert.match(f.fix, /\w{3,} \w{2,}/, `${operation} ${f.path}: fix "${f.fix}"`);
            }
        }
    });

    it("the problem and the fix name the members involved and the documented limit", () => {
        const words = (operation: string, input: Obj) => { const f = only(operation, input); return `${f.problem} | ${f.fix}`; };
        assert.match(words("CreateModel", model({ Containers: [c()] })), /PrimaryContainer.*Containers/);
        assert.match(words("CreateModel", pipeline(Array.from({ length: 16 }, () => c()))), /16 containers.*maximum 15.*at most 15/);
        assert.match(words("CreateModel", { ExecutionRoleArn: ROLE }), /PrimaryContainer or a non-empty Containers.*1 to 15/);
        assert.match(words("CreateModel", model({ PrimaryContainer: c({ Environment: { ["K".repeat(1025)]: "" } }) })), /the key is longer than 1024 bytes.*at most 1024 bytes/);
        assert.match(words("CreateModel", model({ PrimaryContainer: c({ Environment: { V: "v".repeat(1025) } }) })), /the value is longer than 1024 bytes/);
        assert.match(words("CreateModel", model({ PrimaryContainer: c({ Environment: { ...env(32, 1024), X: "" } }) })), /32769 bytes.*32768-byte/);
        assert.match(words("CreateModel", model({ PrimaryContainer: c({ ContainerMetricsConfig: { MetricsEndpoints: [{ MetricPublishFrequencyInSeconds: 45 }] } }) })),
            /45 seconds .*\| use one of 10, 30, 60, 120, 180, 240, 300$/);
        assert.match(words("CreateModel", model({ PrimaryContainer: c({ AdditionalModelDataSources: [{ ChannelName: "d" }, { ChannelName: "d" }] }) })), /AdditionalModelDataSources\[0\]/);
        assert.match(words("CreateModel", pipeline([c({ ContainerHostname: "a" }), c({ ContainerHostname: "a" })])), /Containers\[0\]/);
        assert.match(words("CreateModel", model({ Tags: [{ Key: "a", Value: "1" }, { Key: "a", Value: "2" }] })), /Tags\[0\]/);
        assert.match(only("CreateModelPackage", {}).fix, /^set ModelPackageGroupName .*to register a version, or ModelPackageName to create an unversioned package$/);
        assert.match(only("CreateModelPackage", { ModelPackageName: "x" }).fix, /^set InferenceSpecification .*, or SourceAlgorithmSpecification to package an algorithm resource$/);
        const approval = ruleFindings("CreateModelPackage", unversioned({ ApprovalDescription: "ok" }))[0];
        assert.match(approval.problem, /^ApprovalDescription /);
        assert.match(approval.fix, /remove ApprovalDescription$/);
        assert.match(words("CreateModelPackage", versioned({ AdditionalInferenceSpecifications: [spec([c()], "gpu"), spec([c()], "gpu")] })), /named "gpu"/);
        assert.match(words("CreateModelPackage", versioned({ InferenceSpecification: spec([c({ Environment: env(17) })]) })), /17 entries .*16.*at most 16/);
    });

    it("never echoes an Environment value (it may be a secret)", () => {
        const secret = "s3cr3t-".repeat(200);
        for (const f of ruleFindings("CreateModel", model({ PrimaryContainer: c({ Environment: { TOKEN: secret } }) }))) {
            assert.ok(!JSON.stringify(f).includes("s3cr3t"), JSON.stringify(f));
        }
    });
});

describe("cross-field rules: their two wordings", () => {
    const a = { path: "PrimaryContainer", constraint: "required", problem: "a model needs a container", fix: "set one" };
    const b = { path: "Tags[1].Key", constraint: "unique", problem: "the key is already used", fix: "use each key once" };

    it("check(): `<path>: <problem> (constraint: <c>). Fix: <fix>.`", () => {
        assert.deepStrictEqual(toCheckFailure(a), { property: "PrimaryContainer", constraint: "required", reason: "PrimaryContainer: a model needs a container (constraint: required). Fix: set one." });
    });

    it("the local endpoint: `<path>: <problem>`, several joined with \"; \"", () => {
        assert.strictEqual(serviceMessage([a, b]), "PrimaryContainer: a model needs a container; Tags[1].Key: the key is already used");
    });
});
