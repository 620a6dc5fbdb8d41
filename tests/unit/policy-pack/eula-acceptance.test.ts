import * as assert from "assert";
import { eulaAcceptance } from "../../../policy-pack/src";
import { messages, runResourcePolicy, UNKNOWN, UNKNOWN_BOOL, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, model, modelPackage, REPS } from "./fixtures";

// JumpStart's layout: s3://jumpstart-private-cache-prod-<region>/<family>/<model id>/artifacts/...
const LLAMA_ID = "meta-textgeneration-llama-3-8b";
const LLAMA_PREFIX = `s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/${LLAMA_ID}/`;
const GATED_S3 = `${LLAMA_PREFIX}artifacts/inference-prepack/v1.0.0/`;
const LLAMA_HUB = `arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/${LLAMA_ID}/2.1.0`;
const OTHER_GATED_S3 = "s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/meta-textgeneration-llama-3-70b/artifacts/inference-prepack/v1.0.0/";
const OPEN_S3 = "s3://my-models/xgboost/v3/";
const approval = (a: Record<string, unknown>) => ({ approvedModels: [{ approvedBy: "legal@example.com", ticket: "LEGAL-42", ...a }] });
const APPROVED = approval({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX] });
const ACCEPT_PATH = { "ours": "PrimaryContainer.ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula", "aws": "primaryContainer.modelDataSource.s3DataSources[0].modelAccessConfig.acceptEula", "aws-native": "primaryContainer.modelDataSource.s3DataSource.modelAccessConfig.acceptEula" } as const;

