// Where a resource's region comes from (provider/common/region.ts), in the SDK's order (AWS SDK for
// JavaScript v3, "Setting the AWS Region": the client's own setting, AWS_REGION, then the shared config
// file's profile; the stack's `aws:region` is this provider's client setting). An empty string is no region.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { effectiveRegion, ownRegion, resolveRegion, withDeploymentRegion } from "../../../provider/common/region";
import { UNKNOWN } from "../../../provider/common/unknown";
import { withEnv } from "../../helpers/env";

const NO_ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined };

describe("a resource's region", () => {
    let dir: string;
    let files = 0;
    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "region-"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** A shared config file of its own (the SDK's loader caches files by path). */
    function configFile(text: string): string {
        const file = path.join(dir, `config-${files++}`);
        fs.writeFileSync(file, text);
        return file;
    }

    it("its own region: a non-empty string, nothing else", () => {
        assert.strictEqual(ownRegion({ region: "eu-west-1" }), "eu-west-1");
        assert.strictEqual(ownRegion({ region: "" }), undefined);
        assert.strictEqual(ownRegion({ region: 5 }), undefined);
        assert.strictEqual(ownRegion(undefined), undefined);
    });

    it("effective: its own, else the stack's, else AWS_REGION, else AWS_DEFAULT_REGION", async () => {
        await withEnv({ ...NO_ENV, AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
            assert.strictEqual(effectiveRegion({ region: "eu-west-1" }, "us-east-2"), "us-east-2");
            assert.strictEqual(effectiveRegion({ region: "eu-west-1" }, ""), "eu-west-1");
            assert.strictEqual(effectiveRegion({ region: "eu-west-1" }, 7), "eu-west-1");
            assert.strictEqual(effectiveRegion({}, undefined), "us-west-2");
        });
        await withEnv({ ...NO_ENV, AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
            assert.strictEqual(effectiveRegion({}, undefined), "ap-south-1");
        });
        await withEnv(NO_ENV, async () => {
            assert.strictEqual(effectiveRegion({ region: "" }, undefined), undefined);
        });
    });

    it("check records the deployment region when the resource's is absent or empty, and leaves a set one as it is", async () => {
        await withEnv(NO_ENV, async () => {
            assert.deepStrictEqual(withDeploymentRegion({ region: "eu-west-1" }, { region: "" }), { region: "eu-west-1" });
            const own = { region: "us-east-2", Tags: [] };
            assert.strictEqual(withDeploymentRegion({ region: "eu-west-1" }, own), own);
            const none = { Tags: [] };
            assert.strictEqual(withDeploymentRegion({}, none), none);
        });
    });

    describe("resolved as the SDK will, with where it was found", () => {
        it("unknown at preview when the resource's region is an output not known yet", async () => {
            assert.strictEqual(await resolveRegion({ region: "eu-west-1" }, { region: UNKNOWN }), "unknown");
        });

        it("the resource, then the stack, then the environment", async () => {
            await withEnv({ ...NO_ENV, AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
                assert.deepStrictEqual(await resolveRegion({ region: "eu-west-1" }, { region: "us-east-2" }), { region: "us-east-2", source: "resource" });
                assert.deepStrictEqual(await resolveRegion({ region: "eu-west-1" }, { region: "" }), { region: "eu-west-1", source: "stack" });
                assert.deepStrictEqual(await resolveRegion({}, {}), { region: "ap-south-1", source: "environment" });
            });
        });

        it("then the shared config file: the provider's profile, else AWS_PROFILE's, else [default]", async () => {
            const file = configFile("[default]\nregion = eu-north-1\n\n[profile ml]\nregion = ap-northeast-1\n");
            await withEnv({ ...NO_ENV, AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "none") }, async () => {
                assert.deepStrictEqual(await resolveRegion({ profile: "ml" }, {}), { region: "ap-northeast-1", source: "profile" });
                assert.deepStrictEqual(await resolveRegion({}, {}), { region: "eu-north-1", source: "profile" });
            });
        });

        it("none: no region anywhere, an empty one, or a config file that cannot be read", async () => {
            const empty = configFile("[default]\nregion =\n");
            const unreadable = path.join(dir, "a-directory");
            fs.mkdirSync(unreadable);
            for (const file of [configFile("[default]\noutput = json\n"), empty, unreadable]) {
                await withEnv({ ...NO_ENV, AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "none") }, async () => {
                    assert.strictEqual(await resolveRegion({}, {}), undefined, file);
                });
            }
        });
    });
});
