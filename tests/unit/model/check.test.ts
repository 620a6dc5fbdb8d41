import * as assert from "assert";
import { checkInputs } from "../../../provider/engine/check";
import { modelSpec } from "../../../provider/model/spec";
import { UNKNOWN } from "../../../provider/common/unknown";
import { container, IMAGE, ROLE, validInputs } from "./fixtures";

type Failure = { property: string; reason: string };

const checkModel = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkInputs(modelSpec, {}, olds, news);

function failures(news: Record<string, unknown>, olds: Record<string, unknown> = {}): Failure[] {
    return (checkModel(olds, news).failures ?? []) as Failure[];
}

/** Asserts exactly one failure at `property` whose reason names the path, the constraint and a fix. */
function expectFailure(news: Record<string, unknown>, property: string, constraint: string): Failure {
    const found = failures(news).filter((f) => f.property === property);
    assert.strictEqual(found.length, 1, `expected one failure at ${property}, got ${JSON.stringify(failures(news), null, 1)}`);
    const reason = found[0].reason;
    assert.ok(reason.includes(property), `reason names the path: ${reason}`);
    assert.ok(reason.includes(`constraint: ${constraint}`), `reason names the constraint ${constraint}: ${reason}`);
    assert.match(reason, /Fix: /);
    return found[0];
}

