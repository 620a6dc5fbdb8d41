// Issue 21 (mutation testing of the pack's policies/): sagemaker-eula-acceptance, one rule per test,
// each changing one field of an otherwise valid data source and matching the message's property,
// constraint and fix. Expected values come from the API model (HubContentArn
// `arn:PARTITION:sagemaker:REGION:ACCOUNT|aws:hub-content/HUB/TYPE/NAME[/VERSION]`, HubContentVersion
// `\d{1,4}.\d{1,4}.\d{1,4}`; ModelAccessConfig.AcceptEula a boolean on S3DataSource; ModelDataUrl has
// no ModelAccessConfig), JumpStart's bucket layout (<family>/<model id>/artifacts/...) and the policy's
// documented config (docs/POLICIES.md), not from the policy's code.
import * as assert from "assert";
import Ajv = require("ajv");
import { eulaAcceptance, eulaAcceptancePolicy } from "../../../policy-pack/src";
import { messages, runResourcePolicy, TestResource, UNKNOWN, UNKNOWN_BOOL, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, model } from "./fixtures";

const LLAMA_ID = "meta-textgeneration-llama-3-8b";
const LLAMA_PREFIX = `s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/${LLAMA_ID}/`;
const GATED_S3 = `${LLAMA_PREFIX}artifacts/inference-prepack/v1.0.0/`;
const HUB = (name: string, version = "2.1.0") => `arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/${name}${version ? `/${version}` : ""}`;
const OPEN_S3 = "s3://my-models/xgboost/v3/";
const entry = (a: Record<string, unknown>) => ({ approvedBy: "legal@example.com", ticket: "LEGAL-42", ...a });
const approvals = (...a: Record<string, unknown>[]) => ({ approvedModels: a.map(entry) });
const ACCEPT = "PrimaryContainer.ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula";

/** A pulumi-sagemaker model with one S3DataSource (any member left out is absent). */
function source(s: { s3Uri?: unknown; hubContentArn?: unknown; acceptEula?: unknown }): TestResource {
    const s3: Record<string, unknown> = { S3DataType: "S3Prefix", CompressionType: "None" };
    if (s.s3Uri !== undefined) {
        s3.S3Uri = s.s3Uri;
    }
    if (s.hubContentArn !== undefined) {
        s3.HubAccessConfig = { HubContentArn: s.hubContentArn };
    }
    if (s.acceptEula !== undefined) {
        s3.ModelAccessConfig = { AcceptEula: s.acceptEula };
    }
    return { type: "pulumi-nodejs:dynamic/sagemaker:Model", name: "llm", props: { PrimaryContainer: { Image: IMAGE_USE1, ModelDataSource: { S3DataSource: s3 } }, region: "us-east-1" } };
}

const run = (r: TestResource, config?: Record<string, unknown>) => runResourcePolicy(eulaAcceptance, r, { config });
type Props = Record<string, unknown>;
const s3DataSource = (r: TestResource): Props => (((r.props.PrimaryContainer as Props).ModelDataSource as Props).S3DataSource as Props);

