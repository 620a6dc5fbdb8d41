import * as assert from "assert";
import { eulaAcceptance } from "../../../policy-pack/src/policies";
import { messages, runResourcePolicy, UNKNOWN, UNKNOWN_BOOL, UNKNOWN_OBJECT } from "../../helpers/policy-args";
import { IMAGE_USE1, model, modelPackage, REPS } from "./fixtures";

const LLAMA_ID = "meta-textgeneration-llama-3-8b";
const GATED_S3 = `s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/${LLAMA_ID}/artifacts/inference-prepack/v1.0.0/`;
const LLAMA_HUB = `arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/${LLAMA_ID}/2.1.0`;
const OPEN_S3 = "s3://my-models/xgboost/v3/";
const APPROVED = { approvedModels: [{ modelId: LLAMA_ID, approvedBy: "legal@example.com", ticket: "LEGAL-42" }] };
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
                assert.ok(m.includes(`set ${ACCEPT_PATH[rep]}: true and add {"modelId": "${LLAMA_ID}"`), m);
            });

            it("fails AcceptEula false on a gated source", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: GATED_S3, acceptEula: false }));
                assert.match(messages(res, "mandatory")[0], /is false;/);
            });

            it("fails an accepted EULA that is not approved in config", async () => {
                const res = await runResourcePolicy(eulaAcceptance, model(rep, "m", { s3Uri: GATED_S3, acceptEula: true }));
                const [m] = messages(res, "mandatory");
                assert.ok(m.includes(`${ACCEPT_PATH[rep]} is true for "${GATED_S3}" (model id "${LLAMA_ID}"), which is not in approvedModels`), m);
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

    describe("config", () => {
        it("approval by location (glob or prefix) instead of model id", async () => {
            const config = { approvedModels: [{ location: "s3://jumpstart-private-cache-prod-*/meta-textgeneration/", approvedBy: "a", ticket: "T-1" }] };
            const glob = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: GATED_S3, acceptEula: true }), { config });
            assert.deepStrictEqual(glob.diagnostics, []);
            const prefix = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: OPEN_S3, acceptEula: true }), { config: { approvedModels: [{ location: "s3://my-models/", approvedBy: "a", ticket: "T" }] } });
            assert.deepStrictEqual(prefix.diagnostics, []);
        });

        it("approval by model id matches the hub content ARN", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("aws-native", "m", { s3Uri: "s3://jumpstart-cache-prod-us-east-1/x/", hubContentArn: LLAMA_HUB, acceptEula: true }), { config: APPROVED });
            assert.deepStrictEqual(res.diagnostics, []);
        });

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
            const config = { approvedModels: [{ location: OPEN_S3, approvedBy: "a", ticket: "T" }], onUnknown: "fail" };
            const res = await runResourcePolicy(eulaAcceptance, model("aws-native", "m", { s3Uri: OPEN_S3, acceptEula: UNKNOWN_BOOL }), { config });
            assert.deepStrictEqual(res.diagnostics, []);
        });

        it("an unknown container follows onUnknown; unknown ModelDataUrl is not reported", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { container: UNKNOWN_OBJECT }), { config: { onUnknown: "fail" } });
            assert.match(messages(res, "mandatory")[0], /PrimaryContainer is unknown during preview/);
            const url = await runResourcePolicy(eulaAcceptance, model("ours", "m", { modelDataUrl: UNKNOWN }), { config: { onUnknown: "fail" } });
            assert.deepStrictEqual(url.diagnostics, []);
        });
    });
});
