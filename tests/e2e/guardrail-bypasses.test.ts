// Issue 13 with the real CLI: a program with one model or package per way a location used to slip
// past the guardrails (tests/e2e/fixtures/bypasses) is previewed with the pack; every one of them is
// reported, and the one the old pack blocked falsely (s3-external-1) is not. The classes a
// pulumi-sagemaker program cannot express (check rejects `{}` VPC configs, non-boolean flags and
// 128 KB URLs before any policy runs; buckets declared in the stack need @pulumi/aws, whose plugin
// cannot be had here) are covered by tests/unit/policy-pack/bypasses.test.ts.
// Run on both faces of the engine (issue 24): the plugin's types are the pack's fourth dialect.
import { strict as assert } from "assert";
import * as path from "path";
import { MODEL, MODEL_PACKAGE, POLICY_PACK_DIR, PulumiStack, REPO_ROOT, createStack, fixtureDir, policyViolations, violationsAt, writePolicyConfig } from "../helpers/e2e";
import { engineEnv } from "../../scripts/lib/pulumi-cli";

const CONFIG = {
    "sagemaker-region-match": { bucketRegions: { "acme-models": "eu-west-1" } },
    "sagemaker-eula-acceptance": {
        approvedModels: [
            // What the old pack took as approvals: a key segment, and a hub model id for an S3 location.
            { modelId: "artifacts", approvedBy: "legal@example.com", ticket: "LEGAL-1" },
            { modelId: "meta-textgeneration-llama-3-8b", approvedBy: "legal@example.com", ticket: "LEGAL-2" },
        ],
    },
};

const EXPECTED = {
    // not-s3 too: EULA acceptance cannot tell whether a location it cannot read is gated.
    "sagemaker-eula-acceptance": ["approved-by-segment", "gated-https-source", "gated-https-url", "hub-approved-s3-not", "not-s3"],
    "sagemaker-region-match": [
        "access-point", "additional-s3-data-source", "dual-stack", "ecr-dual-stack-fips", "fips", "kms-key", "legacy-global-host",
        "legacy-global-path", "manifest", "not-s3", "port-443", "source-uri-https", "sovereign-cloud", "upper-case-host",
    ],
};

/** Each face: its types, what its stack needs, and how its messages spell a member path. */
const FACES = {
    dynamic: { model: MODEL, modelPackage: MODEL_PACKAGE, config: {}, env: (): NodeJS.ProcessEnv => ({}), spell: (p: string) => p },
    plugin: {
        model: "sagemaker:index:Model", modelPackage: "sagemaker:index:ModelPackage",
        config: { "bypasses:face": "plugin", "sagemaker:region": "us-east-1" },
        env: (): NodeJS.ProcessEnv => ({ PATH: `${path.join(REPO_ROOT, "plugin", "bin")}:${engineEnv().PATH}` }),
        // The schema's camelCase (every member on these paths is a plain lower-first rename).
        spell: (p: string) => p.replace(/(^|[.])([A-Z])/g, (_m, dot: string, c: string) => dot + c.toLowerCase()),
    },
};

for (const [face, FACE] of Object.entries(FACES)) describe(`e2e: every guardrail bypass of issue 13 is reported by pulumi preview --policy-pack (${face} face)`, function () {
    this.timeout(10 * 60_000);
    let stack: PulumiStack;
    let output: string;
    let code: number;

    before(async () => {
        stack = await createStack(fixtureDir("bypasses"), { name: `e2e-bypasses-${face}`, config: FACE.config, env: FACE.env() });
        const preview = await stack.preview(["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", writePolicyConfig(CONFIG)]);
        output = preview.output;
        code = preview.code;
    });

    after(async () => {
        await stack?.dispose();
    });

    it("blocks the preview: non-zero exit, and nothing failed before the policies ran", () => {
        assert.notEqual(code, 0, output);
        assert.ok(!/error: .*(check|validation) failed|ValidationException|Check failed/i.test(output), output);
        assert.match(output, /sagemaker-guardrails@v0\.1\.0/, output);
    });

    it("reports every bypass class as a mandatory violation of the policy it slipped past", () => {
        assert.deepEqual(violationsAt(output, "mandatory"), EXPECTED, output);
    });

    it("names the member and the value in the resource's own spelling", () => {
        for (const [name, text] of [
            ["legacy-global-host", `${FACE.spell("PrimaryContainer.ModelDataUrl")} "https://acme-models.s3.amazonaws.com/m.tar.gz" is in bucket "acme-models" of region "eu-west-1"`],
            ["sovereign-cloud", "is in partition \"aws-eusc\""],
            ["not-s3", "is not a location this policy can place"],
            ["manifest", FACE.spell("PrimaryContainer.ModelDataSource.S3DataSource.ManifestS3Uri")],
            ["additional-s3-data-source", FACE.spell("InferenceSpecification.Containers[0].AdditionalS3DataSource.S3Uri")],
            ["kms-key", FACE.spell("SecurityConfig.KmsKeyId")],
            ["source-uri-https", `${FACE.spell("SourceUri")} "https://acme-models.s3.eu-west-1.amazonaws.com/source/"`],
            ["hub-approved-s3-not", "one entry must cover every location of the data source"],
            ["approved-by-segment", "which no approvedModels entry covers"],
        ]) {
            const line = output.split("\n").find(l => l.includes(`"${name}"`) && l.includes(text));
            assert.ok(line, `${name}: no message with ${text}\n${output}`);
        }
    });

    it("does not block what is compliant: s3-external-1 is us-east-1", () => {
        assert.ok(!policyViolations(output).some(v => v.name === "s3-external-1"), output);
        assert.ok(policyViolations(output).every(v => v.type === FACE.model || v.type === FACE.modelPackage), output);
    });
});