describe("issue 21: sagemaker-eula-acceptance, one field at a time", () => {
    describe("config schema (what the engine validates before a run)", () => {
        const ajv = new Ajv({ allErrors: true });
        const schema = { type: "object", properties: eulaAcceptance.configSchema!.properties, additionalProperties: false };

        it("gatedHubContentArns is a list of non-empty patterns", () => {
            assert.ok(ajv.validate(schema, { gatedHubContentArns: ["arn:aws*:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/acme-*"] }));
            assert.ok(!ajv.validate(schema, { gatedHubContentArns: "arn:aws:sagemaker:*" }));
            assert.ok(!ajv.validate(schema, { gatedHubContentArns: [""] }));
            assert.ok(!ajv.validate(schema, { gatedHubContentArns: [1] }));
        });
    });

    it("the remediation names the review, AcceptEula in each spelling, approvedModels and ModelDataSource", () => {
        for (const words of [/EULA reviewed/, /ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula: true/, /modelAccessConfig.acceptEula with @pulumi\/aws or aws-native/, /approvedModels/, /cannot be used through ModelDataUrl: use ModelDataSource instead/]) {
            assert.match(eulaAcceptance.remediationSteps!, words);
        }
    });

    describe("hub content ARNs", () => {
        it("a resource that is not hub-content/HUB/TYPE/NAME[/VERSION] is not a hub content ARN", async () => {
            for (const arn of [
                "arn:aws:sagemaker:us-east-1:aws:not-hub-content/SageMakerPublicHub/Model/x/1.0.0",
                "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/x/1.0.0/extra",
                "arn:aws:sagemaker:us-east-1:aws:model/x",
            ]) {
                const [m] = messages(await run(source({ s3Uri: OPEN_S3, hubContentArn: arn })), "mandatory");
                assert.match(m, /is not a location this policy can read \(not a hub content ARN \(…:hub-content\/HUB\/TYPE\/NAME\[\/VERSION\]\)\)/, arn);
            }
        });

        it("a hub-content resource of another service is not a SageMaker hub content", async () => {
            const [m] = messages(await run(source({ s3Uri: OPEN_S3, hubContentArn: "arn:aws:iam::123456789012:hub-content/SageMakerPublicHub/Model/x" })), "mandatory");
            assert.match(m, /not a hub content ARN/);
        });

        it("a value that is no ARN gives the parser's reason, and the fix names the hub content ARN form", async () => {
            const [m] = messages(await run(source({ s3Uri: OPEN_S3, hubContentArn: "hub-content/SageMakerPublicHub/Model/x" })), "mandatory");
            assert.match(m, /HubAccessConfig.HubContentArn "hub-content\/SageMakerPublicHub\/Model\/x" is not a location this policy can read \(not an ARN/);
            assert.match(m, /so it cannot tell whether it is a gated model\. Fix: write it as s3:\/\/BUCKET\/KEY \(or an https S3 URL; a hub content ARN\), or set unrecognizedLocations to "warn"\./);
        });

        it("versions have up to four digits per part: 10.20.30 is a version an approval can pin", async () => {
            const hub = HUB(LLAMA_ID, "10.20.30");
            const config = approvals({ modelId: LLAMA_ID, version: "10.20.30", s3Prefixes: [LLAMA_PREFIX] });
            assert.deepStrictEqual((await run(source({ s3Uri: GATED_S3, hubContentArn: hub, acceptEula: true }), config)).diagnostics, []);
        });

        it("custom gated patterns match without case, pattern list given fresh per run", async () => {
            const gatedHubContentArns = ["arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/ACME-*"];
            const [m] = messages(await run(source({ s3Uri: OPEN_S3, hubContentArn: HUB("acme-llm") }), { gatedHubContentArns }), "mandatory");
            assert.match(m, /hub content "arn:aws:sagemaker:us-east-1:aws:hub-content\/SageMakerPublicHub\/Model\/acme-llm\/2.1.0" is a gated model source \(matches gatedHubContentArns "arn:aws:sagemaker:\*:aws:hub-content\/SageMakerPublicHub\/Model\/ACME-\*"\)/);
        });
    });

    describe("approvals given in code (past the schema) approve nothing they do not name", () => {
        it("a hubContentArn that is not hub content, or that carries a version, covers nothing", async () => {
            for (const hubContentArn of ["arn:aws:sagemaker:us-east-1:aws:model/x", HUB(LLAMA_ID)]) {
                const policy = eulaAcceptancePolicy({ approvedModels: [entry({ hubContentArn, s3Prefixes: [LLAMA_PREFIX] })] });
                const [m] = messages(await runResourcePolicy(policy, source({ s3Uri: GATED_S3, hubContentArn: HUB(LLAMA_ID), acceptEula: true })), "mandatory");
                assert.match(m ?? "", /which no approvedModels entry covers/, hubContentArn);
            }
        });
    });

    describe("locations", () => {
        it("a location that is not a string is named so", async () => {
            const [m] = messages(await run(source({ s3Uri: 42 })), "mandatory");
            assert.match(m, /PrimaryContainer.ModelDataSource.S3DataSource.S3Uri 42 is not a location this policy can read \(not a string\).*Fix: write it as s3:\/\/BUCKET\/KEY \(or an https S3 URL\), or set/);
        });

        it("a ModelDataUrl that is not gated is fine; a gated one names the data source to use instead", async () => {
            assert.deepStrictEqual((await run(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: "s3://my-models/xgboost/model.tar.gz" }))).diagnostics, []);
            const [m] = messages(await run(model("ours", "m", { image: IMAGE_USE1, modelDataUrl: `${GATED_S3}model.tar.gz` })), "mandatory");
            assert.match(m, /Fix: use ModelDataSource.S3DataSource with ModelAccessConfig.AcceptEula: true \(after legal review and an approvedModels entry\) instead of PrimaryContainer.ModelDataUrl\./);
        });

        it("an unknown container: it may hold a gated model source", async () => {
            const [m] = messages(await run(model("ours", "m", { container: UNKNOWN_OBJECT })), "advisory");
            assert.match(m, /PrimaryContainer is unknown during preview; it may hold a gated model source without an explicit EULA acceptance/);
        });
    });

    describe("the suggested approval", () => {
        it("a key too short for a model folder is suggested as is, with a placeholder model id", async () => {
            const short = "s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/llama";
            const [m] = messages(await run(source({ s3Uri: short })), "mandatory");
            assert.match(m, new RegExp(`add \\{"modelId": "<model-id>", "s3Prefixes": \\["${short.replace(/[/.]/g, "\\$&")}"\\], "approvedBy": "<who reviewed the EULA>", "ticket": "<ticket>"\\} to approvedModels`));
        });

        it("a hub content alone is suggested by ARN and version, without s3Prefixes", async () => {
            const [m] = messages(await run(source({ s3Uri: UNKNOWN, hubContentArn: HUB(LLAMA_ID) })), "mandatory");
            assert.match(m, new RegExp(`add \\{"hubContentArn": "${HUB(LLAMA_ID, "").replace(/[/.]/g, "\\$&")}", "version": "2.1.0", "approvedBy": "<who reviewed the EULA>", "ticket": "<ticket>"\\}`));
        });
    });

    describe("AcceptEula", () => {
        it("a misspelt key names the EULA acceptance", async () => {
            const r = source({ s3Uri: OPEN_S3 });
            s3DataSource(r).ModelAccessConfig = { acceptEULA: true };
            const [m] = messages(await run(r), "mandatory");
            assert.match(m, /acceptEULA is not a member pulumi-sagemaker reads \(it reads .*AcceptEula\), so the EULA acceptance is judged from/);
        });

        it("unknown, with an unknown location beside an approved, not gated one: reported, naming both risks", async () => {
            const config = approvals({ modelId: "xgboost", s3Prefixes: ["s3://my-models/xgboost/"] });
            assert.deepStrictEqual((await run(source({ s3Uri: OPEN_S3, acceptEula: UNKNOWN_BOOL }), config)).diagnostics, []);
            const [m] = messages(await run(source({ s3Uri: OPEN_S3, hubContentArn: UNKNOWN, acceptEula: UNKNOWN_BOOL }), config), "advisory");
            assert.match(m, /AcceptEula is unknown during preview; a gated model may go without an explicit EULA acceptance, or an unapproved model may accept one/);
        });

        it("unknown, on a data source without locations: reported even when approvals exist", async () => {
            const res = await run(source({ acceptEula: UNKNOWN_BOOL }), approvals({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] }));
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
        });

        it("true, with an unknown location: it cannot be matched against approvedModels", async () => {
            const config = approvals({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] });
            const res = await run(source({ s3Uri: GATED_S3, hubContentArn: UNKNOWN, acceptEula: true }), config);
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /HubContentArn is unknown during preview; the accepted model cannot be matched against approvedModels/);
        });

        it("true on a data source without locations: no approval covers it, named by the data source's path", async () => {
            const [m] = messages(await run(source({ acceptEula: true }), approvals({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] })), "mandatory");
            assert.match(m, new RegExp(`${ACCEPT.replace(/\./g, "\\.")} is true for PrimaryContainer.ModelDataSource.S3DataSource, which no approvedModels entry covers\\.`));
        });

        it("an s3Prefixes entry without a trailing / covers exactly that object", async () => {
            const object = `${GATED_S3}model.tar.gz`;
            const config = approvals({ modelId: LLAMA_ID, s3Prefixes: [object] });
            assert.deepStrictEqual((await run(source({ s3Uri: object, acceptEula: true }), config)).diagnostics, []);
            assert.strictEqual((await run(source({ s3Uri: `${object}.1`, acceptEula: true }), config)).diagnostics.length, 1);
        });

        it("covered in part by several locations: each list is joined with \"and\"", async () => {
            const manifest = `${LLAMA_PREFIX}manifest.json`;
            const r = source({ s3Uri: GATED_S3, hubContentArn: HUB("meta-textgeneration-llama-3-70b"), acceptEula: true });
            s3DataSource(r).ManifestS3Uri = manifest;
            const [covers] = messages(await run(r, approvals({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] })), "mandatory");
            assert.ok(covers.includes(`covers "${GATED_S3}" and "${manifest}" but not hub content`), covers);
            const [not] = messages(await run(r, approvals({ modelId: "meta-textgeneration-llama-3-70b" })), "mandatory");
            assert.ok(not.includes(`but not "${GATED_S3}" and "${manifest}": one entry`), not);
        });

        it("true, covered in part: the entry, what it covers and what not, and that one entry must cover all", async () => {
            const hub = HUB("meta-textgeneration-llama-3-70b");
            for (const [a, name] of [[{ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] }, LLAMA_ID], [{ hubContentArn: HUB(LLAMA_ID, ""), s3Prefixes: [LLAMA_PREFIX] }, HUB(LLAMA_ID, "")]] as const) {
                const [m] = messages(await run(source({ s3Uri: GATED_S3, hubContentArn: hub, acceptEula: true }), approvals(a)), "mandatory");
                assert.ok(m.includes(`${ACCEPT} is true for "${GATED_S3}" / hub content "${hub}", which no approvedModels entry covers ` +
                    `(the entry "${name}" covers "${GATED_S3}" but not hub content "${hub}": one entry must cover every location of the data source).`), m);
            }
        });
    });
});
