// Every policy's configSchema is valid JSON Schema, accepts the example configs and the defaults,
// and rejects malformed config (what the engine checks before a run).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies as guardrails } from "../../../policy-pack/src/policies";
import { plaintextSecrets } from "../../../policy-pack/src/policies/plaintext-secrets";
import { PACK_DIR } from "../../helpers/policy-args";
import Ajv = require("ajv");

const ajv = new Ajv({ allErrors: true });
/** The default guardrails and the opt-in one, which the ready pack lists too (disabled). */
const policies = [...guardrails, plaintextSecrets];

function schemaOf(name: string) {
    const p = policies.find(x => x.name === name)!;
    // The engine validates {properties, required} as an object schema.
    return { type: "object", properties: { enforcementLevel: { type: "string" }, ...p.configSchema!.properties }, required: p.configSchema!.required, additionalProperties: false };
}

describe("policy config schemas", () => {
    for (const p of policies) {
        it(`${p.name}: valid JSON Schema, with a severity, remediation steps and mandatory default`, () => {
            assert.ok(ajv.validateSchema(schemaOf(p.name)), ajv.errorsText(ajv.errors));
            assert.strictEqual(p.enforcementLevel, p === plaintextSecrets ? "advisory" : "mandatory");
            assert.ok(p.severity && p.remediationSteps && p.description);
            // The defaults declared in the schema validate against it.
            const defaults = Object.fromEntries(Object.entries(p.configSchema!.properties).filter(([, s]) => s.default !== undefined).map(([k, s]) => [k, s.default]));
            assert.ok(ajv.validate(schemaOf(p.name), defaults), ajv.errorsText(ajv.errors));
        });
    }

    for (const file of ["strict-config.json", "relaxed-config.json", "guardrails.json"]) {
        it(`examples/${file} validates`, () => {
            const config = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "examples", file), "utf8")) as Record<string, unknown>;
            for (const [name, value] of Object.entries(config)) {
                assert.ok(policies.some(p => p.name === name), `unknown policy ${name}`);
                if (typeof value === "object") {
                    assert.ok(ajv.validate(schemaOf(name), value), `${name}: ${ajv.errorsText(ajv.errors)}`);
                }
            }
        });
    }

    it("rejects malformed config", () => {
        const bad: [string, unknown][] = [
            ["sagemaker-network-isolation", { exemptions: [{ namePattern: "x" }] }],
            ["sagemaker-network-isolation", { onUnknown: "maybe" }],
            ["sagemaker-region-match", { allowedRegions: ["US East"] }],
            ["sagemaker-region-match", { bucketRegions: { b: 1 } }],
            ["sagemaker-region-match", { unknownBucketRegion: "explode" }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "m", approvedBy: "a" }] }],
            // An approval names one model: not both ways, not a glob "location", not a key segment.
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "m", hubContentArn: "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/m", approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ location: "s3://bucket/", approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "meta/llama", approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "m", s3Prefixes: ["https://b.s3.amazonaws.com/m/"], approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "m", s3Prefixes: [], approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ hubContentArn: "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/m/1.0.0", approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { approvedModels: [{ modelId: "m", version: "latest", approvedBy: "a", ticket: "t" }] }],
            ["sagemaker-eula-acceptance", { gatedS3Locations: ["https://jumpstart-private-cache-prod-us-east-1.s3.amazonaws.com/"] }],
            ["sagemaker-region-match", { unrecognizedLocations: "ignore" }],
        ];
        for (const [name, value] of bad) {
            assert.ok(!ajv.validate(schemaOf(name), value), `${name} accepted ${JSON.stringify(value)}`);
        }
    });
});

// The region rule of the config schema is the one the provider and the pack's parser use: names an
// AWS partition claims (AWS's regions pages list eusc-de-east-1 for the European Sovereign Cloud and
// us-iso-east-1 for the ISO partition); a well-formed name no partition claims is refused.
describe("sagemaker-region-match config: the one region rule", () => {
    const schema = schemaOf("sagemaker-region-match");
    for (const region of ["eu-west-1", "eusc-de-east-1", "us-iso-east-1", "us-isob-east-1", "cn-north-1", "us-gov-west-1"]) {
        it(`allowedRegions accepts ${region}`, () => {
            assert.ok(ajv.validate(schema, { allowedRegions: [region] }), ajv.errorsText(ajv.errors));
        });
    }
    for (const region of ["xx-east-1", "EU-WEST-1", "eu-west", "eu_west_1"]) {
        it(`allowedRegions refuses ${region}`, () => {
            assert.ok(!ajv.validate(schema, { allowedRegions: [region] }));
        });
    }
});
