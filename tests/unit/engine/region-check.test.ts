import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { lifecycles } from "../../../provider/runtime";
import { validInputs } from "../model/fixtures";
import { withEnv } from "../../helpers/env";

// No region from the environment, and a shared config file this test controls (the SDK's loader reads AWS_CONFIG_FILE).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "region-check-"));
const configFile = path.join(dir, "config");
fs.writeFileSync(configFile, "[default]\noutput = json\n\n[profile ml]\nregion = eu-central-1\n\n[profile typo]\nregion = eu-west-9\n");
const NO_REGION = {
    AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_PROFILE: undefined,
    AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "credentials"),
};

/** The warnings check() reports (engineWarning prints to stderr outside the dynamic-provider host). */
async function warningsOf(fn: () => Promise<unknown>): Promise<string[]> {
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void seen.push(args.join(" "));
    try {
        await fn();
    } finally {
        console.warn = original;
    }
    return seen;
}

describe("check() resolves the region the way the SDK will, at preview", () => {
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("fails when no region is found anywhere, naming region, the constraint and the config keys to set", async () => {
        await withEnv(NO_REGION, async () => {
            const r = await lifecycles.Model.check({}, {}, validInputs());
            const failure = (r.failures ?? []).find((f) => f.property === "region");
            assert.ok(failure, JSON.stringify(r.failures));
            assert.match(failure.reason, /no AWS region is set/);
            assert.match(failure.reason, /constraint: required/);
            assert.match(failure.reason, /pulumi config set aws:region <region>/);
            assert.match(failure.reason, /resource's `region`/);
            const group = await lifecycles.ModelPackageGroup.check({}, {}, { ModelPackageGroupName: "fraud", __logicalName: "fraud" });
            assert.ok((group.failures ?? []).some((f) => f.property === "region"), JSON.stringify(group.failures));
        });
    });

    it("accepts a region from the resource, the stack, the environment, or the profile (aws:profile or AWS_PROFILE)", async () => {
        await withEnv(NO_REGION, async () => {
            for (const [settings, inputs] of [[{}, { region: "us-east-2" }], [{ region: "eu-west-1" }, {}], [{ profile: "ml" }, {}]] as const) {
                const r = await lifecycles.Model.check(settings, {}, { ...validInputs(), ...inputs });
                assert.deepStrictEqual(r.failures, [], JSON.stringify({ settings, inputs }));
            }
        });
        await withEnv({ ...NO_REGION, AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
            assert.deepStrictEqual((await lifecycles.Model.check({}, {}, validInputs())).failures, []);
        });
        await withEnv({ ...NO_REGION, AWS_PROFILE: "ml" }, async () => {
            assert.deepStrictEqual((await lifecycles.Model.check({}, {}, validInputs())).failures, []);
        });
    });

    it("without a profile set anywhere, names the SDK's default one", async () => {
        await withEnv(NO_REGION, async () => {
            const r = await lifecycles.Model.check({}, {}, validInputs());
            assert.match(r.failures?.find((f) => f.property === "region")?.reason ?? "", /nor profile "default" in the shared config file/);
        });
    });

    it("no region and another failure: both are reported", async () => {
        await withEnv(NO_REGION, async () => {
            const r = await lifecycles.Model.check({}, {}, validInputs({ PrimaryContainer: undefined }));
            assert.deepStrictEqual((r.failures ?? []).map((f) => f.property), ["PrimaryContainer", "region"]);
        });
    });

    it("names the profile it looked in when that profile has no region", async () => {
        await withEnv({ ...NO_REGION, AWS_PROFILE: "default" }, async () => {
            const r = await lifecycles.Model.check({ profile: "nowhere" }, {}, validInputs());
            assert.match(r.failures?.find((f) => f.property === "region")?.reason ?? "", /profile "nowhere"/);
        });
    });

    it("warns (does not fail) about a well-formed region no partition lists, naming the closest listed one", async () => {
        await withEnv(NO_REGION, async () => {
            let result: Awaited<ReturnType<typeof lifecycles.Model.check>> | undefined;
            const warnings = await warningsOf(async () => {
                result = await lifecycles.Model.check({ region: "eu-west-9" }, {}, { ...validInputs(), __logicalName: "scorer" });
            });
            assert.deepStrictEqual(result?.failures, []);
            const warning = warnings.find((w) => w.includes("eu-west-9"));
            assert.ok(warning, JSON.stringify(warnings));
            assert.match(warning, /"scorer"/);
            assert.match(warning, /not a region any AWS partition lists/);
            assert.match(warning, /closest listed region is "eu-west-[123]"/);
            assert.match(warning, /pulumi config set aws:region <region>`, or keep it if it is a region newer than this SDK's partition data\.$/);
            const unnamed = await warningsOf(() => lifecycles.Model.check({ region: "eu-west-9" }, {}, { ...validInputs(), __logicalName: undefined, ModelName: "m" }));
            assert.ok(unnamed.some((w) => w.startsWith("warning: Model: region \"eu-west-9\" (the stack's aws:region)")), JSON.stringify(unnamed));
            const profile = await warningsOf(() => lifecycles.Model.check({ profile: "typo" }, {}, validInputs()));
            assert.ok(profile.some((w) => w.includes("eu-west-9") && /profile's `region`/.test(w)), JSON.stringify(profile));
        });
    });

    it("does not warn about a listed region", async () => {
        await withEnv(NO_REGION, async () => {
            const warnings = await warningsOf(() => lifecycles.Model.check({ region: "eu-west-1" }, {}, validInputs()));
            assert.deepStrictEqual(warnings.filter((w) => /partition lists/.test(w)), []);
        });
    });
});