describe("Model check", () => {
    describe("naming", () => {
        it("generates ModelName from the logical name and marks it auto-named", () => {
            const { inputs, failures: f } = checkModel({}, validInputs());
            assert.deepStrictEqual(f, []);
            assert.match(String(inputs?.ModelName), /^my-model-[0-9a-f]{7}$/);
            assert.strictEqual(inputs?.__autoNamed, true);
        });

        it("reuses the generated name from olds on later checks", () => {
            const first = checkModel({}, validInputs()).inputs!;
            const second = checkModel(first, validInputs()).inputs!;
            assert.strictEqual(second.ModelName, first.ModelName);
        });

        it("generates a fresh name when olds are empty (replacement)", () => {
            const first = checkModel({}, validInputs()).inputs!;
            const again = checkModel({}, validInputs()).inputs!;
            assert.notStrictEqual(again.ModelName, first.ModelName);
        });

        describe("with the constructor's scope (project, stack, parent, logical name): the name preview shows is the one up creates", () => {
            const DEV = "shop\ndev\n\nmy-model";
            const PROD = "shop\nprod\n\nmy-model";
            const scoped = (scope: string, over: Record<string, unknown> = {}) => validInputs({ __autoNameScope: scope, ...over });

            it("the same stack and inputs give the same name (preview's check, then up's)", () => {
                const preview = checkModel({}, scoped(DEV)).inputs!;
                const up = checkModel({}, scoped(DEV)).inputs!;
                assert.match(String(preview.ModelName), /^my-model-[0-9a-f]{7}$/);
                assert.strictEqual(up.ModelName, preview.ModelName);
                assert.strictEqual(up.__autoNamed, true);
            });

            it("another stack of the same program gets another name (both may live in one account and region)", () => {
                assert.notStrictEqual(checkModel({}, scoped(PROD)).inputs!.ModelName, checkModel({}, scoped(DEV)).inputs!.ModelName);
            });

            it("a replacement (a member changed, olds empty) gets a new name, so both can exist during the replacement", () => {
                const first = checkModel({}, scoped(DEV)).inputs!;
                const replaced = checkModel({}, scoped(DEV, { ExecutionRoleArn: "arn:aws:iam::123456789012:role/other" })).inputs!;
                assert.match(String(replaced.ModelName), /^my-model-[0-9a-f]{7}$/);
                assert.notStrictEqual(replaced.ModelName, first.ModelName);
            });

            it("an existing resource keeps its name (olds), whatever the seed would give now", () => {
                const first = checkModel({}, scoped(DEV)).inputs!;
                const later = checkModel(first, scoped(PROD, { ExecutionRoleArn: "arn:aws:iam::123456789012:role/other" })).inputs!;
                assert.strictEqual(later.ModelName, first.ModelName);
            });

            it("while an input is unknown (preview), the name is unknown rather than one up would not use", () => {
                const preview = checkModel({}, scoped(DEV, { ExecutionRoleArn: UNKNOWN }));
                assert.strictEqual(preview.inputs!.ModelName, UNKNOWN);
                assert.strictEqual(preview.inputs!.__autoNamed, true);
                assert.deepStrictEqual(preview.failures, []);
            });

            it("our own inputs and the order of keys do not change the name", () => {
                const a = checkModel({}, scoped(DEV)).inputs!;
                const reordered = Object.fromEntries(Object.entries(scoped(DEV)).reverse());
                assert.strictEqual(checkModel({}, reordered).inputs!.ModelName, a.ModelName);
                assert.strictEqual(checkModel({}, { ...scoped(DEV), __autoNamed: false }).inputs!.ModelName, a.ModelName);
            });
        });

        it("does not reuse a user-fixed old name once the user drops ModelName", () => {
            const fixed = checkModel({}, validInputs({ ModelName: "fixed" })).inputs!;
            assert.strictEqual(fixed.__autoNamed, false);
            const next = checkModel(fixed, validInputs()).inputs!;
            assert.notStrictEqual(next.ModelName, "fixed");
            assert.strictEqual(next.__autoNamed, true);
        });

        it("keeps a user-given ModelName, unknown included", () => {
            assert.strictEqual(checkModel({}, validInputs({ ModelName: "fixed" })).inputs!.ModelName, "fixed");
            const r = checkModel({}, validInputs({ ModelName: UNKNOWN }));
            assert.strictEqual(r.inputs!.ModelName, UNKNOWN);
            assert.deepStrictEqual(r.failures, []);
        });

        it("fits long logical names into 63 characters", () => {
            const name = String(checkModel({}, validInputs({ __logicalName: "x".repeat(100) })).inputs!.ModelName);
            assert.ok(name.length <= 63);
        });

        it("fails without ModelName and logicalName", () => {
            const news = validInputs();
            delete news.__logicalName;
            const f = expectFailure(news, "ModelName", "required");
            // The naming rule's advice, not the shape's bare "required".
            assert.match(f.reason, /there is no logical name to derive it from.*new Model\(name, args\)/);
        });

        it("reports a bad user-given name through the shape validator", () => {
            expectFailure(validInputs({ ModelName: "bad_name!" }), "ModelName", "pattern");
        });
    });

    describe("region", () => {
        it("accepts a region code and rejects others", () => {
            assert.deepStrictEqual(failures(validInputs({ region: "eu-west-2" })), []);
            expectFailure(validInputs({ region: "Europe" }), "region", "pattern");
            expectFailure(validInputs({ region: 42 }), "region", "type");
            assert.deepStrictEqual(failures(validInputs({ region: UNKNOWN })), []);
        });
    });

    describe("shape validation", () => {
        it("passes our own camelCase inputs and __provider through without complaint", () => {
            assert.deepStrictEqual(failures(validInputs({ __provider: "serialized", region: "us-east-1" })), []);
        });

        it("reports unknown members with a fix", () => {
            expectFailure(validInputs({ primaryContainer: {} }), "primaryContainer", "unknownMember");
        });

        it("lists the user's own settings for an unknown member, never the internal ones (logicalName, autoNamed)", () => {
            const typo = expectFailure(validInputs({ PrimaryContainers: {} }), "PrimaryContainers", "unknownMember");
            assert.match(typo.reason, /our own settings are [^.]*\bregion\b/);
            assert.match(typo.reason, /\badopt\b/);
            assert.doesNotMatch(typo.reason, /logicalName|autoNamed/);
        });

        it("reports enum, type and required violations deep in containers", () => {
            expectFailure(validInputs({ PrimaryContainer: container({ Mode: "Many" }) }), "PrimaryContainer.Mode", "enum");
            expectFailure(validInputs({ EnableNetworkIsolation: "yes" }), "EnableNetworkIsolation", "type");
            expectFailure(validInputs({ VpcConfig: { Subnets: ["subnet-1"] } }), "VpcConfig.SecurityGroupIds", "required");
        });

        it("checks Environment entries (count, key pattern, value length) without echoing values", () => {
            const env: Record<string, string> = {};
            for (let i = 0; i < 101; i++) env[`K${i}`] = "v";
            expectFailure(validInputs({ PrimaryContainer: container({ Environment: env }) }), "PrimaryContainer.Environment", "max");
            expectFailure(validInputs({ PrimaryContainer: container({ Environment: { "1BAD": "v" } }) }), "PrimaryContainer.Environment.1BAD", "pattern");
            const secret = "s3cr3t-".repeat(200);
            const f = expectFailure(validInputs({ PrimaryContainer: container({ Environment: { TOKEN: secret } }) }), "PrimaryContainer.Environment.TOKEN", "max");
            assert.ok(!f.reason.includes("s3cr3t"));
        });

        it("never throws on ill-typed input", () => {
            const weird: unknown[] = [null, 5, "x", [], [null], { Image: 5 }, new Date(0)];
            for (const w of weird) {
                for (const member of ["PrimaryContainer", "Containers", "Tags", "InferenceExecutionConfig", "VpcConfig"]) {
                    assert.doesNotThrow(() => checkModel({}, validInputs({ [member]: w })));
                    assert.doesNotThrow(() => checkModel(w as never, { [member]: w }));
                }
            }
            assert.doesNotThrow(() => checkModel(undefined as never, validInputs()));
            const f = failures(validInputs({ PrimaryContainer: "image" }));
            assert.ok(f.some((x) => x.property === "PrimaryContainer"));
        });

        it("skips unknown values at any depth", () => {
            const news = validInputs({
                PrimaryContainer: { Image: UNKNOWN, Environment: { A: UNKNOWN }, ModelDataUrl: UNKNOWN },
                ExecutionRoleArn: UNKNOWN,
                Tags: [{ Key: UNKNOWN, Value: UNKNOWN }],
                VpcConfig: UNKNOWN,
            });
            assert.deepStrictEqual(failures(news), []);
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: UNKNOWN })), []);
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: undefined, Containers: UNKNOWN })), []);
        });
    });

    describe("cross-field rules", () => {
        it("a valid single-container model passes", () => {
            assert.deepStrictEqual(failures(validInputs()), []);
        });

        it("requires PrimaryContainer or Containers", () => {
            expectFailure(validInputs({ PrimaryContainer: undefined }), "PrimaryContainer", "required");
            expectFailure(validInputs({ PrimaryContainer: undefined, Containers: [] }), "PrimaryContainer", "required");
        });

        it("rejects PrimaryContainer together with Containers", () => {
            expectFailure(validInputs({ Containers: [container()] }), "Containers", "exclusive");
        });

        it("allows at most 15 containers", () => {
            const list = Array.from({ length: 16 }, () => container());
            const f = expectFailure(validInputs({ PrimaryContainer: undefined, Containers: list }), "Containers", "max");
            assert.match(f.reason, /15/);
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: undefined, Containers: list.slice(0, 15) })), []);
        });

        it("requires a ContainerHostname on every container in Direct mode", () => {
            const news = validInputs({
                PrimaryContainer: undefined,
                InferenceExecutionConfig: { Mode: "Direct" },
                Containers: [container({ ContainerHostname: "a" }), container()],
            });
            const f = expectFailure(news, "Containers[1].ContainerHostname", "required");
            assert.match(f.reason, /Direct/);
            const serial = validInputs({ PrimaryContainer: undefined, InferenceExecutionConfig: { Mode: "Direct" }, Containers: [container(), container()] });
            assert.strictEqual(failures(serial).length, 2);
        });

        it("requires hostnames on all pipeline containers once one has one (any mode)", () => {
            const news = validInputs({ PrimaryContainer: undefined, Containers: [container(), container({ ContainerHostname: "b" })] });
            expectFailure(news, "Containers[0].ContainerHostname", "required");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: undefined, Containers: [container(), container()] })), []);
        });

        it("requires unique hostnames", () => {
            const news = validInputs({
                PrimaryContainer: undefined,
                Containers: [container({ ContainerHostname: "a" }), container({ ContainerHostname: "a" })],
            });
            expectFailure(news, "Containers[1].ContainerHostname", "unique");
        });

        it("skips hostname rules for unknown hostnames", () => {
            const news = validInputs({
                PrimaryContainer: undefined,
                InferenceExecutionConfig: { Mode: "Direct" },
                Containers: [container({ ContainerHostname: UNKNOWN }), container({ ContainerHostname: UNKNOWN })],
            });
            assert.deepStrictEqual(failures(news), []);
        });

        it("InferenceExecutionConfig applies to multi-container models only", () => {
            expectFailure(validInputs({ InferenceExecutionConfig: { Mode: "Serial" } }), "InferenceExecutionConfig", "dependency");
        });

        it("ModelDataUrl and ModelDataSource are mutually exclusive", () => {
            const pc = container({
                ModelDataUrl: "s3://b/m.tar.gz",
                ModelDataSource: { S3DataSource: { S3Uri: "s3://b/m/", S3DataType: "S3Prefix", CompressionType: "None" } },
            });
            expectFailure(validInputs({ PrimaryContainer: pc }), "PrimaryContainer.ModelDataSource", "exclusive");
        });

        it("ModelDataSource cannot be used with MultiModel mode", () => {
            const pc = container({ Mode: "MultiModel", ModelDataSource: { S3DataSource: { S3Uri: "s3://b/m/", S3DataType: "S3Prefix", CompressionType: "None" } } });
            expectFailure(validInputs({ PrimaryContainer: pc }), "PrimaryContainer.ModelDataSource", "exclusive");
        });

        it("ModelDataSource needs S3DataSource", () => {
            expectFailure(validInputs({ PrimaryContainer: container({ ModelDataSource: {} }) }), "PrimaryContainer.ModelDataSource.S3DataSource", "required");
        });

        it("an S3Prefix URI ends with a slash and is not Gzip-compressed", () => {
            const source = (S3Uri: string, CompressionType: string) =>
                container({ ModelDataSource: { S3DataSource: { S3Uri, S3DataType: "S3Prefix", CompressionType } } });
            expectFailure(validInputs({ PrimaryContainer: source("s3://b/m", "None") }), "PrimaryContainer.ModelDataSource.S3DataSource.S3Uri", "pattern");
            expectFailure(validInputs({ PrimaryContainer: source("s3://b/m/", "Gzip") }), "PrimaryContainer.ModelDataSource.S3DataSource.CompressionType", "dependency");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: source("s3://b/m/", "None") })), []);
        });

        it("accepts a gated hub model with EULA and hub access config", () => {
            const pc = container({
                ModelDataSource: {
                    S3DataSource: {
                        S3Uri: "s3://jumpstart/llama/", S3DataType: "S3Prefix", CompressionType: "None",
                        ModelAccessConfig: { AcceptEula: true },
                        HubAccessConfig: { HubContentArn: "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/llama/1.0.0" },
                    },
                },
            });
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: pc })), []);
        });

        it("additional data sources need distinct channel names and valid S3 sources", () => {
            const s3 = { S3Uri: "s3://b/x/", S3DataType: "S3Prefix", CompressionType: "None" };
            const pc = container({ AdditionalModelDataSources: [{ ChannelName: "draft", S3DataSource: s3 }, { ChannelName: "draft", S3DataSource: s3 }] });
            expectFailure(validInputs({ PrimaryContainer: pc }), "PrimaryContainer.AdditionalModelDataSources[1].ChannelName", "unique");
            const bad = container({ AdditionalModelDataSources: [{ ChannelName: "a", S3DataSource: { ...s3, S3Uri: "s3://b/x" } }] });
            expectFailure(validInputs({ PrimaryContainer: bad }), "PrimaryContainer.AdditionalModelDataSources[0].S3DataSource.S3Uri", "pattern");
        });

        it("MultiModelConfig needs Mode MultiModel", () => {
            expectFailure(validInputs({ PrimaryContainer: container({ MultiModelConfig: { ModelCacheSetting: "Disabled" } }) }), "PrimaryContainer.MultiModelConfig", "dependency");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: container({ Mode: "MultiModel", ModelDataUrl: "s3://b/models/", MultiModelConfig: { ModelCacheSetting: "Disabled" } }) })), []);
        });

        it("Image and ModelPackageName: exactly one", () => {
            expectFailure(validInputs({ PrimaryContainer: container({ ModelPackageName: "pkg/1" }) }), "PrimaryContainer.ModelPackageName", "exclusive");
            expectFailure(validInputs({ PrimaryContainer: { ModelDataUrl: "s3://b/m.tar.gz" } }), "PrimaryContainer.Image", "required");
        });

        it("InferenceSpecificationName needs ModelPackageName", () => {
            expectFailure(validInputs({ PrimaryContainer: container({ InferenceSpecificationName: "spec" }) }), "PrimaryContainer.InferenceSpecificationName", "dependency");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: { ModelPackageName: "pkg/1", InferenceSpecificationName: "spec" } })), []);
        });

        it("ExecutionRoleArn is required unless every container is a model package", () => {
            expectFailure(validInputs({ ExecutionRoleArn: undefined }), "ExecutionRoleArn", "required");
            assert.deepStrictEqual(failures(validInputs({ ExecutionRoleArn: undefined, PrimaryContainer: { ModelPackageName: "arn:aws:sagemaker:us-east-1:123456789012:model-package/pkg/1" } })), []);
            const mixed = validInputs({ ExecutionRoleArn: undefined, PrimaryContainer: undefined, Containers: [{ ModelPackageName: "pkg/1" }, container()] });
            expectFailure(mixed, "ExecutionRoleArn", "required");
        });

        it("RepositoryAuthConfig needs RepositoryAccessMode Vpc", () => {
            const auth = { RepositoryCredentialsProviderArn: "arn:aws:lambda:us-east-1:123456789012:function:creds" };
            expectFailure(validInputs({ PrimaryContainer: container({ ImageConfig: { RepositoryAccessMode: "Platform", RepositoryAuthConfig: auth } }) }), "PrimaryContainer.ImageConfig.RepositoryAuthConfig", "dependency");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: container({ ImageConfig: { RepositoryAccessMode: "Vpc", RepositoryAuthConfig: auth } }) })), []);
        });

        it("Environment: each key and value at most 1024 bytes (UTF-8), 32 KB in total across containers", () => {
            const wide = "é".repeat(600); // 600 characters, 1200 bytes
            const f = expectFailure(validInputs({ PrimaryContainer: container({ Environment: { WIDE: wide } }) }), "PrimaryContainer.Environment.WIDE", "max");
            assert.ok(!f.reason.includes("é"));
            const env: Record<string, string> = {};
            for (let i = 0; i < 40; i++) env[`VAR_${i}`] = "v".repeat(1000);
            const list = [container({ Environment: env }), container({ Environment: env })];
            const total = expectFailure(validInputs({ PrimaryContainer: undefined, Containers: list }), "Containers", "maxTotal");
            assert.match(total.reason, /32 KB/);
            expectFailure(validInputs({ PrimaryContainer: container({ Environment: { ...env, ...Object.fromEntries(Object.entries(env).map(([k, v]) => [`X${k}`, v])) } }) }), "PrimaryContainer.Environment", "maxTotal");
        });

        it("metrics publishing frequency is one of the supported values", () => {
            const cfg = (f: number) => container({ ContainerMetricsConfig: { MetricsEndpoints: [{ MetricsEndpointPath: "/metrics", MetricPublishFrequencyInSeconds: f }] } });
            expectFailure(validInputs({ PrimaryContainer: cfg(45) }), "PrimaryContainer.ContainerMetricsConfig.MetricsEndpoints[0].MetricPublishFrequencyInSeconds", "enum");
            assert.deepStrictEqual(failures(validInputs({ PrimaryContainer: cfg(60) })), []);
        });

        it("tag keys are unique and not aws:-prefixed", () => {
            expectFailure(validInputs({ Tags: [{ Key: "a", Value: "1" }, { Key: "a", Value: "2" }] }), "Tags[1].Key", "unique");
            expectFailure(validInputs({ Tags: [{ Key: "aws:x", Value: "1" }] }), "Tags[0].Key", "pattern");
        });

        it("accepts a full-coverage Direct multi-container model", () => {
            const news = validInputs({
                PrimaryContainer: undefined,
                InferenceExecutionConfig: { Mode: "Direct" },
                Containers: [
                    container({ ContainerHostname: "a", ImageConfig: { RepositoryAccessMode: "Platform" }, Environment: { X: "1" } }),
                    container({ ContainerHostname: "b", Mode: "SingleModel", ModelDataUrl: "s3://b/m.tar.gz" }),
                ],
                VpcConfig: { SecurityGroupIds: ["sg-1"], Subnets: ["subnet-1"] },
                EnableNetworkIsolation: true,
                Tags: [{ Key: "team", Value: "ml" }],
                region: "us-east-1",
                ModelName: "pipeline",
            });
            assert.deepStrictEqual(failures(news), []);
            assert.ok(IMAGE && ROLE);
        });
    });
});

describe("adoptTags", () => {
    it("accepts keep and remove; anything else fails naming the setting, the allowed values and the fix", () => {
        assert.deepStrictEqual(checkModel({}, validInputs({ adoptTags: "keep" })).failures, []);
        assert.deepStrictEqual(checkModel({}, validInputs({ adoptTags: "remove" })).failures, []);
        const failures = checkModel({}, validInputs({ adoptTags: "drop" })).failures ?? [];
        assert.strictEqual(failures.length, 1);
        assert.strictEqual(failures[0].property, "adoptTags");
        assert.match(failures[0].reason, /expected one of "keep", "remove"/);
        assert.match(failures[0].reason, /use "keep" \(the default/);
        assert.match(failures[0].reason, /\(constraint: enum\)/);
    });

    it("adopt is a boolean: anything else fails naming it, the constraint and the fix", () => {
        assert.deepStrictEqual(checkModel({}, validInputs({ adopt: false })).failures, []);
        assert.deepStrictEqual(checkModel({}, validInputs({ adopt: "yes" })).failures, [{
            property: "adopt",
            reason: "adopt: expected a boolean (constraint: type). Fix: use true to adopt an existing resource that matches the inputs, or leave it out.",
        }]);
    });
});
