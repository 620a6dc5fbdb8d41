// Issue 21 (mutation testing of the pack's locations/): one test per rule the parsers apply, each
// changing one part of an otherwise valid value. Expected values come from AWS's documentation, not
// from the parsers: ARNs from "Amazon Resource Names" (AWS General Reference: arn:PARTITION:SERVICE:
// REGION:ACCOUNT:RESOURCE, an S3 bucket ARN has neither region nor account); SageMaker names and
// model package ARNs from the API model (scripts/api-model: EntityName `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`,
// ModelPackageArn `...:model-package/...`, ModelPackageGroupArn `...:model-package-group/...`,
// RoleArn max 2048); KMS key ids and aliases from the KMS Developer Guide ("Key identifiers": a key id
// is a UUID or mrk- and 32 hex digits, an alias is alias/ then [a-zA-Z0-9/_-]); regions and their
// partitions from AWS's endpoint data (GovCloud's us-gov-west-1 is in aws-us-gov; region codes are
// lower-case letters, digits and dashes); images from the Amazon ECR User Guide (ACCOUNT.dkr.ecr.REGION.
// amazonaws.com, dual-stack ACCOUNT.dkr-ecr.REGION.on.aws, the -fips forms) and Docker's reference
// rule (the first component is a registry only with a "." or ":" or as localhost).
import * as assert from "assert";
import { parseLocation } from "../../../policy-pack/src";
import { parseArn } from "../../../policy-pack/src/locations/arn";
import { parseImage } from "../../../policy-pack/src/locations/ecr";
import { parseGroupRef, parsePackageRef, sameVersion, versionKey } from "../../../policy-pack/src/locations/model-package";
import { isRegionName, partitionOfRegion } from "../../../policy-pack/src/locations/partitions";

const ACCT = "123456789012";
const NOT_AN_ARN = "not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)";