describe("policy sagemaker-eula-acceptance", () => {
    for (const rep of REPS) {
        describe(`representation ${rep}`, () => {
            it("passes a non-gated source without acceptance", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { image: IMAGE_USE1, s3Uri: OPEN_S3 }));
                assert.deepStrictEqual(res.diagnostics, []);
            });

            it("passes a gated source accepted explicitly and approved", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: GATED_S3, acceptEula: true }), { config: APPROVED });
                assert.deepStrictEqual(res.diagnostics, []);
            });

            it("fails a gated source without acceptance, naming path, value and fix", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "llama", { s3Uri: GATED_S3 }), { config: APPROVED });
                const [m] = messages(res, "mandatory");
                assert.strictEqual(res.diagnostics.length, 1);
                assert.match(m, /Model "llama" \(/);
                assert.ok(m.includes(`is a gated model source (matches gatedS3Locations "s3://jumpstart-private-cache-prod-*")`), m);
                assert.ok(m.includes(`${ACCEPT_PATH[rep]} is <not set>`), m);
                assert.ok(m.includes(`set ${ACCEPT_PATH[rep]}: true and add {"modelId": "${LLAMA_ID}", "s3Prefixes": ["${LLAMA_PREFIX}"]`), m);
            });

            it("fails AcceptEula false on a gated source", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: GATED_S3, acceptEula: false }));
                assert.match(messages(res, "mandatory")[0], /is false;/);
            });

            it("fails an accepted EULA that is not approved in config", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: GATED_S3, acceptEula: true }));
                const [m] = messages(res, "mandatory");
                assert.ok(m.includes(`${ACCEPT_PATH[rep]} is true for "${GATED_S3}", which no approvedModels entry covers`), m);
            });
        });
    }

    it("a gated hub content ARN needs acceptance (ours, aws-native)", async () => {
        for (const rep of ["ours", "aws-native"] as const) {
            const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: "s3://jumpstart-cache-prod-us-east-1/x/", hubContentArn: LLAMA_HUB }));
            assert.match(messages(res, "mandatory")[0], /matches gatedHubContentArns "arn:aws\*:sagemaker:\*:aws:hub-content\/SageMakerPublicHub\/Model\/meta-textgeneration\*"/);
        }
    });

    it("a gated family in the public JumpStart bucket is gated too", async () => {
        const res = await runResourcePolicy(eulaAcceptance, model("aws", "m", { s3Uri: `s3://jumpstart-cache-prod-eu-west-1/meta-textgeneration/${LLAMA_ID}/artifacts/` }));
        assert.strictEqual(messages(res, "mandatory").length, 1);
    });

    it("a gated location through ModelDataUrl is a violation (no acceptance possible)", async () => {
        const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { modelDataUrl: `${GATED_S3}model.tar.gz` }), { config: APPROVED });
        assert.match(messages(res, "mandatory")[0], /PrimaryContainer.ModelDataUrl .* a ModelDataUrl cannot carry a EULA acceptance/);
    });

    it("checks model package containers (ours, aws-native)", async () => {
        const ours = await runResourcePolicy(eulaAcceptance, modelPackage("ours", "p", { image: IMAGE_USE1, s3Uri: GATED_S3 }));
        assert.match(messages(ours, "mandatory")[0], /ModelPackage "p".*InferenceSpecification.Containers\[0\].ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula is <not set>/);
        const native = await runResourcePolicy(eulaAcceptance, modelPackage("aws-native", "p", { s3Uri: GATED_S3, acceptEula: true }), { config: APPROVED });
        assert.deepStrictEqual(native.diagnostics, []);
    });

    describe("exact approvals", () => {
        const accepted = (s: { s3Uri?: string; hubContentArn?: string }) => model("ours", "m", { ...s, acceptEula: true });
        const verdict = async (s: { s3Uri?: string; hubContentArn?: string }, config: Record<string, unknown>) =>
            messages(await runResourcePolicy(eulaAcceptance, accepted(s), { config }), "mandatory");

        it("an s3Prefixes entry covers what is below it, nothing beside it", async () => {
            assert.deepStrictEqual(await verdict({ s3Uri: GATED_S3 }, APPROVED), []);
            assert.strictEqual((await verdict({ s3Uri: OTHER_GATED_S3 }, APPROVED)).length, 1, "llama-3-70b is not below llama-3-8b/");
            // Without the trailing "/", a prefix is one exact location: "…llama-3-8b" does not cover "…llama-3-8b-instruct/…".
            const exact = approval({ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX.slice(0, -1)] });
            assert.strictEqual((await verdict({ s3Uri: GATED_S3.replace(LLAMA_ID, `${LLAMA_ID}-instruct`) }, exact)).length, 1);
        });

        it("a model id is never matched against key segments: 'artifacts' or a family name approves nothing", async () => {
            for (const modelId of ["artifacts", "meta-textgeneration", "inference-prepack", LLAMA_ID]) {
                const ms = await verdict({ s3Uri: GATED_S3 }, approval({ modelId }));
                assert.strictEqual(ms.length, 1, `modelId ${modelId} alone approved ${GATED_S3}`);
            }
        });

        // A data source always has an S3Uri (the API requires it); hub content comes with one.
        const withHub = (hubContentArn: string) => ({ s3Uri: GATED_S3, hubContentArn });

        it("a modelId covers the SageMakerPublicHub hub content of that exact name, in any region and version", async () => {
            assert.deepStrictEqual(await verdict(withHub(LLAMA_HUB), APPROVED), []);
            assert.deepStrictEqual(await verdict(withHub(LLAMA_HUB.replace("us-east-1", "eu-west-1")), APPROVED), []);
            assert.deepStrictEqual(await verdict(withHub(LLAMA_HUB.replace("2.1.0", "1.0.0")), APPROVED), []);
            assert.strictEqual((await verdict(withHub(LLAMA_HUB.replace(LLAMA_ID, `${LLAMA_ID}-instruct`)), APPROVED)).length, 1);
            // A private hub's copy of the model is approved only by its own hub content ARN.
            assert.strictEqual((await verdict(withHub(`arn:aws:sagemaker:us-east-1:123456789012:hub-content/MyHub/Model/${LLAMA_ID}/2.1.0`), APPROVED)).length, 1);
        });

        it("a hubContentArn covers that hub content (without version) and a version pins it", async () => {
            const base = LLAMA_HUB.replace(/\/2\.1\.0$/, "");
            const byArn = (extra: object = {}) => approval({ hubContentArn: base, s3Prefixes: [LLAMA_PREFIX], ...extra });
            assert.deepStrictEqual(await verdict(withHub(LLAMA_HUB), byArn()), []);
            assert.deepStrictEqual(await verdict(withHub(LLAMA_HUB), byArn({ version: "2.1.0" })), []);
            assert.strictEqual((await verdict(withHub(LLAMA_HUB), byArn({ version: "2.0.0" }))).length, 1);
            assert.strictEqual((await verdict(withHub(base), byArn({ version: "2.1.0" }))).length, 1, "an unpinned ARN is not the pinned version");
            assert.strictEqual((await verdict(withHub(LLAMA_HUB.replace("us-east-1", "eu-west-1")), byArn())).length, 1, "another region's hub content");
        });

        // Issue 21 (Stryker survivors): each part of the hub content is compared; expected from the ARN
        // format of hub content (arn:PARTITION:sagemaker:REGION:ACCOUNT:hub-content/HUB/TYPE/NAME/VERSION).
        it("a modelId covers only hub content of type Model in the hub SageMakerPublicHub owned by aws", async () => {
            for (const other of [
                LLAMA_HUB.replace("SageMakerPublicHub", "OtherHub"),
                LLAMA_HUB.replace("/Model/", "/Notebook/"),
                LLAMA_HUB.replace(":aws:hub-content", ":123456789012:hub-content"),
            ]) {
                assert.strictEqual((await verdict(withHub(other), APPROVED)).length, 1, other);
            }
        });

        it("a hubContentArn approval differs from hub content in partition, type or name: not covered", async () => {
            const base = `arn:aws:sagemaker::aws:hub-content/SageMakerPublicHub/Model/${LLAMA_ID}`;
            const byArn = approval({ hubContentArn: base, s3Prefixes: [LLAMA_PREFIX] });
            assert.deepStrictEqual(await verdict(withHub(`${base}/2.1.0`), byArn), [], "control: the same content");
            for (const other of [
                `${base.replace("arn:aws:", "arn:aws-cn:")}/2.1.0`,
                `${base.replace("/Model/", "/Notebook/")}/2.1.0`,
                `${base}-instruct/2.1.0`,
            ]) {
                assert.strictEqual((await verdict(withHub(other), byArn)).length, 1, other);
            }
        });

        it("the approval a message suggests names the model exactly and, pasted into approvedModels, approves it", async () => {
            const LLAMA_FOLDER = [LLAMA_PREFIX];
            const placeholders = { approvedBy: "<who reviewed the EULA>", ticket: "<ticket>" };
            for (const [source, expected] of [
                [withHub(LLAMA_HUB), { hubContentArn: LLAMA_HUB.replace(/\/2\.1\.0$/, ""), version: "2.1.0", s3Prefixes: LLAMA_FOLDER, ...placeholders }],
                [withHub(LLAMA_HUB.replace(/\/2\.1\.0$/, "")), { hubContentArn: LLAMA_HUB.replace(/\/2\.1\.0$/, ""), s3Prefixes: LLAMA_FOLDER, ...placeholders }],
                [{ s3Uri: GATED_S3 }, { modelId: LLAMA_ID, s3Prefixes: LLAMA_FOLDER, ...placeholders }],
            ] as const) {
                const [m] = await verdict(source, {});
                const suggested = JSON.parse(/Fix: after legal review, add (\{.*\}) to the /.exec(m ?? "")?.[1] ?? "null");
                assert.deepStrictEqual(suggested, expected, m);
                assert.deepStrictEqual(await verdict(source, { approvedModels: [suggested] }), [], JSON.stringify(source));
            }
        });

        it("a hub content ARN and an S3Uri must be covered by the same approval", async () => {
            const both = { approvedModels: [
                { modelId: LLAMA_ID, approvedBy: "a", ticket: "T-1" },
                { modelId: "meta-textgeneration-llama-3-70b", s3Prefixes: [OTHER_GATED_S3.split("artifacts")[0]], approvedBy: "a", ticket: "T-2" },
            ] };
            // Approved hub content, S3Uri of another (approved) model: not one approval.
            const mixed = await verdict({ hubContentArn: LLAMA_HUB, s3Uri: OTHER_GATED_S3 }, both);
            assert.strictEqual(mixed.length, 1);
            assert.match(mixed[0], /one entry must cover every location of the data source/);
            // The reverse: approved S3Uri, hub content of an unapproved model.
            const reverse = await verdict({ hubContentArn: LLAMA_HUB.replace(LLAMA_ID, "meta-textgeneration-llama-3-1-8b"), s3Uri: GATED_S3 }, APPROVED);
            assert.strictEqual(reverse.length, 1);
            // One entry naming both: approved.
            assert.deepStrictEqual(await verdict({ hubContentArn: LLAMA_HUB, s3Uri: GATED_S3 }, APPROVED), []);
        });

        it("gated sources are recognized in any S3 spelling (https virtual-hosted, path-style, dual-stack, upper-case host)", async () => {
            for (const s3Uri of [
                `https://jumpstart-private-cache-prod-us-east-1.s3.us-east-1.amazonaws.com/meta-textgeneration/${LLAMA_ID}/artifacts/`,
                `https://s3.us-east-1.amazonaws.com/jumpstart-private-cache-prod-us-east-1/meta-textgeneration/${LLAMA_ID}/artifacts/`,
                `https://jumpstart-private-cache-prod-us-east-1.s3.dualstack.us-east-1.amazonaws.com/meta-textgeneration/${LLAMA_ID}/artifacts/`,
                `https://JUMPSTART-PRIVATE-CACHE-PROD-US-EAST-1.S3.AMAZONAWS.COM/meta-textgeneration/${LLAMA_ID}/artifacts/`,
            ]) {
                const gated = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri }));
                assert.match(messages(gated, "mandatory")[0] ?? "", /is a gated model source/, s3Uri);
                const approved = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri, acceptEula: true }), { config: APPROVED });
                assert.deepStrictEqual(approved.diagnostics, [], s3Uri);
                const url = await runResourcePolicy(eulaAcceptance, model("ours", "m", { modelDataUrl: `${s3Uri}model.tar.gz` }));
                assert.match(messages(url, "mandatory")[0] ?? "", /cannot carry a EULA acceptance/, s3Uri);
            }
        });

        it("a location the policy cannot read is reported, never passed (unrecognizedLocations)", async () => {
            const r = model("ours", "m", { s3Uri: "https://jumpstart-private-cache-prod-us-east-1.s3.example.com/meta-textgeneration/x/" });
            assert.match(messages(await runResourcePolicy(eulaAcceptance, r), "mandatory")[0], /is not a location this policy can read \(host .* is not an S3 endpoint/);
            const warn = await runResourcePolicy(eulaAcceptance, r, { config: { unrecognizedLocations: "warn" } });
            assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
        });
    });

    describe("config", () => {
        it("custom gated patterns replace the defaults", async () => {
            const config = { gatedS3Locations: ["s3://vendor-gated/*"], gatedHubContentArns: [] };
            const custom = await runResourcePolicy(eulaAcceptance, model("aws", "m", { s3Uri: "s3://vendor-gated/a/" }), { config });
            assert.match(messages(custom, "mandatory")[0], /matches gatedS3Locations "s3:\/\/vendor-gated\/\*"/);
            const defaultNoLonger = await runResourcePolicy(eulaAcceptance, model("aws", "m", { s3Uri: GATED_S3 }), { config });
            assert.deepStrictEqual(defaultNoLonger.diagnostics, []);
        });
    });

    describe("unknowns", () => {
        it("onUnknown warn (default): unknown S3 URI without acceptance is an advisory", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: UNKNOWN }));
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["advisory"]);
            assert.match(res.diagnostics[0].message, /S3Uri is unknown during preview; it may be a gated model source/);
        });

        it("onUnknown fail: unknown AcceptEula on a gated source blocks", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("aws", "m", { s3Uri: GATED_S3, acceptEula: UNKNOWN_BOOL }), { config: { ...APPROVED, onUnknown: "fail" } });
            assert.deepStrictEqual(res.diagnostics.map(d => d.enforcementLevel), ["mandatory"]);
            assert.match(res.diagnostics[0].message, /acceptEula is unknown during preview.*Fix: make these values known/);
        });

        it("unknown AcceptEula is fine when the source is not gated and is approved", async () => {
            const config = { ...approval({ modelId: "xgboost-v3", s3Prefixes: [OPEN_S3] }), onUnknown: "fail" };
            const res = await runResourcePolicy(eulaAcceptance, model("aws-native", "m", { s3Uri: OPEN_S3, acceptEula: UNKNOWN_BOOL }), { config });
            assert.deepStrictEqual(res.diagnostics, []);
        });

        it("an unknown container follows onUnknown, and so does an unknown ModelDataUrl (it may be a gated source), in every representation", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { container: UNKNOWN_OBJECT }), { config: { onUnknown: "fail" } });
            assert.match(messages(res, "mandatory")[0], /PrimaryContainer is unknown during preview/);
            for (const rep of REPS) {
                const url = await runResourcePolicy(eulaAcceptance, model(rep, "m", { modelDataUrl: UNKNOWN }), { config: { onUnknown: "fail" } });
                assert.strictEqual(url.diagnostics.length, 1, rep);
                assert.match(messages(url, "mandatory")[0], /[Mm]odelDataUrl is unknown during preview; it may be a gated model source, which a ModelDataUrl cannot accept a EULA for/);
                const warn = await runResourcePolicy(eulaAcceptance, model(rep, "m", { modelDataUrl: UNKNOWN }));
                assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"], rep);
            }
        });
    });
});
