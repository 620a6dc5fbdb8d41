// The location table (location-table.ts: AWS documentation and SDK endpoint data) run through the
// parser, cross-checked against the SDK's own S3 endpoint resolution, and run through the policies:
// every spelling placed in its region passes there and fails elsewhere; every spelling the parser
// cannot place is reported; every spelling of a gated location is gated.
import * as assert from "assert";
import { parseLocation } from "../../../policy-pack/src/locations";
import { eulaAcceptance, regionMatch } from "../../../policy-pack/src";
import { messages, PACK_DIR, runResourcePolicy, runStackPolicy } from "../../helpers/policy-args";
import { ROWS, Row } from "./location-table";
import { partitionOf, resourceWith, spelledPath } from "./members";

/** A second region of each partition (AWS Regions pages; iso-e/eusc have one listed, these match their patterns). */
const OTHER_REGION: Record<string, string[]> = {
    "aws": ["us-east-1", "eu-west-1"],
    "aws-cn": ["cn-northwest-1", "cn-north-1"],
    "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
    "aws-iso": ["us-iso-west-1", "us-iso-east-1"],
    "aws-iso-b": ["us-isob-west-1", "us-isob-east-1"],
    "aws-iso-e": ["eu-isoe-east-1", "eu-isoe-west-1"],
    "aws-iso-f": ["us-isof-east-1", "us-isof-south-1"],
    "aws-eusc": ["eusc-de-west-1", "eusc-de-east-1"],
};
const elsewhere = (region: string) => OTHER_REGION[partitionOf(region)].find(r => r !== region)!;

/** Which member of which resource holds a value of each kind in these tests. */
function memberFor(row: Row): { kind: "model" | "model-package"; path: string } {
    switch (row.kind) {
        case "s3": return { kind: "model", path: "PrimaryContainer.ModelDataUrl" };
        case "image": return { kind: "model", path: "PrimaryContainer.Image" };
        case "kms": return { kind: "model-package", path: "SecurityConfig.KmsKeyId" };
        case "arn": return row.value.includes(":iam::") ? { kind: "model", path: "ExecutionRoleArn" } : { kind: "model", path: "PrimaryContainer.ImageConfig.RepositoryAuthConfig.RepositoryCredentialsProviderArn" };
        case "arn-or-name": return { kind: "model", path: "PrimaryContainer.ModelPackageName" };
        case "uri": return { kind: "model-package", path: "SourceUri" };
    }
}

const mandatory = async (row: Row, region: string, config: Record<string, unknown> = {}) => {
    const m = memberFor(row);
    const r = resourceWith("ours", m.kind, m.path, row.value, region);
    const res = await runResourcePolicy(regionMatch, r, { config });
    const stack = await runStackPolicy(regionMatch, [r], { config });
    return [...messages(res, "mandatory"), ...messages(stack, "mandatory")].filter(x => x.includes(` ${m.path} `));
};