describe("issue 21: the pack's location rules, one field at a time", () => {
    describe("ARNs", () => {
        it("fewer than six colon-separated parts, or a first part other than arn, is not an ARN", () => {
            assert.deepStrictEqual(parseArn("arn"), { kind: "other", reason: NOT_AN_ARN });
            assert.deepStrictEqual(parseArn("arn:aws:s3"), { kind: "other", reason: NOT_AN_ARN });
            assert.deepStrictEqual(parseArn(`urn:aws:iam::${ACCT}:role/r`), { kind: "other", reason: NOT_AN_ARN });
        });

        it("an S3 bucket ARN has no region and no account", () => {
            assert.deepStrictEqual(parseArn("arn:aws:s3:::my-bucket"),
                { kind: "arn", partition: "aws", service: "s3", region: undefined, account: "", resource: "my-bucket" });
        });

        it("a service, an account or a resource out of shape is not an ARN", () => {
            for (const bad of [
                `arn:aws:S3:us-east-1:${ACCT}:x`, `arn:aws:s3X:us-east-1:${ACCT}:x`,
                "arn:aws:s3:us-east-1:12345:x", `arn:aws:s3:us-east-1:x${ACCT}:x`, `arn:aws:s3:us-east-1:${ACCT}0:x`,
                `arn:aws:s3:us-east-1:${ACCT}:`,
            ]) {
                assert.deepStrictEqual(parseArn(bad), { kind: "other", reason: NOT_AN_ARN }, bad);
            }
        });

        it("a partition AWS does not have, or a region not of the partition, is named (cut to 40 characters)", () => {
            const p = "p".repeat(50);
            assert.deepStrictEqual(parseArn(`arn:${p}:s3:us-east-1:${ACCT}:x`), { kind: "other", reason: `"${"p".repeat(40)}" is not an AWS partition` });
            const r = "r".repeat(50);
            assert.deepStrictEqual(parseArn(`arn:aws:s3:${r}:${ACCT}:x`), { kind: "other", reason: `"${"r".repeat(40)}" is not a region of partition aws` });
        });
    });

    describe("parseLocation by member kind", () => {
        it("2048 characters (RoleArn's maximum) are parsed; 2049 are not", () => {
            const prefix = `arn:aws:iam::${ACCT}:role/`;
            assert.strictEqual(parseLocation(prefix + "r".repeat(2048 - prefix.length), "arn").kind, "arn");
            assert.deepStrictEqual(parseLocation(prefix + "r".repeat(2049 - prefix.length), "arn"),
                { kind: "other", reason: "2049 characters, longer than any SageMaker location member accepts (2048)" });
        });

        it("kms: a key ARN, a key id, an alias; another service's ARN or a broken ARN is said so", () => {
            assert.strictEqual(parseLocation(`arn:aws:kms:us-east-1:${ACCT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`, "kms").kind, "arn");
            assert.deepStrictEqual(parseLocation(`arn:aws:s3:us-east-1:${ACCT}:x`, "kms"), { kind: "other", reason: "an ARN of service \"s3\", not a KMS key" });
            assert.deepStrictEqual(parseLocation(`arn:nope:kms:us-east-1:${ACCT}:key/x`, "kms"), { kind: "other", reason: "\"nope\" is not an AWS partition" });
            assert.deepStrictEqual(parseLocation("1234abcd-12ab-34cd-56ef-1234567890ab", "kms"), { kind: "name", what: "KMS key id" });
            assert.deepStrictEqual(parseLocation(`mrk-${"0123456789abcdef".repeat(2)}`, "kms"), { kind: "name", what: "KMS key id" });
            assert.deepStrictEqual(parseLocation("alias/my_key-1/x", "kms"), { kind: "name", what: "KMS alias" });
            for (const bad of ["x1234abcd-12ab-34cd-56ef-1234567890ab", "1234abcd-12ab-34cd-56ef-1234567890abx", "xalias/my-key", "alias/my key"]) {
                assert.deepStrictEqual(parseLocation(bad, "kms"), { kind: "other", reason: "not a KMS key ARN, key id or alias" }, bad);
            }
        });

        it("arn-or-name: a SageMaker name, optionally /VERSION; anything else is said so", () => {
            for (const name of ["my-model", "churn/12", "churn/123456789"]) {
                assert.deepStrictEqual(parseLocation(name, "arn-or-name"), { kind: "name", what: "name" }, name);
            }
            for (const bad of ["-model", "model-", "churn/abc", "churn/1234567890"]) {
                assert.deepStrictEqual(parseLocation(bad, "arn-or-name"), { kind: "other", reason: "neither an ARN nor a SageMaker name" }, bad);
            }
        });

        it("uri: an ARN, an s3:// or https:// location; anything else is said so (no registry named)", () => {
            assert.strictEqual(parseLocation("s3://bucket/key", "uri").kind, "s3");
            assert.strictEqual(parseLocation("https://bucket.s3.us-east-1.amazonaws.com/key", "uri").kind, "s3");
            assert.deepStrictEqual(parseLocation("ftp://bucket/key", "uri"), { kind: "other", reason: "neither an ARN nor an S3 location" });
        });
    });

    describe("regions and partitions", () => {
        it("a listed region belongs to the partition that lists it, before any pattern (us-gov-west-1 is GovCloud)", () => {
            assert.strictEqual(partitionOfRegion("us-gov-west-1")?.id, "aws-us-gov");
            assert.strictEqual(partitionOfRegion("us-east-1")?.id, "aws");
        });

        it("region codes are lower-case letters, digits and dashes, at most 40 characters", () => {
            for (const bad of ["us-Ea-1", "us-e1_x-1", `us-east-${"1".repeat(40)}`]) {
                assert.strictEqual(partitionOfRegion(bad), undefined, bad);
                assert.strictEqual(isRegionName(bad), false, bad);
            }
            assert.strictEqual(isRegionName("us-east-1"), true);
            assert.strictEqual(isRegionName("eusc-de-east-1"), true);
            assert.strictEqual(isRegionName("xx-east-1"), false);
        });
    });

    describe("model package references (ModelPackageName)", () => {
        const arn = (resource: string, service = "sagemaker", region = "us-east-1", account = ACCT) => `arn:aws:${service}:${region}:${account}:${resource}`;
        const NOT_PACKAGE_ARN = "not a model package ARN (arn:PARTITION:sagemaker:REGION:ACCOUNT:model-package/NAME[/VERSION])";

        it("GROUP/VERSION: the version is 1 to 999999999 with no leading zero or trailing text", () => {
            for (const v of ["12a", "01", "1234567890"]) {
                assert.strictEqual(parsePackageRef(`churn/${v}`).kind, "other", v);
            }
            const long = "9".repeat(30);
            assert.deepStrictEqual(parsePackageRef(`churn/${long}`),
                { kind: "other", reason: `version "${"9".repeat(20)}" is not a version number as SageMaker writes it (1 to 999999999, no leading zeros)` });
        });

        it("GROUP/VERSION: a group that is not a SageMaker name is named (cut to 80 characters)", () => {
            assert.deepStrictEqual(parsePackageRef("-churn/12"), { kind: "other", reason: "\"-churn\" is not a model package group name" });
            assert.deepStrictEqual(parsePackageRef(`${"g".repeat(100)}/12`), { kind: "other", reason: `"${"g".repeat(80)}" is not a model package group name` });
            assert.deepStrictEqual(parsePackageRef(arn("model-package/-churn/12")), { kind: "other", reason: "\"-churn\" is not a model package group name" });
        });

        it("a broken ARN keeps the ARN parser's reason", () => {
            assert.deepStrictEqual(parsePackageRef(`arn:nope:sagemaker:us-east-1:${ACCT}:model-package/churn/1`), { kind: "other", reason: "\"nope\" is not an AWS partition" });
        });

        it("an ARN of another service or resource type, or without region or 12-digit account, is not a package ARN", () => {
            for (const bad of [
                arn("model-package/churn/1", "s3"), arn("xmodel-package/churn/1"), arn("model/churn"),
                arn("model-package/churn/1", "sagemaker", ""), arn("model-package/churn/1", "sagemaker", "us-east-1", "aws"),
            ]) {
                assert.deepStrictEqual(parsePackageRef(bad), { kind: "other", reason: NOT_PACKAGE_ARN }, bad);
            }
        });

        it("names: one segment is unversioned, two are GROUP/VERSION, more are neither", () => {
            assert.deepStrictEqual(parsePackageRef("churn"), { kind: "unversioned" });
            assert.deepStrictEqual(parsePackageRef("churn/1/2"), { kind: "other", reason: "neither a model package name nor GROUP/VERSION" });
            assert.deepStrictEqual(parsePackageRef(arn("model-package/churn/1/2")),
                { kind: "other", reason: "not a model package ARN (…:model-package/NAME or …:model-package/GROUP/VERSION)" });
        });
    });

    describe("model package group references (ModelPackageGroupName)", () => {
        const arn = (resource: string, service = "sagemaker", region = "us-east-1", account = ACCT) => `arn:aws:${service}:${region}:${account}:${resource}`;

        it("a group ARN names (partition, region, account, group lower-cased)", () => {
            assert.deepStrictEqual(parseGroupRef(arn("model-package-group/Churn")), { partition: "aws", region: "us-east-1", account: ACCT, group: "churn" });
            assert.deepStrictEqual(parseGroupRef("Churn"), { group: "churn" });
        });

        for (const [why, value] of [
            ["another service", arn("model-package-group/churn", "s3")],
            ["another resource type", arn("xmodel-package-group/churn")],
            ["a resource with a further segment", arn("model-package-group/churn/extra")],
            ["a package, not a group", arn("model/churn")],
            ["a group that is not a SageMaker name", arn("model-package-group/-churn")],
            ["no region", arn("model-package-group/churn", "sagemaker", "")],
            ["the account 'aws'", arn("model-package-group/churn", "sagemaker", "us-east-1", "aws")],
            ["a partition AWS does not have", `arn:nope:sagemaker:us-east-1:${ACCT}:model-package-group/churn`],
        ] as const) {
            it(`${why} is no group: ${value}`, () => {
                assert.strictEqual(parseGroupRef(value), undefined);
            });
        }
    });

    describe("sameVersion: every part known on the first side, and equal", () => {
        const full = { partition: "aws", region: "us-east-1", account: ACCT, group: "churn", version: 1 };

        it("the same version matches; another group, partition or version does not", () => {
            assert.strictEqual(sameVersion(full, { ...full }), true);
            assert.strictEqual(sameVersion(full, { ...full, group: "fraud" }), false);
            assert.strictEqual(sameVersion(full, { ...full, partition: "aws-cn" }), false);
            assert.strictEqual(sameVersion(full, { ...full, version: 2 }), false);
        });

        for (const part of ["partition", "region", "account"] as const) {
            it(`a ${part} unknown on both sides never matches`, () => {
                const open = { ...full, [part]: undefined };
                assert.strictEqual(sameVersion(open, { ...open }), false);
            });
        }
    });

    describe("versionKey: one key per version", () => {
        const full = { partition: "aws", region: "us-east-1", account: ACCT, group: "churn", version: 12 };

        it("versions in two regions, or whose group and version run together alike, get different keys", () => {
            assert.notStrictEqual(versionKey(full), versionKey({ ...full, region: "us-west-2" }));
            assert.notStrictEqual(versionKey(full), versionKey({ ...full, group: "churn1", version: 2 }));
            assert.strictEqual(versionKey(full), versionKey({ ...full }));
        });
    });

    describe("images (ECR registry hosts)", () => {
        const ecr = (region: string, partition: string, form: string, repository = "repo:tag") =>
            ({ kind: "ecr", account: ACCT, region, partition, form, repository });
        const lookalike = (host: string) => ({ kind: "other", reason: `registry "${host}" looks like AWS but is not an ECR registry host (ACCOUNT.dkr.ecr.REGION.amazonaws.com)` });

        it("the four ECR host forms, in each partition's DNS suffix, with the repository after the host", () => {
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr.ecr.us-east-1.amazonaws.com/repo:tag`), ecr("us-east-1", "aws", "IPv4"));
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr.ecr.us-east-1.amazonaws.com:443/team/repo@sha256:ab`), ecr("us-east-1", "aws", "IPv4", "team/repo@sha256:ab"));
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com/repo:tag`), ecr("us-gov-west-1", "aws-us-gov", "FIPS"));
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr.ecr.cn-north-1.amazonaws.com.cn/repo:tag`), ecr("cn-north-1", "aws-cn", "IPv4"));
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr-ecr.us-east-1.on.aws/repo:tag`), ecr("us-east-1", "aws", "dual-stack"));
            assert.deepStrictEqual(parseImage(`${ACCT}.dkr-ecr-fips.us-east-1.on.aws/repo:tag`), ecr("us-east-1", "aws", "dual-stack FIPS"));
            assert.deepStrictEqual(parseImage(`${ACCT}.DKR.ECR.US-EAST-1.AMAZONAWS.COM/repo:tag`), ecr("us-east-1", "aws", "IPv4"), "DNS names are case-insensitive");
        });

        for (const host of [
            `12345.dkr.ecr.us-east-1.amazonaws.com`, `x${ACCT}.dkr.ecr.us-east-1.amazonaws.com`, `${ACCT}0.dkr.ecr.us-east-1.amazonaws.com`,
            `${ACCT}.dkr.ecs.us-east-1.amazonaws.com`, `${ACCT}.drk.ecr.us-east-1.amazonaws.com`, `${ACCT}.dkr.ecr.xx-east-1.amazonaws.com`,
            `x.${ACCT}.dkr.ecr.us-east-1.amazonaws.com`, `${ACCT}.dkr.ecr.us-east-1.x.amazonaws.com`,
            `12345.dkr-ecr.us-east-1.on.aws`, `x${ACCT}.dkr-ecr.us-east-1.on.aws`, `${ACCT}0.dkr-ecr.us-east-1.on.aws`,
            `${ACCT}.dkr-ecs.us-east-1.on.aws`, `${ACCT}.dkr-ecr.xx-east-1.on.aws`, `${ACCT}.dkr-ecr.us-east-1.x.on.aws`,
            "dkr-ecr.example.com", "dkr.ecr.example.com", "registry.api.aws",
        ]) {
            it(`an AWS-looking host that is no ECR form is reported, not taken as another registry: ${host}`, () => {
                assert.deepStrictEqual(parseImage(`${host}/repo:tag`), lookalike(host));
            });
        }

        it("an ECR host on a port other than 443 is reported with the port (cut to 10 characters)", () => {
            const host = `${ACCT}.dkr.ecr.us-east-1.amazonaws.com`;
            assert.deepStrictEqual(parseImage(`${host}:5000/repo`), lookalike(`${host}:5000`));
            assert.deepStrictEqual(parseImage(`${host}:123456789012345/repo`), lookalike(`${host}:1234567890`));
            const long = `${"x".repeat(150)}.amazonaws.com`;
            assert.deepStrictEqual(parseImage(`${long}/repo`), lookalike("x".repeat(100)));
        });

        it("Docker Hub: no registry component; other registries are named (cut to 100 characters)", () => {
            const hub = { kind: "other", reason: "an image on Docker Hub, not in ECR", registry: "docker.io" };
            for (const image of ["ubuntu", "my.registry", "library/ubuntu", "/ubuntu"]) {
                assert.deepStrictEqual(parseImage(image), hub, image);
            }
            const registry = (host: string) => ({ kind: "other", reason: `an image in registry "${host}", not in ECR`, registry: host });
            assert.deepStrictEqual(parseImage("localhost/repo"), registry("localhost"));
            assert.deepStrictEqual(parseImage("localhost:5000/repo"), registry("localhost"));
            assert.deepStrictEqual(parseImage("ghcr.io/org/repo"), registry("ghcr.io"));
            assert.deepStrictEqual(parseImage(":5000/repo"), registry(""));
            assert.deepStrictEqual(parseImage("x.on.aws.example.com/repo"), registry("x.on.aws.example.com"));
            assert.deepStrictEqual(parseImage("x.api.aws.example.com/repo"), registry("x.api.aws.example.com"));
            const long = `${"r".repeat(150)}.example.com`;
            assert.deepStrictEqual(parseImage(`${long}/repo`), registry("r".repeat(100)));
        });
    });
});

// S3 locations in the spellings the Amazon S3 User Guide lists ("Virtual hosting of buckets", "Legacy
// endpoints", "Using access points", "Multi-Region Access Points", "Amazon S3 on Outposts", "S3 Express
// One Zone": BUCKET--ZONE--x-s3 at s3express-ZONE.REGION.amazonaws.com, "Transfer Acceleration") and the
// bucket naming rules ("General purpose bucket naming rules"; legacy us-east-1 names allow upper case
// and "_"). Host names are at most 253 characters (RFC 1035). Absent parts are left out of the
// comparison (JSON), so each expectation lists what the spelling names.
describe("issue 21: S3 locations, one part of the spelling at a time", () => {
    const plain = (v: unknown) => JSON.parse(JSON.stringify(v));
    const s3 = (bucket: string, key: string, form: string, extra: Record<string, unknown> = {}) =>
        ({ kind: "s3", bucket, key, form, canonical: `s3://${bucket}/${key}`, ...extra });
    const aws = (region?: string) => (region ? { partition: "aws", region } : { partition: "aws" });
    const check = (value: string, expected: unknown) => assert.deepStrictEqual(plain(parseLocation(value, "s3")), expected, value);
    const notEndpoint = (host: string) => ({ kind: "other", reason: `host "${host}" is not an S3 endpoint of any AWS partition` });
    const notBucket = (bucket: string) => ({ kind: "other", reason: `"${bucket}" is not an S3 bucket name` });
    const BAD_ENCODING = { kind: "other", reason: "the URL's path is not valid percent-encoding" };

    it("regional hosts: virtual-hosted and path-style, FIPS and dual-stack, per partition", () => {
        check("https://bucket.s3.us-east-1.amazonaws.com/a/b", s3("bucket", "a/b", "virtual-hosted", aws("us-east-1")));
        check("https://s3.us-west-2.amazonaws.com/bucket/a/b", s3("bucket", "a/b", "path-style", aws("us-west-2")));
        check("https://s3.us-west-2.amazonaws.com/bucket", s3("bucket", "", "path-style", aws("us-west-2")));
        check("https://bucket.s3-fips.us-gov-west-1.amazonaws.com/k", s3("bucket", "k", "virtual-hosted, FIPS", { partition: "aws-us-gov", region: "us-gov-west-1" }));
        check("https://bucket.s3.dualstack.eu-west-1.amazonaws.com/k", s3("bucket", "k", "virtual-hosted, dual-stack", aws("eu-west-1")));
        check("https://bucket.s3-fips.dualstack.us-east-1.amazonaws.com/k", s3("bucket", "k", "virtual-hosted, FIPS, dual-stack", aws("us-east-1")));
        check("https://s3.dualstack.us-east-1.amazonaws.com/bucket/k", s3("bucket", "k", "path-style, dual-stack", aws("us-east-1")));
        check("https://bucket.s3.cn-north-1.amazonaws.com.cn/k", s3("bucket", "k", "virtual-hosted", { partition: "aws-cn", region: "cn-north-1" }));
        check("https://bucket.s3.us-east-1.amazonaws.com", s3("bucket", "", "virtual-hosted", aws("us-east-1")));
        check("https://bucket.s3.us-east-1.amazonaws.com?versionId=1", s3("bucket", "", "virtual-hosted", aws("us-east-1")));
        check("https://bucket.s3.us-east-1.amazonaws.com/k?versionId=1#f", s3("bucket", "k", "virtual-hosted", aws("us-east-1")));
        check("https://bucket.s3.us-east-1.amazonaws.com:443/k", s3("bucket", "k", "virtual-hosted", aws("us-east-1")));
    });

    it("legacy hosts: s3-REGION, s3-external-1 (us-east-1, aws only), the global s3 host, Transfer Acceleration", () => {
        check("https://bucket.s3-us-west-2.amazonaws.com/k", s3("bucket", "k", "legacy s3-REGION endpoint", aws("us-west-2")));
        check("https://bucket.s3-external-1.amazonaws.com/k", s3("bucket", "k", "legacy s3-external-1 endpoint", aws("us-east-1")));
        check("https://bucket.s3.amazonaws.com/k", s3("bucket", "k", "legacy global endpoint (no region in the host)", aws()));
        check("https://s3.amazonaws.com/bucket/k", s3("bucket", "k", "legacy global endpoint (no region in the host)", aws()));
        check("https://a.mrap.accesspoint.s3.amazonaws.com/k", s3("a.mrap.accesspoint", "k", "legacy global endpoint (no region in the host)", aws()));
        check("https://bucket.s3-accelerate.amazonaws.com/k", s3("bucket", "k", "Transfer Acceleration endpoint (no region in the host)", aws()));
        check("https://bucket.s3-accelerate.dualstack.amazonaws.com/k", s3("bucket", "k", "Transfer Acceleration endpoint (no region in the host)", aws()));
    });

    it("S3 Express One Zone directory bucket hosts", () => {
        check("https://bucket--use1-az4--x-s3.s3express-use1-az4.us-east-1.amazonaws.com/k",
            s3("bucket--use1-az4--x-s3", "k", "S3 Express directory bucket (zone use1-az4)", aws("us-east-1")));
        check("https://bucket--use1-az12--x-s3.s3express-fips-use1-az12.us-east-1.amazonaws.com/k",
            s3("bucket--use1-az12--x-s3", "k", "S3 Express directory bucket (zone use1-az12, FIPS)", aws("us-east-1")));
    });

    it("access point hosts: NAME-ACCOUNT (regional, Outposts) and ALIAS.mrap (Multi-Region)", () => {
        const ap = (name: string, region: string) => ({ ...aws(region), account: ACCT, accessPoint: { name, account: ACCT, multiRegion: false } });
        check(`https://myap-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com/k`, s3(`myap-${ACCT}`, "k", "access point", ap("myap", "us-east-1")));
        check(`https://a-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com/k`, s3(`a-${ACCT}`, "k", "access point", ap("a", "us-east-1")));
        check(`https://my-ap-${ACCT}.s3-accesspoint-fips.dualstack.us-east-1.amazonaws.com/k`,
            s3(`my-ap-${ACCT}`, "k", "access point, FIPS, dual-stack", ap("my-ap", "us-east-1")));
        check(`https://myap-${ACCT}.op-01234567890123456.s3-outposts.us-west-2.amazonaws.com/k`,
            s3(`myap-${ACCT}`, "k", "Outposts access point", ap("myap", "us-west-2")));
        check("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/k",
            s3("mfzwi23gnjvgw.mrap", "k", "Multi-Region Access Point", { ...aws(), accessPoint: { name: "mfzwi23gnjvgw.mrap", multiRegion: true } }));
    });

    it("an access point host without NAME-ACCOUNT (12 digits) as its one label is said so", () => {
        for (const host of [
            `-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com`, "myap-12345.s3-accesspoint.us-east-1.amazonaws.com",
            `x.myap-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com`, "s3-accesspoint.us-east-1.amazonaws.com",
            `a.myap-${ACCT}.op-01234567890123456.s3-outposts.us-west-2.amazonaws.com`, `myap-${ACCT}.x.s3-accesspoint.us-east-1.amazonaws.com`,
        ]) {
            check(`https://${host}/k`, { kind: "other", reason: `host "${host}" is not an access point host (NAME-ACCOUNT.s3-accesspoint.REGION...)` });
        }
        const long = `${"n".repeat(120)}-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com`;
        check(`https://x.${long}/k`, { kind: "other", reason: `host "${`x.${long}`.slice(0, 100)}" is not an access point host (NAME-ACCOUNT.s3-accesspoint.REGION...)` });
    });

    it("hosts that are no S3 endpoint", () => {
        for (const host of [
            "alias.notmrap.accesspoint.s3-global.amazonaws.com", "a.mrap.x.s3-global.amazonaws.com", "mrap.accesspoint.s3-global.amazonaws.com",
            "bucket.s3x.us-east-1.amazonaws.com", "bucket.s3-external-1.amazonaws.com.cn", "bucket.s4-us-west-2.amazonaws.com",
            "bucket.s3-accelerate.foo.amazonaws.com", "bucket.foo.dualstack.amazonaws.com", "dualstack.us-east-1.amazonaws.com",
            "s3.x.us-east-1.amazonaws.com", "xs3express-use1-az4.us-east-1.amazonaws.com", "b.s3express-use1-az4x.us-east-1.amazonaws.com",
            "s3-outposts.us-west-2.amazonaws.com", "op-01234567890123456.s3-outposts.us-west-2.amazonaws.com", "bucket.s3.us-east-1.example.com",
        ]) {
            check(`https://${host}/k`, notEndpoint(host));
        }
        check("https://:443/bucket/k", notEndpoint(""));
        check("https:///bucket/k", notEndpoint(""));
        check("https://:8443/bucket/k", { kind: "other", reason: "an https URL on port 8443 is not an S3 endpoint" });
        const long = `${"h".repeat(150)}.example.com`;
        check(`https://${long}/k`, notEndpoint("h".repeat(100)));
    });

    it("host names up to 253 characters are read; longer are not", () => {
        const suffix = ".s3.us-east-1.amazonaws.com";
        const bucket = "b".repeat(253 - suffix.length);
        check(`https://${bucket}${suffix}/k`, s3(bucket, "k", "virtual-hosted", aws("us-east-1")));
        check(`https://${bucket}b${suffix}/k`, notEndpoint(`${bucket}b${suffix}`.slice(0, 100)));
    });

    it("user information, other ports, bad bucket names, no bucket, bad percent-encoding", () => {
        check("https://user@bucket.s3.us-east-1.amazonaws.com/k", { kind: "other", reason: "an https URL with user information is not an S3 location" });
        check("https://bucket.s3.us-east-1.amazonaws.com:8443/k", { kind: "other", reason: "an https URL on port 8443 is not an S3 endpoint" });
        check("https://bucket.s3.us-east-1.amazonaws.com:123456789012345/k", { kind: "other", reason: "an https URL on port 1234567890 is not an S3 endpoint" });
        for (const bucket of ["bucket_x", "-bucket", "bucket-"]) {
            check(`https://${bucket}.s3.us-east-1.amazonaws.com/k`, bucket === "bucket-" ? s3("bucket-", "k", "virtual-hosted", aws("us-east-1")) : notBucket(bucket));
        }
        check(`https://_${"b".repeat(99)}.s3.us-east-1.amazonaws.com/k`, notBucket(`_${"b".repeat(79)}`));
        check("https://s3.us-east-1.amazonaws.com/", { kind: "other", reason: "a path-style S3 URL without a bucket" });
        check("https://s3.us-east-1.amazonaws.com//k", { kind: "other", reason: "a path-style S3 URL without a bucket" });
        check("https://s3.us-east-1.amazonaws.com/-bucket/k", notBucket("-bucket"));
        check(`https://s3.us-east-1.amazonaws.com/!${"b".repeat(99)}/k`, notBucket(`!${"b".repeat(79)}`));
        for (const host of ["bucket.s3.us-east-1.amazonaws.com", "s3.us-east-1.amazonaws.com/bucket", `myap-${ACCT}.s3-accesspoint.us-east-1.amazonaws.com`, "a.mrap.accesspoint.s3-global.amazonaws.com"]) {
            check(`https://${host}/%E0%A4%A`, BAD_ENCODING);
        }
        check("https://bucket.s3.us-east-1.amazonaws.com/%252e%252e/x", { kind: "other", reason: "the key has a \".\" or \"..\" segment: whether SageMaker resolves it is not documented, so the object it names is not known" });
        check("http://bucket/k", { kind: "other", reason: "not an s3:// or https:// URL" });
    });

    it("s3:// URIs: a bucket (general purpose, directory, access point alias) or an access point ARN", () => {
        check("s3://bucket/a/b", s3("bucket", "a/b", "s3:// URI"));
        check("s3://Legacy_Bucket", s3("Legacy_Bucket", "", "s3:// URI"));
        check("s3://bucket--use1-az4--x-s3/k", s3("bucket--use1-az4--x-s3", "k", "s3:// URI of an S3 Express directory bucket"));
        check("s3://my-ap-abc123-s3alias/k", s3("my-ap-abc123-s3alias", "k", "s3:// URI of an access point alias"));
        for (const bucket of ["-bucket", "!bucket", "bucket!", ""]) {
            check(`s3://${bucket}/k`, notBucket(bucket));
        }
        check(`s3://_${"b".repeat(299)}/k`, notBucket(`_${"b".repeat(79)}`));
        const arn = `arn:aws:s3:us-west-2:${ACCT}:accesspoint/my-ap`;
        check(`s3://${arn}/k/x`, s3(arn, "k/x", "access point ARN", { partition: "aws", region: "us-west-2", account: ACCT, accessPoint: { name: "my-ap", account: ACCT, multiRegion: false } }));
        check(`s3://${arn}`, s3(arn, "", "access point ARN", { partition: "aws", region: "us-west-2", account: ACCT, accessPoint: { name: "my-ap", account: ACCT, multiRegion: false } }));
        const mrap = `arn:aws:s3::${ACCT}:accesspoint/mfzwi23gnjvgw.mrap`;
        check(`s3://${mrap}/k`, s3(mrap, "k", "Multi-Region Access Point ARN", { partition: "aws", account: ACCT, accessPoint: { name: "mfzwi23gnjvgw.mrap", account: ACCT, multiRegion: true } }));
        for (const bad of [`arn:aws:s3:us-west-2:${ACCT}:bucket/x`, `arn:aws:s3:us-west-2:${ACCT}:accesspoint/my-ap!x/k`, "arn:aws:s3:us-west-2:12345:accesspoint/my-ap"]) {
            check(`s3://${bad}`, { kind: "other", reason: "not an S3 access point ARN (arn:PARTITION:s3:REGION:ACCOUNT:accesspoint/NAME)" });
        }
    });
});
