// Issue 21 (mutation testing of the pack's policies/): sagemaker-region-match, one rule per test, each
// changing one field of an otherwise valid resource and matching the message's property, constraint
// and fix. Expected values come from AWS's documentation, not from the policy: SageMaker reads the
// image, the model data and every ARN in the model's own region (CreateModel); partitions and their
// regions from AWS's endpoint data (cn-north-1 is in aws-cn, its ECR host ends in amazonaws.com.cn);
// ECR registry hosts ACCOUNT.dkr.ecr.REGION.amazonaws.com (ECR User Guide); an S3 request to a
// regional endpoint of another region than the bucket's is refused (S3 User Guide, "Virtual hosting",
// PermanentRedirect); ARNs arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE (General Reference).
import * as assert from "assert";
import Ajv = require("ajv");
import { regionMatch } from "../../../policy-pack/src";
import { messages, runResourcePolicy, runStackPolicy, TestResource, UNKNOWN, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, IMAGE_USW2, model, modelPackage } from "./fixtures";

const USE1 = { stackConfig: { "aws:region": "us-east-1", "aws-native:region": "us-east-1" } };
const ACCT = "123456789012";
const only = async (r: TestResource, config?: Record<string, unknown>, stackConfig: Record<string, string> = USE1.stackConfig) => {
    const res = await runResourcePolicy(regionMatch, r, { stackConfig, config });
    assert.strictEqual(res.diagnostics.length, 1, JSON.stringify(res.diagnostics));
    return res.diagnostics[0];
};

