// Issue 21 (mutation testing of the pack's policies/): what the policies share (common.ts), pinned
// through the policies that use it: settings, config defaults, the boolean rule, misspelt keys and how
// unknown values are reported.
import * as assert from "assert";
import { networkIsolation, regionMatch, regionMatchPolicy, sagemakerGuardrails } from "../../../policy-pack/src";
import { messages, PACK_DIR, runResourcePolicy, runStackPolicy, TestResource, UNKNOWN, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, model } from "./fixtures";

const USE1 = { stackConfig: { "aws:region": "us-east-1" } };
const unknownBucket = model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://somewhere/m.tar.gz" });

describe("issue 21: what the policies share, one rule at a time", () => {
    it("several misspelt options are all named, with the valid ones", () => {
        assert.throws(() => sagemakerGuardrails({ regionMatch: { alowedRegions: ["x"], nonEcr: "fail" } as never }),
            /sagemaker-region-match: unknown option "alowedRegions", "nonEcr"; its options are allowedRegions, bucketRegions,/);
    });

    it("a null option in the engine's config, or an undefined one given in code, keeps the default", async () => {
        const engine = await runStackPolicy(regionMatch, [unknownBucket], { ...USE1, config: { unknownBucketRegion: null } });
        assert.deepStrictEqual(engine.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
        const code = await runStackPolicy(regionMatchPolicy({ unknownBucketRegion: undefined }), [unknownBucket], USE1);
        assert.deepStrictEqual(code.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
    });

    it("the string \"true\" (what config files and YAML programs send) is true; other strings are not", async () => {
        assert.deepStrictEqual((await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: "true" }))).diagnostics, []);
        assert.strictEqual((await runResourcePolicy(networkIsolation, model("ours", "m", { isolation: "TRUE" }))).diagnostics.length, 1);
    });

    it("a misspelt key: the fix renames it to the member the provider reads", async () => {
        const r = model("aws", "m", { isolation: true });
        r.props.EnableNetworkIsolation = true;
        assert.match(messages(await runResourcePolicy(networkIsolation, r), "mandatory")[0], /Fix: rename EnableNetworkIsolation to enableNetworkIsolation\./);
    });

    it("onUnknown fail: every unknown in one message, joined, with the fix (known values, or onUnknown warn)", async () => {
        const r: TestResource = model("ours", "m", { container: UNKNOWN_OBJECT });
        r.props.Containers = UNKNOWN;
        const [m] = messages(await runResourcePolicy(regionMatch, r, { ...USE1, config: { onUnknown: "fail" } }), "mandatory");
        assert.match(m, /cannot be checked during preview: PrimaryContainer is unknown during preview; it may reference images or artifacts outside "us-east-1"; Containers is unknown during preview/);
        assert.match(m, /Fix: make these values known at preview time \(plain values or resources that already exist\), or set this policy's onUnknown to "warn"\./);
    });
});

// The analyzer sends each config schema as a protobuf Struct (@pulumi/policy protoutil.js), which
// refuses undefined values: a property without a default must have no `default` key at all.
describe("issue 21: config schemas as the analyzer sends them", () => {
    const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [PACK_DIR] }));
    it("every policy's schema, with and without options given in code, converts to a protobuf Struct", () => {
        for (const policies of [sagemakerGuardrails(), sagemakerGuardrails({ regionMatch: { allowedRegions: ["eu-west-1"] } })]) {
            for (const p of policies) {
                assert.doesNotThrow(() => Struct.fromJavaScript(p.configSchema!.properties), p.name);
            }
        }
    });
});
