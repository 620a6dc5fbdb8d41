// examples/org-policy-pack with the real CLI, installed as a user would: the example's files in a
// temporary directory outside the repository, sagemaker-guardrails from its `npm pack` tarball,
// @pulumi/awsguard 0.3.1 from npm. One pack, three sources of policies:
// - the guardrails and the organization's own rule, on a program of pulumi-sagemaker models
//   (`pulumi preview --policy-pack`: a violation of each, then a clean program);
// - awsguard, on the state of a stack holding @pulumi/aws S3 buckets (`pulumi policy analyze`):
//   no aws provider plugin can be had here, so such resources cannot be previewed, but the
//   analyzer reads them from an imported checkpoint without one.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXAMPLES_DIR, PulumiStack, assertOk, createStack, fixtureDir, policyViolations, setConfig, uniqueStackName, violationsAt } from "../helpers/e2e";
import { PackedGuardrails, packGuardrails, removeProject, userProject } from "../helpers/guardrails-package";

const EXAMPLE = path.join(EXAMPLES_DIR, "org-policy-pack");
const SOURCES = ["index.ts", "awsguard.ts", "cost-center-tag.ts", "PulumiPolicy.yaml", "tsconfig.json"];

/** The example's package.json with sagemaker-guardrails from the tarball instead of the repository. */
function examplePackageJson(tarball: string): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(EXAMPLE, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    pkg.dependencies["sagemaker-guardrails"] = `file:${tarball}`;
    return JSON.stringify(pkg, null, 2);
}

/** A checkpoint with @pulumi/aws S3 buckets (v4 property names, as awsguard 0.3.1 reads them). */
function bucketsCheckpoint(stack: string, project: string, buckets: Record<string, Record<string, unknown>>): unknown {
    const urn = (type: string, name: string) => `urn:pulumi:${stack}::${project}::${type}::${name}`;
    const root = urn("pulumi:pulumi:Stack", `${project}-${stack}`);
    const provider = urn("pulumi:providers:aws", "default_4_38_1");
    const providerId = "04da6b54-0000-4000-8000-000000000001";
    return {
        version: 3,
        deployment: {
            manifest: { time: new Date().toISOString(), magic: "", version: "" },
            resources: [
                { urn: root, custom: false, type: "pulumi:pulumi:Stack" },
                { urn: provider, custom: true, id: providerId, type: "pulumi:providers:aws", parent: root, inputs: { region: "us-east-1" }, outputs: { region: "us-east-1" } },
                ...Object.entries(buckets).map(([name, props]) => ({
                    urn: urn("aws:s3/bucket:Bucket", name), custom: true, id: name, type: "aws:s3/bucket:Bucket", parent: root,
                    provider: `${provider}::${providerId}`, inputs: props, outputs: props,
                })),
            ],
        },
    };
}

describe("e2e: examples/org-policy-pack (guardrails + awsguard + an own rule) with the real CLI", function () {
    this.timeout(15 * 60_000);
    let packed: PackedGuardrails;
    let pack: string;
    let program: PulumiStack;

    before(async () => {
        packed = packGuardrails();
        const files: Record<string, string> = { "package.json": examplePackageJson(packed.tarball) };
        for (const f of SOURCES) {
            files[f] = fs.readFileSync(path.join(EXAMPLE, f), "utf8");
        }
        pack = userProject("org-policy-pack", files);
        program = await createStack(fixtureDir("org-pack"), { name: "e2e-org-pack" });
    });

    after(async () => {
        await program?.dispose();
        removeProject(pack);
        if (packed) {
            removeProject(path.dirname(packed.tarball));
        }
    });

    it("blocks a guardrails violation and a violation of the organization's own rule, in one pack", async () => {
        await setConfig(program, { models: "clean,no-isolation,no-cost-center" });
        const preview = await program.preview(["--policy-pack", pack]);
        assert.notEqual(preview.code, 0, preview.output);
        assert.match(preview.output, /acme-policies@v1\.0\.0/, preview.output);
        assert.deepEqual(violationsAt(preview.output, "mandatory"), {
            "acme-sagemaker-cost-center-tag": ["no-cost-center"],
            "sagemaker-network-isolation": ["no-isolation"],
        }, preview.output);
        assert.ok(!policyViolations(preview.output).some((v) => v.name === "clean"), preview.output);
        assert.match(preview.output, /Model "no-cost-center" .*Tags has no "cost-center" tag/, preview.output);
    });

    it("passes the clean program: exit 0, no report at any level (the code's bucketRegions maps its bucket)", async () => {
        await setConfig(program, { models: "clean" });
        const preview = await program.preview(["--policy-pack", pack]);
        assertOk(preview, "preview of the clean model with the organization pack");
        assert.deepEqual(policyViolations(preview.output), [], preview.output);
    });

    it("applies awsguard's policies at the organization's levels (pulumi policy analyze on @pulumi/aws buckets)", async () => {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "org-pack-state-"));
        fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: acme-data\nruntime: nodejs\n");
        const stack = await PulumiStack.create(project, { stackName: uniqueStackName("e2e-org-pack-state") });
        try {
            const checkpoint = path.join(project, "checkpoint.json");
            fs.writeFileSync(checkpoint, JSON.stringify(bucketsCheckpoint(stack.name, "acme-data", {
                "unlogged": { bucket: "acme-unlogged" },
                "logged": { bucket: "acme-logged", loggings: [{ targetBucket: "acme-logs", targetPrefix: "s3/" }] },
            })));
            await stack.expectOk(["stack", "import", "--file", checkpoint]);
            const analyze = await stack.run(["policy", "analyze", "--policy-pack", pack]);
            assert.notEqual(analyze.code, 0, analyze.output);
            // s3-bucket-logging-enabled is mandatory in the organization's pack (awsguard's own default is advisory).
            assert.deepEqual(violationsAt(analyze.output, "mandatory"), { "s3-bucket-logging-enabled": ["unlogged"] }, analyze.output);
            assert.match(analyze.output, /Bucket logging must be defined/, analyze.output);
        } finally {
            await stack.dispose();
            removeProject(project);
        }
    });
});