describe("issue 21: sagemaker-region-match, one field at a time", () => {
    describe("config schema (what the engine validates before a run)", () => {
        const ajv = new Ajv({ allErrors: true });
        const schema = { type: "object", properties: regionMatch.configSchema!.properties, additionalProperties: false };
        const accepts = (config: object) => ajv.validate(schema, config);

        it("allowedRegions lists each region once", () => {
            assert.ok(accepts({ allowedRegions: ["us-east-1", "eu-west-1"] }));
            assert.ok(!accepts({ allowedRegions: ["us-east-1", "us-east-1"] }));
        });

        it("bucketRegionPatterns is a list of non-empty patterns", () => {
            assert.ok(accepts({ bucketRegionPatterns: ["^models-(?<region>.+)$"] }));
            assert.ok(!accepts({ bucketRegionPatterns: "^models-(?<region>.+)$" }));
            assert.ok(!accepts({ bucketRegionPatterns: [""] }));
            assert.ok(!accepts({ bucketRegionPatterns: [1] }));
        });

        it("nonEcrImages and unknownBucketRegion take fail, warn or ignore; unrecognizedLocations and onUnknown fail or warn", () => {
            for (const level of ["fail", "warn", "ignore"]) {
                assert.ok(accepts({ nonEcrImages: level, unknownBucketRegion: level }), level);
            }
            assert.ok(!accepts({ nonEcrImages: "explode" }));
            assert.ok(!accepts({ nonEcrImages: 1 }));
            for (const level of ["fail", "warn"]) {
                assert.ok(accepts({ unrecognizedLocations: level, onUnknown: level }), level);
            }
            assert.ok(!accepts({ onUnknown: "ignore" }));
        });
    });

    describe("what the policy says about itself", () => {
        it("the description names both rules: references in the deployment region, and allowed regions only", async () => {
            const m = (await only(model("ours", "m", { image: IMAGE_USW2 }))).message;
            assert.match(m, /must reference images, ARNs and S3 artifacts in the region they deploy to/);
            assert.match(m, /deploy only to allowed regions/);
        });

        it("the remediation names ECR replication, copying the artifacts, the region settings and bucketRegions", () => {
            const steps = regionMatch.remediationSteps!;
            for (const words of [/model's own region/, /ECR replication/, /copy the S3 artifacts to the deployment region/, /region input, provider region, or aws:region/, /bucketRegions/]) {
                assert.match(steps, words);
            }
        });
    });

    describe("the deployment region", () => {
        it("unset on an aws-native model: names the missing provider region and aws-native:region, and the fix", async () => {
            const d = await only(model("aws-native", "m", { image: IMAGE_USE1 }), undefined, {});
            assert.match(d.message, /Model "m" \(aws-native:sagemaker:Model\): its deployment region is not set \(no region input, no provider region, no aws-native:region\)/);
            assert.match(d.message, /Fix: set aws-native:region in the stack config or a region on the resource's provider/);
        });

        it("unknown (a provider region computed at preview): says what cannot be compared", async () => {
            const res = await runResourcePolicy(regionMatch, model("aws", "m", { image: IMAGE_USE1 }, { type: "pulumi:providers:aws", props: { region: UNKNOWN } }), { config: { onUnknown: "fail" } });
            assert.match(messages(res, "mandatory")[0], /provider.region is unknown during preview; the deployment region cannot be compared with what the resource references/);
        });

        it("a region no partition claims is still compared by name", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1 }), undefined, { "aws:region": "xx-moon-1" });
            assert.match(d.message, /in the ECR registry of region "us-east-1" but the model deploys to "xx-moon-1"/);
        });

        it("an empty allowedRegions list allows every region (as unset does)", async () => {
            const res = await runResourcePolicy(regionMatch, model("ours", "m", { image: IMAGE_USE1 }), { ...USE1, config: { allowedRegions: [] } });
            assert.deepStrictEqual(res.diagnostics, []);
        });

        it("the stack pass leaves a resource without a deployment region to the resource pass", async () => {
            const r = model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://somewhere/m.tar.gz" });
            assert.deepStrictEqual((await runStackPolicy(regionMatch, [r], { config: { unknownBucketRegion: "fail" } })).diagnostics, []);
            // With a region, the same bucket is reported (so the empty result above is the missing region's).
            assert.strictEqual((await runStackPolicy(regionMatch, [r], { ...USE1, config: { unknownBucketRegion: "fail" } })).diagnostics.length, 1);
        });
    });

    describe("references in another region", () => {
        it("a model package names itself a model package", async () => {
            const d = await only(modelPackage("ours", "p", { image: IMAGE_USW2 }));
            assert.match(d.message, /ModelPackage "p" .* but the model package deploys to "us-east-1" \(from stack config aws:region\)/);
        });

        it("an ARN in another region: the fix is that service's ARN in the deployment region", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelPackageName: `arn:aws:sagemaker:eu-west-1:${ACCT}:model-package/fraud/1` }));
            assert.match(d.message, /PrimaryContainer.ModelPackageName "arn:aws:sagemaker:eu-west-1:.*" is an ARN in region "eu-west-1" but the model deploys to "us-east-1"/);
            assert.match(d.message, /Fix: use the sagemaker resource's ARN in "us-east-1", or deploy it in "eu-west-1"\./);
        });

        it("an S3 URL naming its region: the bucket, how it was written, and the fix is a copy in the deployment region", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "https://models.s3.us-west-2.amazonaws.com/m.tar.gz" }));
            assert.match(d.message, /PrimaryContainer.ModelDataUrl "https:\/\/models.s3.us-west-2.amazonaws.com\/m.tar.gz" is in bucket "models" \(virtual-hosted\) of region "us-west-2"/);
            assert.match(d.message, /Fix: copy the artifact to a bucket in "us-east-1" and reference that, or deploy it in "us-west-2"\./);
        });

        it("another partition: both partitions named, the fix a resource in the deployment region's partition", async () => {
            const d = await only(model("ours", "m", { image: `${ACCT}.dkr.ecr.cn-north-1.amazonaws.com.cn/xgboost:1.7` }));
            assert.match(d.message, /is in partition "aws-cn" but the model deploys to "us-east-1" \(from stack config aws:region\), in partition "aws"\./);
            assert.match(d.message, /Fix: reference a resource in "us-east-1" \(partition aws\)\./);
        });

        it("a bucket whose URL names the deployment region but that bucketRegions places elsewhere is reported", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "https://models-eu.s3.us-east-1.amazonaws.com/m.tar.gz" }), { bucketRegions: { "models-eu": "eu-west-1" } });
            assert.match(d.message, /in bucket "models-eu" of region "eu-west-1" but the model deploys to "us-east-1"/);
        });

        it("a bucket whose name carries another region than bucketRegions says is reported", async () => {
            const bucket = `sagemaker-us-west-2-${ACCT}`;
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: `s3://${bucket}/m.tar.gz` }), { bucketRegions: { [bucket]: "us-east-1" } });
            assert.match(d.message, new RegExp(`in bucket "${bucket}" of region "us-west-2"`));
        });

        it("bucketRegionPatterns from config: a pattern's region group places the bucket; a pattern without one places nothing", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://models-eu-west-1/m.tar.gz" }), { bucketRegionPatterns: ["^models-(?<region>[a-z]+-[a-z]+-\\d)$"] });
            assert.match(d.message, /in bucket "models-eu-west-1" of region "eu-west-1"/);
            const r = model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://models-eu-west-1/m.tar.gz" });
            const config = { bucketRegionPatterns: ["^models-"], unknownBucketRegion: "fail" };
            assert.deepStrictEqual((await runResourcePolicy(regionMatch, r, { ...USE1, config })).diagnostics, []);
            const stack = await runStackPolicy(regionMatch, [r], { ...USE1, config });
            assert.match(messages(stack, "mandatory")[0], /bucket "models-eu-west-1" \(s3:\/\/ URI\), whose region this policy cannot know/);
        });
    });

    describe("locations the policy cannot place", () => {
        // Each member kind's message says how to write it (forms from the AWS docs named at the top).
        const cases: [string, TestResource, RegExp][] = [
            ["s3", model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "ftp://models/m.tar.gz" }), /s3:\/\/BUCKET\/KEY or an https:\/\/ URL of an S3 endpoint/],
            ["image", model("ours", "m", { image: `${ACCT}.dkr.ecr.amazonaws.com/xgboost:1.7` }), /an ECR image \(ACCOUNT.dkr.ecr.REGION.amazonaws.com\/REPOSITORY:TAG\)/],
            ["arn", { ...model("ours", "m", { image: IMAGE_USE1 }), props: { ...model("ours", "m", { image: IMAGE_USE1 }).props, ExecutionRoleArn: "sagemaker-role" } }, /an ARN \(arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE\)/],
            ["arn-or-name", model("ours", "m", { modelPackageName: "fraud model" }), /an ARN or a name/],
            ["uri", modelPackage("ours", "p", { image: IMAGE_USE1, sourceUri: "ftp://models/m" }), /an ARN or an S3 location/],
            ["kms", { ...modelPackage("ours", "p", { image: IMAGE_USE1 }), props: { ...modelPackage("ours", "p", { image: IMAGE_USE1 }).props, SecurityConfig: { KmsKeyId: "my key" } } }, /a KMS key ARN, key id or alias/],
        ];
        for (const [kind, r, form] of cases) {
            it(`${kind}: the value, why, and the fix (the form to write, or unrecognizedLocations "warn")`, async () => {
                const d = await only(r);
                assert.strictEqual(d.enforcementLevel, "mandatory");
                assert.match(d.message, /is not a location this policy can place \(.+\), so it cannot tell which region SageMaker would read it from/);
                // The form follows "write it as" (the parser's reason may repeat it).
                assert.match(d.message, new RegExp(`Fix: write it as ${form.source} in "us-east-1", or set unrecognizedLocations to "warn"\\.`));
            });
        }

        it("a value that is not a string is named as such", async () => {
            const n = model("ours", "m", { image: IMAGE_USE1, modelDataUrl: 42 });
            assert.match((await only(n)).message, /PrimaryContainer.ModelDataUrl 42 is not a location this policy can place \(a number, not a string\)/);
        });

        it("an unparsable S3 location is not an image: nonEcrImages (ignore by default) does not silence it", async () => {
            const d = await only(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "ftp://models/m.tar.gz" }), { nonEcrImages: "ignore" });
            assert.strictEqual(d.enforcementLevel, "mandatory");
        });

        it("an image in another registry: the fix is an ECR image in the deployment region, or nonEcrImages ignore", async () => {
            const d = await only(model("ours", "m", { image: "registry.example.com/team/model:1" }), { nonEcrImages: "fail" });
            assert.match(d.message, /Fix: use an ECR image in "us-east-1", or set nonEcrImages to "ignore" for private registries reached through the VPC\./);
        });
    });

    describe("unknown values", () => {
        it("an unknown container says what it may reference", async () => {
            const res = await runResourcePolicy(regionMatch, model("ours", "m", { container: UNKNOWN_OBJECT }), USE1);
            assert.match(messages(res, "advisory")[0], /PrimaryContainer is unknown during preview; it may reference images or artifacts outside "us-east-1"/);
        });

        it("an output of two stack packages is placed only when every one is in the deployment region", async () => {
            const PKG = (name: string, region: string): TestResource => modelPackage("ours", name, { image: region === "us-east-1" ? IMAGE_USE1 : IMAGE_USW2, region });
            const m = (deps: string[]): TestResource => ({ ...model("ours", "m", { modelPackageName: UNKNOWN }), propertyDependencies: { PrimaryContainer: deps } });
            const inRegion = await runStackPolicy(regionMatch, [PKG("a", "us-east-1"), PKG("b", "us-east-1"), m(["a", "b"])], USE1);
            assert.deepStrictEqual(messages(inRegion).filter(x => /Model "m"/.test(x)), []);
            const mixed = await runStackPolicy(regionMatch, [PKG("a", "us-east-1"), PKG("b", "us-west-2"), m(["a", "b"])], USE1);
            assert.match(messages(mixed).filter(x => /Model "m"/.test(x))[0], /PrimaryContainer.ModelPackageName is unknown during preview; it may point outside "us-east-1"/);
        });
    });

    describe("the stack's buckets", () => {
        const bucket = (name: string, region: string): TestResource => ({ type: "aws:s3/bucket:Bucket", name, props: { bucket: name, region } });

        it("a bucket of the stack in another region: the fix is a copy, or deploying in the bucket's region", async () => {
            const res = await runStackPolicy(regionMatch, [bucket("artifacts", "eu-west-1"), model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://artifacts/m.tar.gz" })], USE1);
            assert.match(messages(res, "mandatory")[0], /Fix: copy the artifact to a bucket in "us-east-1" and reference that, or deploy it in "eu-west-1"\./);
        });

        it("a bucket nothing places: the fix names bucketRegions in this policy's config, or declaring the bucket", async () => {
            const res = await runStackPolicy(regionMatch, [model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://somewhere/m.tar.gz" })], USE1);
            assert.match(messages(res, "advisory")[0], /to bucketRegions in the sagemaker-region-match config, or declare the bucket in this stack\./);
        });
    });
});
