// Issue 22: the guardrails judge the thing, not its spelling. One test per class: the S3 object a key
// names, the member a dialect's provider reads, unknown leaves, empty ids and regions, the hub content
// an approval names. Expected values come from the AWS documentation cited in each test.
import * as assert from "assert";
import { eulaAcceptance, networkIsolation, parseLocation, regionMatch } from "../../../policy-pack/src";
import { messages, runResourcePolicy, TestResource } from "../../helpers/policy-args";
import { awsProvider, IMAGE_USE1, model, nativeProvider, REPS } from "./fixtures";

const LLAMA_ID = "meta-textgeneration-llama-3-8b";
const CACHE = "jumpstart-private-cache-prod-us-east-1";
const LLAMA_PREFIX = `s3://${CACHE}/meta-textgeneration/${LLAMA_ID}/`;
const OTHER = "meta-textgeneration-llama-3-70b";
const APPROVED = { approvedModels: [{ modelId: LLAMA_ID, s3Prefixes: [LLAMA_PREFIX], approvedBy: "legal@example.com", ticket: "LEGAL-42" }] };
const STACK = { stackConfig: { "aws:region": "us-east-1", "aws-native:region": "us-east-1" } };

describe("issue 22: identities, not spellings", () => {
    describe("S3 objects: a key with dot segments or an encoded slash names no provable object", () => {
        const host = `https://${CACHE}.s3.us-east-1.amazonaws.com/meta-textgeneration/${LLAMA_ID}`;
        for (const escape of [
            `${host}/../${OTHER}/artifacts/`,
            `${host}/%2e%2e/${OTHER}/artifacts/`,
            `${host}/%2E%2E/${OTHER}/artifacts/`,
            `${host}/./artifacts/`,
            `${host}%2F..%2F${OTHER}/artifacts/`,
            `s3://${CACHE}/meta-textgeneration/${LLAMA_ID}/../${OTHER}/artifacts/`,
        ]) {
            it(`an approval of ${LLAMA_ID}/ does not cover ${escape.slice(host.length - LLAMA_ID.length)}: reported as unrecognized`, async () => {
                assert.strictEqual(parseLocation(escape, "s3").kind, "other");
                const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: escape, acceptEula: true }), { config: APPROVED });
                const [m] = messages(res, "mandatory");
                assert.match(m ?? "", /is not a location this policy can read \(the key has/, escape);
                const warn = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: escape, acceptEula: true }), { config: { ...APPROVED, unrecognizedLocations: "warn" } });
                assert.deepStrictEqual(warn.diagnostics.map(d => d.enforcementLevel), ["advisory"], "warn reports, never passes silently");
            });
        }

        it("control: the approved model's own https location is covered", async () => {
            const res = await runResourcePolicy(eulaAcceptance, model("ours", "m", { s3Uri: `${host}/artifacts/`, acceptEula: true }), { config: APPROVED });
            assert.deepStrictEqual(res.diagnostics, []);
        });
    });

    describe("access point hosts: NAME-ACCOUNT, the account twelve digits (S3 User Guide, \"Using access points\")", () => {
        for (const label of ["reports", "reports-12345678901", "reports-1234567890123", "reports-12345678901x"]) {
            it(`${label}.s3-accesspoint.us-west-2.amazonaws.com is not an access point host`, () => {
                const loc = parseLocation(`https://${label}.s3-accesspoint.us-west-2.amazonaws.com/k`, "s3");
                assert.strictEqual(loc.kind, "other", JSON.stringify(loc));
            });
        }
        it("control: reports-123456789012 is", () => {
            const loc = parseLocation("https://reports-123456789012.s3-accesspoint.us-west-2.amazonaws.com/k", "s3");
            assert.deepStrictEqual(loc.kind === "s3" && [loc.account, loc.region, loc.key], ["123456789012", "us-west-2", "k"]);
        });
    });

    describe("flags and required blocks are read where the dialect's provider reads them", () => {
        const misspellings: Record<string, string[]> = {
            "ours": ["enableNetworkIsolation", "ENABLENETWORKISOLATION"],
            "aws": ["EnableNetworkIsolation", "enable_network_isolation"],
            "aws-native": ["EnableNetworkIsolation"],
        };
        for (const rep of REPS) {
            for (const wrong of misspellings[rep]) {
                it(`${rep}: ${wrong}: true is not network isolation (the provider ignores it): blocked, the spelling named`, async () => {
                    const r = model(rep, "m", { image: IMAGE_USE1 });
                    r.props[wrong] = true;
                    const ms = messages(await runResourcePolicy(networkIsolation, r, STACK), "mandatory");
                    assert.strictEqual(ms.length, 2, ms.join("\n"));
                    assert.match(ms[0], new RegExp(`${wrong} is not a member .* reads \\(it reads ${rep === "ours" ? "EnableNetworkIsolation" : "enableNetworkIsolation"}\\)`));
                    assert.match(ms[1], /is <not set>, so its containers can make outbound calls/);
                });
            }
            it(`${rep}: the right spelling beside a wrong one still names the wrong one`, async () => {
                const r = model(rep, "m", { image: IMAGE_USE1, isolation: true });
                r.props[misspellings[rep][0]] = false;
                const ms = messages(await runResourcePolicy(networkIsolation, r, STACK), "mandatory");
                assert.strictEqual(ms.length, 1, ms.join("\n"));
                assert.match(ms[0], /is not a member/);
            });
        }

        it("requireVpcConfig: a PascalCase VpcConfig on @pulumi/aws is no VPC config; camelCase is", async () => {
            const config = { requireVpcConfig: true };
            const wrong = model("aws", "m", { isolation: true });
            wrong.props.VpcConfig = { SecurityGroupIds: ["sg-1"], Subnets: ["subnet-1"] };
            const ms = messages(await runResourcePolicy(networkIsolation, wrong, { config }), "mandatory");
            assert.ok(ms.some(m => /VpcConfig is not a member the aws provider reads \(it reads vpcConfig\)/.test(m)), ms.join("\n"));
            assert.ok(ms.some(m => /vpcConfig is <not set>, without a subnet and a security group/.test(m)), ms.join("\n"));
            const inner = model("aws", "m", { isolation: true });
            inner.props.vpcConfig = { SecurityGroupIds: ["sg-1"], subnets: ["subnet-1"] };
            const innerMs = messages(await runResourcePolicy(networkIsolation, inner, { config }), "mandatory");
            assert.ok(innerMs.some(m => /vpcConfig.SecurityGroupIds is not a member/.test(m)), innerMs.join("\n"));
            assert.deepStrictEqual((await runResourcePolicy(networkIsolation, model("aws", "m", { isolation: true, vpc: true }), { config })).diagnostics, []);
        });

        it("requireVpcConfig: empty-string ids are no ids (the API's SubnetId / SecurityGroupId patterns need characters)", async () => {
            const config = { requireVpcConfig: true };
            for (const [subnets, groups] of [[[""], ["sg-1"]], [["subnet-1"], [""]], [[" "], ["sg-1"]], [[null], ["sg-1"]]]) {
                const r = model("ours", "m", { isolation: true });
                r.props.VpcConfig = { Subnets: subnets, SecurityGroupIds: groups };
                const ms = messages(await runResourcePolicy(networkIsolation, r, { config }), "mandatory");
                assert.strictEqual(ms.length, 1, JSON.stringify([subnets, groups]));
                assert.match(ms[0], /without a (subnet|security group)/);
            }
        });

        it("AcceptEula in another case is no acceptance: a gated source stays blocked, and the spelling is named", async () => {
            const gated = `${LLAMA_PREFIX}artifacts/`;
            const r = model("aws", "m", { s3Uri: gated });
            const ds = (r.props.primaryContainer as { modelDataSource: { s3DataSources: Record<string, unknown>[] } }).modelDataSource.s3DataSources[0];
            ds.ModelAccessConfig = { AcceptEula: true };
            const ms = messages(await runResourcePolicy(eulaAcceptance, r, { config: APPROVED }), "mandatory");
            assert.ok(ms.some(m => /s3DataSources\[0\].ModelAccessConfig is not a member the aws provider reads/.test(m)), ms.join("\n"));
            assert.ok(ms.some(m => /is a gated model source .* but .*modelAccessConfig.acceptEula is <not set>/.test(m)), ms.join("\n"));
        });
    });

    describe("regions: \"\" is not a region", () => {
        it("@pulumi/aws region \"\" falls back to the provider's region (Terraform reads \"\" as unset): no false block", async () => {
            const r = model("aws", "m", { image: IMAGE_USE1, isolation: true, region: "" }, awsProvider("us-east-1"));
            assert.deepStrictEqual((await runResourcePolicy(regionMatch, r)).diagnostics, []);
            const west = model("aws", "m", { image: IMAGE_USE1, isolation: true, region: "" }, awsProvider("us-west-2"));
            assert.match(messages(await runResourcePolicy(regionMatch, west), "mandatory")[0], /deploys to "us-west-2" \(from its provider's region\)/);
        });

        it("a provider region \"\" is unset too", async () => {
            const r = model("aws-native", "m", { image: IMAGE_USE1 }, nativeProvider(""));
            assert.deepStrictEqual((await runResourcePolicy(regionMatch, r, STACK)).diagnostics, []);
        });
    });

    describe("hub content: an approval names one hub content, compared part by part", () => {
        const hub = (account: string, hubName: string) => `arn:aws:sagemaker:us-east-1:${account}:hub-content/${hubName}/Model/${LLAMA_ID}/2.1.0`;
        const withHub = (arn: string): TestResource => model("ours", "m", { s3Uri: `${LLAMA_PREFIX}artifacts/`, hubContentArn: arn, acceptEula: true });

        it("modelId covers SageMaker's public hub only: a hub named SageMakerPublicHub in a customer's account is not it", async () => {
            assert.deepStrictEqual((await runResourcePolicy(eulaAcceptance, withHub(hub("aws", "SageMakerPublicHub")), { config: APPROVED })).diagnostics, []);
            const copy = await runResourcePolicy(eulaAcceptance, withHub(hub("123456789012", "SageMakerPublicHub")), { config: APPROVED });
            assert.match(messages(copy, "mandatory")[0] ?? "", /which no approvedModels entry covers/);
        });

        it("a hubContentArn approval covers that hub content in any version, not another account's or region's", async () => {
            const base = `arn:aws:sagemaker:us-east-1:123456789012:hub-content/AcmeHub/Model/${LLAMA_ID}`;
            const config = { approvedModels: [{ hubContentArn: base, s3Prefixes: [LLAMA_PREFIX], approvedBy: "a", ticket: "T" }] };
            assert.deepStrictEqual((await runResourcePolicy(eulaAcceptance, withHub(`${base}/2.1.0`), { config })).diagnostics, []);
            for (const other of [base.replace("123456789012", "210987654321"), base.replace("us-east-1", "us-west-2"), base.replace("AcmeHub", "OtherHub")]) {
                const res = await runResourcePolicy(eulaAcceptance, withHub(`${other}/2.1.0`), { config });
                assert.strictEqual(messages(res, "mandatory").length, 1, other);
            }
        });

        it("gated hub content is gated in any case of its names (gating more is stricter)", async () => {
            const r = model("ours", "m", { s3Uri: "s3://acme-models/llama/", hubContentArn: hub("aws", "sagemakerpublichub").replace(LLAMA_ID, LLAMA_ID.toUpperCase()) });
            assert.match(messages(await runResourcePolicy(eulaAcceptance, r), "mandatory")[0] ?? "", /is a gated model source \(matches gatedHubContentArns/);
        });
    });
});
