// Issue 13, "Why": every way a location slipped past the guardrails, one test per class. Each of
// these passed silently (or blocked falsely) before the location parser; each must be reported now.
import * as assert from "assert";
import { MemberKind } from "../../../policy-pack/src/locations";
import { MEMBERS } from "../../../policy-pack/src/normalize/members";
import { eulaAcceptance, networkIsolation, regionMatch } from "../../../policy-pack/src";
import { messages, runResourcePolicy, runStackPolicy } from "../../helpers/policy-args";
import { model, Rep } from "./fixtures";
import { resourceWith, spelledPath } from "./members";

const USE1 = "us-east-1";
const BUCKET = "acme-models";
const ELSEWHERE = { bucketRegions: { [BUCKET]: "eu-west-1" } };

/** Mandatory findings of region-match (resource and stack pass) for one member set to `value`. */
async function regionFindings(kind: "model" | "model-package", path: string, value: string, config: Record<string, unknown> = {}, deploy = USE1): Promise<string[]> {
    const r = resourceWith("ours", kind, path, value, deploy);
    return [
        ...messages(await runResourcePolicy(regionMatch, r, { config }), "mandatory"),
        ...messages(await runStackPolicy(regionMatch, [r], { config }), "mandatory"),
    ];
}

describe("issue 13: guardrails that cannot be slipped past", () => {
    describe("region-match no longer skips S3 spellings it did not parse", () => {
        const url = "PrimaryContainer.ModelDataUrl";
        for (const [what, value] of [
            ["legacy global virtual-hosted", `https://${BUCKET}.s3.amazonaws.com/m.tar.gz`],
            ["legacy global path-style", `https://s3.amazonaws.com/${BUCKET}/m.tar.gz`],
        ]) {
            it(`${what}: a bucketRegions entry elsewhere is a violation; no entry follows unknownBucketRegion`, async () => {
                assert.match((await regionFindings("model", url, value, ELSEWHERE))[0] ?? "", /of region "eu-west-1" but the model deploys to "us-east-1"/);
                assert.match((await regionFindings("model", url, value, { unknownBucketRegion: "fail" }))[0] ?? "", /whose region this policy cannot know/);
            });
        }
        for (const [what, value] of [
            ["dual-stack", `https://${BUCKET}.s3.dualstack.eu-west-1.amazonaws.com/m.tar.gz`],
            ["FIPS", `https://${BUCKET}.s3-fips.us-west-2.amazonaws.com/m.tar.gz`],
            ["access point host", "https://models-123456789012.s3-accesspoint.eu-west-1.amazonaws.com/m.tar.gz"],
            ["access point ARN", "s3://arn:aws:s3:eu-west-1:123456789012:accesspoint/models/m.tar.gz"],
            ["explicit :443", `https://${BUCKET}.s3.eu-west-1.amazonaws.com:443/m.tar.gz`],
            ["upper-case host", `https://${BUCKET.toUpperCase()}.S3.EU-WEST-1.AMAZONAWS.COM/m.tar.gz`],
            ["legacy s3-REGION host", `https://${BUCKET}.s3-eu-west-1.amazonaws.com/m.tar.gz`],
        ]) {
            it(`${what}: the host's region is compared`, async () => {
                const found = await regionFindings("model", url, value);
                assert.strictEqual(found.length, 1, JSON.stringify(found));
                assert.match(found[0], /but the model deploys to "us-east-1"/);
            });
        }

        it("European Sovereign Cloud: another partition is a violation", async () => {
            const found = await regionFindings("model", url, `https://${BUCKET}.s3.eusc-de-east-1.amazonaws.eu/m.tar.gz`);
            assert.match(found[0] ?? "", /is in partition "aws-eusc" but the model deploys to "us-east-1" .* in partition "aws"/);
        });

        it("a bucket declared in the stack, referenced by another URL form, is checked against the stack's region", async () => {
            const bucket = { type: "aws:s3/bucketV2:BucketV2", name: "models", props: { bucket: BUCKET, region: "eu-west-1" } };
            for (const value of [`https://${BUCKET}.s3.amazonaws.com/m.tar.gz`, `https://s3.amazonaws.com/${BUCKET}/m.tar.gz`, `https://${BUCKET}.s3-accelerate.amazonaws.com/m.tar.gz`]) {
                const r = resourceWith("ours", "model", url, value, USE1);
                const res = await runStackPolicy(regionMatch, [bucket, r]);
                assert.match(messages(res, "mandatory")[0] ?? "", /of region "eu-west-1" \(a bucket in this stack\)/, value);
            }
        });

        it("s3-external-1 is us-east-1, not a region 'external-1' (no false block)", async () => {
            assert.deepStrictEqual(await regionFindings("model", url, `https://${BUCKET}.s3-external-1.amazonaws.com/m.tar.gz`), []);
            assert.strictEqual((await regionFindings("model", url, `https://${BUCKET}.s3-external-1.amazonaws.com/m.tar.gz`, {}, "eu-west-1")).length, 1);
        });
    });

    describe("locations the pack never looked at", () => {
        for (const [kind, path, value] of [
            ["model", "PrimaryContainer.ModelDataSource.S3DataSource.ManifestS3Uri", "s3://sagemaker-eu-west-1-123456789012/manifest.json"],
            ["model", "Containers[].AdditionalModelDataSources[].S3DataSource.S3Uri", "https://s3.eu-west-1.amazonaws.com/adapters/lora/"],
            ["model-package", "InferenceSpecification.Containers[].AdditionalS3DataSource.S3Uri", "s3://sagemaker-eu-west-1-123456789012/extra/"],
            ["model-package", "SecurityConfig.KmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
            ["model-package", "SourceUri", `https://${BUCKET}.s3.eu-west-1.amazonaws.com/source/`],
            ["model", "PrimaryContainer.ImageConfig.RepositoryAuthConfig.RepositoryCredentialsProviderArn", "arn:aws:lambda:eu-west-1:123456789012:function:creds"],
        ] as const) {
            it(`${path} in eu-west-1 for a ${kind} in us-east-1`, async () => {
                const found = await regionFindings(kind, path, value);
                assert.strictEqual(found.length, 1, JSON.stringify(found));
                assert.ok(found[0].includes(`${path.replace(/\[\]/g, "[0]")} "${value}"`), found[0]);
            });
        }
    });

    describe("ECR hosts", () => {
        it("the dual-stack FIPS host is ECR: no false pass (region compared), no false block (nonEcrImages fail)", async () => {
            const image = "123456789012.dkr-ecr-fips.us-west-2.on.aws/xgboost:1.7";
            assert.match((await regionFindings("model", "PrimaryContainer.Image", image))[0] ?? "", /in the ECR registry of region "us-west-2"/);
            assert.deepStrictEqual(await regionFindings("model", "PrimaryContainer.Image", image, { nonEcrImages: "fail" }, "us-west-2"), []);
        });
    });

    describe("EULA approvals match exactly", () => {
        const GATED = "s3://jumpstart-private-cache-prod-us-east-1/meta-textgeneration/meta-textgeneration-llama-3-8b/artifacts/inference-prepack/v1.0.0/";
        const HUB = "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/meta-textgeneration-llama-3-8b/2.1.0";
        const accepted = (s3Uri: string, hubContentArn?: string) => model("ours", "m", { s3Uri, hubContentArn, acceptEula: true });
        const ok = (a: object) => ({ approvedModels: [{ approvedBy: "legal", ticket: "L-1", ...a }] });

        it("an id like 'artifacts' or a family name approves nothing", async () => {
            for (const modelId of ["artifacts", "meta-textgeneration"]) {
                assert.strictEqual(messages(await runResourcePolicy(eulaAcceptance, accepted(GATED), { config: ok({ modelId }) }), "mandatory").length, 1, modelId);
            }
        });

        it("an approved hub content ARN with an unapproved model's S3Uri fails, and the reverse", async () => {
            const other = GATED.replace(/llama-3-8b/g, "llama-3-70b");
            const config = ok({ modelId: "meta-textgeneration-llama-3-8b", s3Prefixes: [GATED] });
            assert.strictEqual(messages(await runResourcePolicy(eulaAcceptance, accepted(other, HUB), { config }), "mandatory").length, 1);
            assert.strictEqual(messages(await runResourcePolicy(eulaAcceptance, accepted(GATED, HUB.replace(/llama-3-8b/, "llama-3-70b")), { config }), "mandatory").length, 1);
        });

        it("gated sources written as https URLs are gated, as a data source and as a plain ModelDataUrl", async () => {
            const https = GATED.replace("s3://jumpstart-private-cache-prod-us-east-1/", "https://jumpstart-private-cache-prod-us-east-1.s3.us-east-1.amazonaws.com/");
            assert.match(messages(await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: https })), "mandatory")[0] ?? "", /is a gated model source/);
            assert.match(messages(await runResourcePolicy(eulaAcceptance, model("ours", "m", { modelDataUrl: `${https}model.tar.gz` })), "mandatory")[0] ?? "", /is a gated model source/);
        });
    });

    describe("network isolation flags and VPC config", () => {
        it("requireVpcConfig rejects {}, empty subnet or security-group lists and non-objects", async () => {
            const config = { requireVpcConfig: true };
            for (const vpc of [{}, { Subnets: [], SecurityGroupIds: ["sg-1"] }, { Subnets: ["subnet-1"], SecurityGroupIds: [] }, "vpc-123", ["subnet-1"]]) {
                const r = model("ours", "m", { isolation: true });
                r.props.VpcConfig = vpc;
                const found = messages(await runResourcePolicy(networkIsolation, r, { config }), "mandatory");
                assert.strictEqual(found.length, 1, JSON.stringify(vpc));
                assert.ok(found[0].includes(`VpcConfig is ${JSON.stringify(vpc)}`), found[0]);
            }
            const good = model("ours", "m", { isolation: true, vpc: true });
            assert.deepStrictEqual((await runResourcePolicy(networkIsolation, good, { config })).diagnostics, []);
        });

        it("a non-boolean flag is shown as it is, not as <not set>", async () => {
            for (const [isolation, shown] of [["TRUE", "\"TRUE\""], [1, "1"], ["True", "\"True\""]] as const) {
                const found = messages(await runResourcePolicy(networkIsolation, model("ours", "m", { isolation })), "mandatory");
                assert.ok(found[0]?.includes(`EnableNetworkIsolation is ${shown} (not the boolean true)`), found[0]);
            }
            const eula = messages(await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: "s3://jumpstart-private-cache-prod-us-east-1/x/", acceptEula: "TRUE" })), "mandatory");
            assert.match(eula[0] ?? "", /AcceptEula is "TRUE"/);
        });
    });

    describe("messages cut long values (start and end kept)", () => {
        it("a 128 KB URL gives a message under 1 KB that keeps both ends", async () => {
            const value = `https://${BUCKET}.s3.eu-west-1.amazonaws.com/${"k/".repeat(64 * 1024)}end-of-key.tar.gz`;
            const [m] = await regionFindings("model", "PrimaryContainer.ModelDataUrl", value);
            assert.ok(m && m.length < 1500, `${m?.length}-character message`);
            assert.ok(m.includes(`https://${BUCKET}.s3.eu-west-1`) && m.includes("end-of-key.tar.gz\""), m);
        });
    });

    describe("no policy passes silently on a location it did not understand", () => {
        const UNPARSEABLE: Record<MemberKind, string> = {
            "s3": "https://models.example.invalid/model.tar.gz",
            "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com.example.invalid/x:1",
            "kms": "not-a-key!",
            "arn": "arn:aws-moon:sagemaker:us-east-1:123456789012:x/y",
            "arn-or-name": "not a name!",
            "uri": "mailto:models@example.invalid",
        };
        for (const kind of ["model", "model-package"] as const) {
            const reps: Rep[] = kind === "model" ? ["ours", "aws", "aws-native"] : ["ours", "aws-native"];
            for (const member of MEMBERS[kind].members) {
                it(`${kind} ${member.path} (${member.kind})`, async () => {
                    for (const rep of reps) {
                        const r = resourceWith(rep, kind, member.path, UNPARSEABLE[member.kind], USE1);
                        const at = `${spelledPath(rep, member.path)} ${JSON.stringify(UNPARSEABLE[member.kind])}`;
                        const region = messages(await runResourcePolicy(regionMatch, r), "mandatory");
                        assert.ok(region.some(m => m.includes(at) && m.includes("is not a location this policy can place")), `region-match, ${rep}: ${region.join("\n")}`);
                        if (member.kind === "s3" || member.shape === "HubContentArn") {
                            const eula = messages(await runResourcePolicy(eulaAcceptance, r), "mandatory");
                            assert.ok(eula.some(m => m.includes(at) && m.includes("is not a location this policy can read")), `eula, ${rep}: ${eula.join("\n")}`);
                        }
                    }
                });
            }
        }
    });
});
