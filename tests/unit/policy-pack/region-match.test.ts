import * as assert from "assert";
import { regionMatch } from "../../../policy-pack/src";
import { messages, runResourcePolicy, runStackPolicy, TestResource, UNKNOWN, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { awsProvider, dynamicProvider, IMAGE_USE1, IMAGE_USW2, model, modelPackage, nativeProvider, REPS, Rep } from "./fixtures";

const USE1 = { stackConfig: { "aws:region": "us-east-1", "aws-native:region": "us-east-1" } };
const provider = (rep: Rep, region: string) => (rep === "aws" ? awsProvider(region) : rep === "aws-native" ? nativeProvider(region) : dynamicProvider);

describe("policy sagemaker-region-match", () => {
    for (const rep of REPS) {
        describe(`representation ${rep}`, () => {
            it("passes when image, artifact and ARNs are in the deployment region", async () => {
                const r = model(rep, "m", {
                    image: IMAGE_USE1, s3Uri: "s3://sagemaker-us-east-1-123456789012/models/a/",
                    modelPackageName: "arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/1",
                });
                const res = await runResourcePolicy(regionMatch, r, USE1);
                assert.deepStrictEqual(res.diagnostics, []);
            });

            it("fails an ECR image from another region, naming path, value, regions and fix", async () => {
                const res = await runResourcePolicy(regionMatch, model(rep, "m", { image: IMAGE_USW2 }), USE1);
                const [m] = messages(res, "mandatory");
                assert.strictEqual(res.diagnostics.length, 1);
                assert.match(m, /^SageMaker models and model packages must/);
                assert.match(m, /Model "m" \(/);
                assert.match(m, new RegExp(`${rep === "ours" ? "PrimaryContainer.Image" : "primaryContainer.image"} "123456789012.dkr.ecr.us-west-2`));
                assert.match(m, /ECR registry of region "us-west-2" but the model deploys to "us-east-1" \(from stack config aws(-native)?:region\)/);
                assert.match(m, /Fix: push or replicate the image to ECR in "us-east-1"/);
            });

            it("fails a model package ARN from another region", async () => {
                const r = model(rep, "m", { modelPackageName: "arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud/1" });
                const res = await runResourcePolicy(regionMatch, r, USE1);
                assert.match(messages(res, "mandatory")[0], /an ARN in region "eu-west-1"/);
            });

            it("fails an S3 artifact whose bucket region comes from config", async () => {
                const r = model(rep, "m", { image: IMAGE_USE1, modelDataUrl: "s3://models-eu/a/model.tar.gz" });
                const res = await runResourcePolicy(regionMatch, r, { ...USE1, config: { bucketRegions: { "models-eu": "eu-west-1" } } });
                assert.match(messages(res, "mandatory")[0], /in bucket "models-eu" of region "eu-west-1"/);
            });

            it("takes the deployment region from the provider before the stack config", async () => {
                const r = model(rep, "m", { image: IMAGE_USW2 }, provider(rep, "us-west-2"));
                const res = await runResourcePolicy(regionMatch, r, USE1);
                if (rep === "ours") {
                    // The dynamic provider has no region: the stack config decides.
                    assert.strictEqual(res.diagnostics.length, 1);
                } else {
                    assert.deepStrictEqual(res.diagnostics, []);
                }
            });
        });
    }

    it("the resource's own region wins over provider and stack config", async () => {
        const ours = await runResourcePolicy(regionMatch, model("ours", "m", { image: IMAGE_USW2, region: "us-west-2" }), USE1);
        const aws = await runResourcePolicy(regionMatch, model("aws", "m", { image: IMAGE_USE1, region: "us-west-2" }, awsProvider("us-east-1")), USE1);
        assert.deepStrictEqual(ours.diagnostics, []);
        assert.match(messages(aws)[0], /deploys to "us-west-2" \(from its region\)/);
    });

    it("hub content ARNs and JumpStart bucket names carry their region", async () => {
        const r = model("aws-native", "m", {
            s3Uri: "s3://jumpstart-cache-prod-us-west-2/huggingface-llm/x/", hubContentArn: "arn:aws:sagemaker:us-west-2:aws:hub-content/SageMakerPublicHub/Model/x/1.0.0",
        });
        const res = await runResourcePolicy(regionMatch, r, USE1);
        assert.strictEqual(res.diagnostics.length, 2);
        assert.match(messages(res)[0], /bucket "jumpstart-cache-prod-us-west-2" of region "us-west-2"/);
        assert.match(messages(res)[1], /hubAccessConfig.hubContentArn .* an ARN in region "us-west-2"/);
    });

    it("checks model packages: containers, SourceUri and group ARN (ours and aws-native)", async () => {
        const ours = modelPackage("ours", "p", { image: IMAGE_USW2, sourceUri: "arn:aws:sagemaker:us-west-2:123456789012:model/x", groupName: "arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/g" });
        const res = await runResourcePolicy(regionMatch, ours, USE1);
        const ms = messages(res, "mandatory");
        assert.strictEqual(ms.length, 3);
        assert.match(ms.join("\n"), /ModelPackage "p".*InferenceSpecification.Containers\[0\].Image/);
        assert.match(ms.join("\n"), /SourceUri/);
        assert.match(ms.join("\n"), /ModelPackageGroupName/);
        const native = await runResourcePolicy(regionMatch, modelPackage("aws-native", "p", { image: IMAGE_USE1, modelDataUrl: "s3://sagemaker-eu-west-1-123456789012/m.tar.gz" }), USE1);
        assert.match(messages(native)[0], /inferenceSpecification.containers\[0\].modelDataUrl/);
    });

    describe("config", () => {
        it("allowedRegions rejects other deployment regions and names the allowed ones", async () => {
            const res = await runResourcePolicy(regionMatch, model("aws", "m", { image: IMAGE_USW2, region: "us-west-2" }), { config: { allowedRegions: ["us-east-1", "eu-west-1"] } });
            assert.match(messages(res)[0], /deploys to "us-west-2" \(from its region\), which is not in allowedRegions \["us-east-1","eu-west-1"\]. Fix: set region to one of us-east-1, eu-west-1/);
        });

        it("nonEcrImages: ignore (default), warn, fail", async () => {
            const r = model("ours", "m", { image: "registry.example.com/team/model:1" });
            assert.deepStrictEqual((await runResourcePolicy(regionMatch, r, USE1)).diagnostics, []);
            const warn = await runResourcePolicy(regionMatch, r, { ...USE1, config: { nonEcrImages: "warn" } });
            assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(warn.diagnostics[0].message, /not an ECR image \(registry "registry.example.com"\)/);
            const fail = await runResourcePolicy(regionMatch, r, { ...USE1, config: { nonEcrImages: "fail" } });
            assert.deepStrictEqual(fail.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
        });

        it("fails when no deployment region can be found", async () => {
            const res = await runResourcePolicy(regionMatch, model("ours", "m", { image: IMAGE_USE1 }));
            assert.match(messages(res, "mandatory")[0], /deployment region is not set.*Fix: set aws:region/);
        });
    });

    describe("stack pass: buckets declared in the stack", () => {
        const bucket = (type: string, name: string, props: Record<string, unknown>, prov?: { type: string; props: Record<string, unknown> }) => ({ type, name, props, provider: prov });

        it("uses aws Bucket/BucketV2 region and aws-native Bucket provider region", async () => {
            const resources = [
                bucket("aws:s3/bucket:Bucket", "a", { bucket: "artifacts-a", region: "us-west-2" }),
                bucket("aws:s3/bucketV2:BucketV2", "b", { bucket: "artifacts-b" }, awsProvider("us-east-1")),
                bucket("aws-native:s3:Bucket", "c", { bucketName: "artifacts-c" }, nativeProvider("eu-west-1")),
                model("ours", "ma", { image: IMAGE_USE1, modelDataUrl: "s3://artifacts-a/m.tar.gz" }),
                model("aws", "mb", { image: IMAGE_USE1, s3Uri: "s3://artifacts-b/m/" }),
                model("aws-native", "mc", { image: IMAGE_USE1, s3Uri: "s3://artifacts-c/m/" }),
            ];
            const res = await runStackPolicy(regionMatch, resources, USE1);
            assert.strictEqual(res.diagnostics.length, 2);
            assert.match(res.diagnostics[0].message, /Model "ma".*bucket "artifacts-a" of region "us-west-2" \(a bucket in this stack\)/);
            assert.ok(res.diagnostics[0].urn?.endsWith("::ma"));
            assert.match(res.diagnostics[1].message, /Model "mc".*"eu-west-1"/);
        });

        it("unknownBucketRegion: warn (default), fail, ignore", async () => {
            const resources = [model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://somewhere/m.tar.gz" })];
            const warn = await runStackPolicy(regionMatch, resources, USE1);
            assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(warn.diagnostics[0].message, /bucket "somewhere" \(s3:\/\/ URI\), whose region this policy cannot know. Fix: add \{"somewhere": "<region>"\} to bucketRegions/);
            const fail = await runStackPolicy(regionMatch, resources, { ...USE1, config: { unknownBucketRegion: "fail" } });
            assert.deepStrictEqual(fail.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
            const ignore = await runStackPolicy(regionMatch, resources, { ...USE1, config: { unknownBucketRegion: "ignore" } });
            assert.deepStrictEqual(ignore.diagnostics, []);
        });

        it("does not repeat what the resource pass decides", async () => {
            const res = await runStackPolicy(regionMatch, [model("ours", "m", { image: IMAGE_USW2, modelDataUrl: "s3://sagemaker-us-west-2-123456789012/m" })], USE1);
            assert.deepStrictEqual(res.diagnostics, []);
        });
    });

    describe("unknowns", () => {
        it("onUnknown warn (default): an unknown image is an advisory (of the stack pass, which sees where it comes from)", async () => {
            const alone = await runResourcePolicy(regionMatch, model("aws", "m", { image: UNKNOWN }), USE1);
            assert.deepStrictEqual(alone.diagnostics, []);
            const res = await runStackPolicy(regionMatch, [model("aws", "m", { image: UNKNOWN })], USE1);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /primaryContainer.image is unknown during preview; it may point outside "us-east-1"/);
        });

        it("onUnknown fail: an unknown image or deployment region blocks", async () => {
            const config = { onUnknown: "fail" };
            const img = await runStackPolicy(regionMatch, [model("ours", "m", { image: UNKNOWN })], { ...USE1, config });
            assert.deepStrictEqual(img.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
            const reg = await runResourcePolicy(regionMatch, model("aws", "m", { image: IMAGE_USE1 }, awsProvider(UNKNOWN)), { config });
            assert.match(messages(reg, "mandatory")[0], /provider.region is unknown during preview/);
        });

        it("a wholly unknown container list or model data source never crashes", async () => {
            const r = model("ours", "m", { container: UNKNOWN_OBJECT });
            r.props.Containers = UNKNOWN;
            const res = await runResourcePolicy(regionMatch, r, USE1);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /PrimaryContainer is unknown during preview; .*Containers is unknown during preview/);
            const stack = await runStackPolicy(regionMatch, [r], USE1);
            assert.deepStrictEqual(stack.diagnostics, []);
        });
    });
    describe("unknown outputs of the stack's own resources (the README sample)", () => {
        const GROUP = "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup";
        // group -> v1 (ModelPackageGroupName: group.name) -> model (PrimaryContainer.ModelPackageName: v1.arn), all unknown at preview.
        const sample = (packageRegion?: string, groupRegion?: string): TestResource[] => [
            { type: GROUP, name: "group", props: { ModelPackageGroupName: "fraud", region: groupRegion } },
            { ...modelPackage("ours", "v1", { image: packageRegion === "us-west-2" ? IMAGE_USW2 : IMAGE_USE1, groupName: UNKNOWN, region: packageRegion }), propertyDependencies: { ModelPackageGroupName: ["group"] } },
            { ...model("ours", "m", { modelPackageName: UNKNOWN }), propertyDependencies: { PrimaryContainer: ["v1"] } },
        ];
        const everything = async (resources: TestResource[], config?: Record<string, unknown>) => [
            ...(await Promise.all(resources.map(r => runResourcePolicy(regionMatch, r, { ...USE1, config })))).flatMap(res => res.diagnostics),
            ...(await runStackPolicy(regionMatch, resources, { ...USE1, config })).diagnostics,
        ];

        it("an output of a package or group declared in the stack, in the same region, is not reported", async () => {
            assert.deepStrictEqual(await everything(sample()), []);
            assert.deepStrictEqual(await everything(sample("us-east-1", "us-east-1"), { onUnknown: "fail" }), []);
        });

        it("an output of a package in another region (its own region input) is still reported per onUnknown", async () => {
            const warn = await everything(sample("us-west-2", "us-west-2"));
            assert.deepStrictEqual(warn.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(warn[0].message, /Model "m" .*PrimaryContainer.ModelPackageName is unknown during preview; it may point outside "us-east-1"/);
            const fail = await everything(sample("us-west-2", "us-west-2"), { onUnknown: "fail" });
            assert.deepStrictEqual(fail.map(d => d.enforcementLevel), ["mandatory"]);
        });

        it("a group in another region leaves the package's group name reported", async () => {
            const res = await everything(sample(undefined, "eu-west-1"));
            assert.strictEqual(res.length, 1);
            assert.match(res[0].message, /ModelPackageGroupName is unknown during preview; it may point outside "us-east-1"/);
        });

        it("an unknown not traced to the stack's SageMaker resources is reported", async () => {
            const [group, v1, m] = sample();
            const untraced = await everything([group, v1, { ...m, propertyDependencies: {} }]);
            assert.strictEqual(untraced.length, 1);
            assert.match(untraced[0].message, /PrimaryContainer.ModelPackageName is unknown during preview/);
            // Also depends on something the policy cannot place (a bucket, a stack reference): not known to be in the region.
            const bucket: TestResource = { type: "aws:s3/bucket:Bucket", name: "b", props: { bucket: UNKNOWN } };
            const mixed = await everything([group, v1, bucket, { ...m, propertyDependencies: { PrimaryContainer: ["v1", "b"] } }]);
            assert.strictEqual(mixed.length, 1);
        });
    });
});