describe("location table (AWS documentation and SDK endpoint data)", () => {
    it(`has at least 60 spellings, each naming its source (${ROWS.length})`, () => {
        assert.ok(ROWS.length >= 60);
        assert.ok(ROWS.every(r => r.source.length > 2));
        assert.strictEqual(new Set(ROWS.map(r => `${r.kind} ${r.value}`)).size, ROWS.length, "duplicate rows");
    });

    describe("the parser places each spelling where the source says", () => {
        for (const row of ROWS) {
            it(`${row.kind} ${row.value.slice(0, 110)} (${row.source})`, () => {
                const got = parseLocation(row.value, row.kind) as unknown as Record<string, unknown>;
                const want = row.expect as unknown as Record<string, unknown>;
                for (const k of ["kind", "partition", "region", "bucket", "key", "account", "registry"]) {
                    if (k in want || k === "kind" || (k === "region" && want.kind !== "other") || (k === "registry" && want.kind === "other")) {
                        assert.strictEqual(got[k], want[k], `${k} of ${row.value}: ${JSON.stringify(got)}`);
                    }
                }
            });
        }
    });

    describe("the SDK's endpoint rules resolve the sdk rows to exactly these URLs", () => {
        const s3 = require(require.resolve("@aws-sdk/client-s3", { paths: [PACK_DIR] }));
        const client = new s3.S3Client({ region: "us-east-1", credentials: { accessKeyId: "x", secretAccessKey: "y" } });
        after(() => client.destroy());
        for (const row of ROWS.filter(r => r.sdk)) {
            it(`${JSON.stringify(row.sdk)}`, () => {
                const { key, ...params } = row.sdk!;
                const url = (client.config.endpointProvider({ UseFIPS: false, UseDualStack: false, ForcePathStyle: false, Accelerate: false, ...params }) as { url: URL }).url.href;
                assert.strictEqual(row.value, url.endsWith("/") ? `${url}${key}` : `${url}/${key}`);
            });
        }
    });

    describe("sagemaker-region-match on each spelling", () => {
        for (const row of ROWS) {
            const m = memberFor(row);
            const e = row.expect;
            if (e.kind === "other") {
                it(`${row.value.slice(0, 110)}: reported, never passed`, async () => {
                    const config = row.kind === "image" && e.registry ? { nonEcrImages: "fail" } : {};
                    const found = await mandatory(row, "us-east-1", config);
                    assert.strictEqual(found.length, 1, `${row.value}: ${JSON.stringify(found)}`);
                });
            } else if (e.kind === "name") {
                it(`${row.value}: a name, in the resource's own region`, async () => {
                    assert.deepStrictEqual(await mandatory(row, "eu-west-1"), []);
                });
            } else if (e.region) {
                it(`${row.value.slice(0, 110)}: passes in ${e.region}, fails in ${elsewhere(e.region)}`, async () => {
                    assert.deepStrictEqual(await mandatory(row, e.region!), [], "in its own region");
                    const found = await mandatory(row, elsewhere(e.region!));
                    assert.strictEqual(found.length, 1, JSON.stringify(found));
                    assert.ok(found[0].includes(`"${e.region}"`), found[0]);
                });
            } else if (e.kind === "arn") {
                // No region in the ARN (IAM, a Multi-Region Access Point): only the partition is compared.
                it(`${row.value}: passes in its partition, fails in another`, async () => {
                    const home = OTHER_REGION[e.partition!][0];
                    assert.deepStrictEqual(await mandatory(row, home), []);
                    const away = e.partition === "aws" ? "cn-north-1" : "us-east-1";
                    assert.match((await mandatory(row, away))[0] ?? "", /is in partition/);
                });
            } else {
                it(`${row.value.slice(0, 110)}: no region in the spelling, so bucketRegions, then unknownBucketRegion decide`, async () => {
                    const deploy = e.partition && e.partition !== "aws" ? OTHER_REGION[e.partition][0] : "us-east-1";
                    const bucket = e.bucket!;
                    assert.deepStrictEqual(await mandatory(row, deploy, { bucketRegions: { [bucket]: deploy } }), []);
                    const found = await mandatory(row, deploy, { bucketRegions: { [bucket]: elsewhere(deploy) } });
                    assert.strictEqual(found.length, 1, JSON.stringify(found));
                    assert.strictEqual((await mandatory(row, deploy, { unknownBucketRegion: "fail" })).length, 1);
                    if (e.partition) {
                        // The host still names a partition: another partition's region is a mismatch whatever the config says.
                        assert.match((await mandatory(row, e.partition === "aws" ? "cn-north-1" : "us-east-1"))[0] ?? "", /is in partition/);
                    }
                });
            }
            void m;
        }
    });

    describe("sagemaker-eula-acceptance on each S3 spelling of a gated bucket", () => {
        const gatedRows = ROWS.filter(r => r.kind === "s3" && r.expect.kind === "s3" && r.expect.bucket === "amzn-s3-demo-bucket");
        for (const row of gatedRows) {
            it(`${row.value.slice(0, 110)}`, async () => {
                const value = row.value.replace(/amzn-s3-demo-bucket/i, "jumpstart-private-cache-prod-us-east-1");
                const asUrl = resourceWith("ours", "model", "PrimaryContainer.ModelDataUrl", value, "us-east-1");
                assert.match(messages(await runResourcePolicy(eulaAcceptance, asUrl), "mandatory")[0] ?? "", /is a gated model source/, value);
                const asSource = resourceWith("ours", "model", "PrimaryContainer.ModelDataSource.S3DataSource.S3Uri", value, "us-east-1");
                assert.match(messages(await runResourcePolicy(eulaAcceptance, asSource), "mandatory")[0] ?? "", /is a gated model source .*AcceptEula is <not set>/, value);
            });
        }
        it("covers at least 30 spellings", () => assert.ok(gatedRows.length >= 30, String(gatedRows.length)));
    });

    it("messages name the member in each representation's own spelling", async () => {
        const row = ROWS.find(r => r.value.startsWith("https://amzn-s3-demo-bucket.s3.dualstack.eu-west-1"))!;
        for (const rep of ["ours", "aws", "aws-native"] as const) {
            const path = "PrimaryContainer.ModelDataSource.S3DataSource.S3Uri";
            const res = await runResourcePolicy(regionMatch, resourceWith(rep, "model", path, row.value, "us-east-1"));
            assert.ok(messages(res, "mandatory").some(x => x.includes(`${spelledPath(rep, path)} "${row.value}"`)), `${rep}: ${messages(res).join("\n")}`);
        }
    });

    it("a member a representation spells in another case is still read, never skipped", async () => {
        // e.g. a provider that spells the member modelDataURL, or PrimaryContainer in PascalCase.
        const r = { type: "aws-native:sagemaker:Model", name: "m", props: { PrimaryContainer: { modelDataURL: "s3://sagemaker-eu-west-1-123456789012/m.tar.gz" } }, provider: { type: "pulumi:providers:aws-native", props: { region: "us-east-1" } } };
        const found = messages(await runResourcePolicy(regionMatch, r), "mandatory");
        assert.match(found[0] ?? "", /PrimaryContainer.modelDataURL "s3:\/\/sagemaker-eu-west-1-123456789012\/m.tar.gz" is in bucket .* of region "eu-west-1"/);
    });
});
