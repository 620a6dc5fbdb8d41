// THE region rule (provider/identity/region.ts): a name some AWS partition claims in the SDK's
// partition data. Expected values are literal, from AWS's documentation (the AWS General Reference's
// region tables, "AWS European Sovereign Cloud" and the ISO partitions in the SDK's endpoint
// rules), not read from the code or the data under test.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { checkFailure } from "../../../provider/common/check-failures";
import { settingsFromConfig } from "../../../provider/common/settings";
import { isRegionName, partitionOf, REGION_PATTERN } from "../../../provider/identity/region";
import { lifecycles } from "../../../provider/runtime";
import { ListModelPackagesCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { mockClient } from "aws-sdk-client-mock";
import { getModelPackageVersions } from "../../../provider/registry";
import { validInputs } from "../model/fixtures";

const REGIONS: [string, string][] = [
    ["us-east-1", "aws"], ["eu-west-2", "aws"], ["il-central-1", "aws"], ["mx-central-1", "aws"], ["ap-southeast-7", "aws"],
    ["cn-north-1", "aws-cn"], ["cn-northwest-1", "aws-cn"],
    ["us-gov-west-1", "aws-us-gov"], ["us-gov-east-1", "aws-us-gov"],
    ["eusc-de-east-1", "aws-eusc"],
    ["us-iso-east-1", "aws-iso"], ["us-iso-west-1", "aws-iso"],
    ["us-isob-east-1", "aws-iso-b"],
    ["eu-isoe-west-1", "aws-iso-e"],
    ["us-isof-south-1", "aws-iso-f"], ["us-isof-east-1", "aws-iso-f"],
];
const NOT_REGIONS = ["xx-east-1", "mars-1", "us-east-one", "us-east", "useast1", "US-EAST-1", " us-east-1", "us-east-1 ", "", "us-east-1\n",
    "aws-global", `us-${"east".repeat(20)}-1`];

describe("the one region rule (provider/identity/region.ts)", () => {
    for (const [region, partition] of REGIONS) {
        it(`${region} is a region of ${partition}`, () => {
            assert.strictEqual(isRegionName(region), true);
            assert.strictEqual(partitionOf(region), partition);
        });
    }
    for (const text of NOT_REGIONS) {
        it(`${JSON.stringify(text.slice(0, 30))} is not a region`, () => {
            assert.strictEqual(isRegionName(text), false);
            assert.strictEqual(partitionOf(text), undefined);
        });
    }

    it("a name a partition's pattern claims but does not list yet is that partition's (a new region)", () => {
        assert.strictEqual(partitionOf("us-east-9"), "aws");
        assert.strictEqual(partitionOf("us-gov-south-7"), "aws-us-gov");
        assert.strictEqual(partitionOf("us-isof-north-3"), "aws-iso-f");
    });

    it("names are at most 40 characters (longer text is never tried against the pattern)", () => {
        const forty = `us-${"a".repeat(35)}-1`;
        assert.strictEqual(forty.length, 40);
        assert.strictEqual(isRegionName(forty), true);
        assert.strictEqual(isRegionName(`us-${"a".repeat(36)}-1`), false);
    });

    it("the provider reads the same generated file the policy pack reads (one rule, one source)", () => {
        const root = path.resolve(__dirname, "../../..");
        const provider = fs.readFileSync(path.join(root, "provider/identity/partitions.json"), "utf8");
        const pack = fs.readFileSync(path.join(root, "policy-pack/src/generated/partitions.json"), "utf8");
        assert.strictEqual(provider, pack);
        assert.strictEqual(REGION_PATTERN.source, new RegExp(JSON.parse(pack).regionPattern).source);
    });

    it("the pattern compiles with the `u` flag (JSON Schema validators use it), and means the same there", () => {
        const unicode = new RegExp(REGION_PATTERN.source, "u");
        for (const [region] of REGIONS) {
            assert.ok(unicode.test(region), region);
        }
        for (const text of NOT_REGIONS.filter((t) => t.length <= 40)) {
            assert.ok(!unicode.test(text), text);
        }
    });

    describe("where it is used", () => {
        it("stack config aws:region accepts eusc-de-east-1 and an ISO region, rejects xx-east-1", () => {
            assert.deepStrictEqual(settingsFromConfig({ get: (k) => (k === "aws:region" ? "eusc-de-east-1" : undefined) }), { region: "eusc-de-east-1" });
            assert.deepStrictEqual(settingsFromConfig({ get: (k) => (k === "aws:region" ? "us-isob-east-1" : undefined) }), { region: "us-isob-east-1" });
            assert.throws(() => settingsFromConfig({ get: (k) => (k === "aws:region" ? "xx-east-1" : undefined) }), /"aws:region" is "xx-east-1", which is not an AWS region name/);
        });

        it("a resource's region input: check accepts eusc-de-east-1 and us-iso-east-1, fails xx-east-1 at `region`", async () => {
            for (const region of ["eusc-de-east-1", "us-iso-east-1", "eu-isoe-west-1"]) {
                const result = await lifecycles.Model.check({}, {}, validInputs({ region }));
                assert.deepStrictEqual(result.failures, [], region);
            }
            const bad = await lifecycles.Model.check({}, {}, validInputs({ region: "xx-east-1" }));
            assert.deepStrictEqual(bad.failures?.map((f) => f.property), ["region"]);
            assert.ok(checkFailure("region", "pattern", "", "").reason.startsWith("region: "));
        });

        it("a registry lookup's region: eusc-de-east-1 is looked up there, xx-east-1 fails the argument check before any call", async () => {
            const sm = mockClient(SageMakerClient);
            try {
                sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
                const opts = { settings: { region: "us-east-1", maxAttempts: 1 } };
                await assert.rejects(getModelPackageVersions({ ModelPackageGroupName: "churn", region: "xx-east-1" }, opts), /region: "xx-east-1" is not an AWS region name/);
                assert.strictEqual(sm.calls().length, 0);
                assert.deepStrictEqual(await getModelPackageVersions({ ModelPackageGroupName: "churn", region: "eusc-de-east-1" }, opts), []);
                const client = sm.calls()[0]?.thisValue as SageMakerClient;
                assert.strictEqual(await client.config.region(), "eusc-de-east-1");
            } finally {
                sm.restore();
            }
        });
    });
});
