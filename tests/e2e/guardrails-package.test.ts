// Issue 18 item 2, as a user would: sagemaker-guardrails packed with `npm pack`, installed from the
// tarball into fresh projects outside the repository with the user's own @pulumi/policy and
// @pulumi/pulumi (the oldest supported and the current release), then run by the real CLI as the
// ready-made pack from node_modules and inside the user's own TypeScript pack.
import { strict as assert } from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PulumiStack, assertOk, createStack, exampleDir, policyViolations, violationsAt, writePolicyConfig } from "../helpers/e2e";
import {
    POLICY_VERSION, PULUMI_CURRENT, PULUMI_OLDEST, PackedGuardrails, TYPESCRIPT_VERSION, installedCopies, installedVersion,
    packGuardrails, packageJson, removeProject, userProject,
} from "../helpers/guardrails-package";

/** What examples/non-compliant declares: one model per policy. */
const NON_COMPLIANT = {
    "sagemaker-eula-acceptance": ["gated-without-eula"],
    "sagemaker-network-isolation": ["no-isolation"],
    "sagemaker-region-match": ["cross-region-image"],
    "sagemaker-registry-approval": ["serves-unapproved"],
};

const POLICY_PACK_YAML = "runtime: nodejs\ndescription: a user's own policy pack built on sagemaker-guardrails\n";

/** The user's own pack: TypeScript, type-checked by the policy runtime against the package's .d.ts. */
const OWN_PACK_INDEX = `import { PolicyPack } from "@pulumi/policy";
import { RegionMatchConfig, sagemakerGuardrails } from "sagemaker-guardrails";

const regionMatch: Partial<RegionMatchConfig> = { allowedRegions: ["eu-west-1"] };

new PolicyPack("acme-user-pack", {
    enforcementLevel: "mandatory",
    policies: [...sagemakerGuardrails({ regionMatch })],
});
`;

describe("e2e: the sagemaker-guardrails package installed from its tarball outside the repository", function () {
    this.timeout(15 * 60_000);
    let packed: PackedGuardrails;
    let current: string;
    let oldest: string;
    let quickstart: PulumiStack;
    let nonCompliant: PulumiStack;

    const readyPack = (project: string) => ["--policy-pack", path.join(project, "node_modules", "sagemaker-guardrails")];
    const ownPack = (project: string) => ["--policy-pack", project];

    before(async () => {
        packed = packGuardrails();
        const dependencies = (pulumi: string) => ({
            "sagemaker-guardrails": `file:${packed.tarball}`,
            "@pulumi/policy": POLICY_VERSION,
            "@pulumi/pulumi": pulumi,
            "typescript": TYPESCRIPT_VERSION,
        });
        current = userProject("guardrails-user-current", {
            "package.json": packageJson("acme-user-pack", dependencies(PULUMI_CURRENT)),
            "PulumiPolicy.yaml": POLICY_PACK_YAML,
            "index.ts": OWN_PACK_INDEX,
        });
        oldest = userProject("guardrails-user-oldest", { "package.json": packageJson("acme-oldest", dependencies(PULUMI_OLDEST)) });
        quickstart = await createStack(exampleDir("quickstart"), { name: "e2e-guardrails-pkg-quickstart" });
        nonCompliant = await createStack(exampleDir("non-compliant"), { name: "e2e-guardrails-pkg-noncompliant" });
    });

    after(async () => {
        await quickstart?.dispose();
        await nonCompliant?.dispose();
        removeProject(current);
        removeProject(oldest);
        if (packed) {
            removeProject(path.dirname(packed.tarball));
        }
    });

    describe("the package", () => {
        it("ships compiled JavaScript with types, the ready pack and its configs: no sources, tests or build files", () => {
            for (const f of ["PulumiPolicy.yaml", "README.md", "pack.js", "package.json", "dist/index.js", "dist/index.d.ts", "examples/strict-config.json"]) {
                assert.ok(packed.files.includes(f), `${f} missing from ${packed.files.join(", ")}`);
            }
            const unexpected = packed.files.filter((f) => !/^(dist\/.*\.(js|d\.ts|json)|examples\/[\w-]+\.json|pack\.js|PulumiPolicy\.yaml|README\.md|package\.json)$/.test(f));
            assert.deepEqual(unexpected, []);
            assert.ok(!packed.files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), "TypeScript sources in the package");
        });

        it("uses the user's @pulumi/policy and @pulumi/pulumi (peer dependencies): one copy each, none nested under the package", () => {
            for (const [dir, pulumi] of [[current, PULUMI_CURRENT], [oldest, PULUMI_OLDEST]]) {
                assert.deepEqual(installedCopies(dir, "@pulumi/pulumi"), [path.join("node_modules", "@pulumi", "pulumi")], dir);
                assert.deepEqual(installedCopies(dir, "@pulumi/policy"), [path.join("node_modules", "@pulumi", "policy")], dir);
                assert.equal(installedVersion(dir, "@pulumi/pulumi"), pulumi);
                assert.ok(!fs.existsSync(path.join(dir, "node_modules", "sagemaker-guardrails", "node_modules")), `${dir}: the package brought its own node_modules`);
            }
        });

        it("require(\"sagemaker-guardrails\") is the library (dist/index.js), not the ready pack", () => {
            const script = "const g = require('sagemaker-guardrails'); " +
                "console.log(JSON.stringify({ file: require.resolve('sagemaker-guardrails'), policies: g.sagemakerGuardrails().map((p) => p.name) }))";
            const out = spawnSync(process.execPath, ["-e", script], { cwd: current, encoding: "utf8" });
            assert.equal(out.status, 0, out.stderr);
            const got = JSON.parse(out.stdout) as { file: string; policies: string[] };
            assert.equal(path.relative(current, got.file), path.join("node_modules", "sagemaker-guardrails", "dist", "index.js"));
            assert.deepEqual(got.policies, ["sagemaker-network-isolation", "sagemaker-region-match", "sagemaker-eula-acceptance", "sagemaker-registry-approval"]);
        });
    });

    for (const which of ["current", "oldest"] as const) {
        describe(`the ready pack from node_modules/sagemaker-guardrails (@pulumi/pulumi ${which === "current" ? PULUMI_CURRENT : PULUMI_OLDEST})`, () => {
            const project = () => (which === "current" ? current : oldest);

            it("blocks the non-compliant program: one [mandatory] violation per policy", async () => {
                const preview = await nonCompliant.preview(readyPack(project()));
                assert.notEqual(preview.code, 0, preview.output);
                assert.match(preview.output, /sagemaker-guardrails@v0\.1\.0/, preview.output);
                assert.deepEqual(violationsAt(preview.output, "mandatory"), NON_COMPLIANT, preview.output);
            });

            it("passes the compliant program (quickstart): exit 0, no mandatory violation", async () => {
                const preview = await quickstart.preview(readyPack(project()));
                assertOk(preview, "preview of examples/quickstart with the ready pack from node_modules");
                assert.match(preview.output, /sagemaker-guardrails@v0\.1\.0/, preview.output);
                assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
            });
        });
    }

    describe("the user's own TypeScript pack over the library", () => {
        it("blocks the non-compliant program under the user's pack name", async () => {
            const preview = await nonCompliant.preview(ownPack(current));
            assert.notEqual(preview.code, 0, preview.output);
            assert.match(preview.output, /acme-user-pack@v1\.0\.0/, preview.output);
            // allowedRegions (eu-west-1, from the code) adds every model and package deploying to us-east-1
            // to region-match; cross-region-image has its image violation besides.
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {
                ...NON_COMPLIANT,
                "sagemaker-region-match": ["cross-region-image", "cross-region-image", "gated-without-eula", "no-isolation", "serves-unapproved", "unreviewed-v1"],
            }, preview.output);
        });

        it("applies options given in code as defaults: allowedRegions [eu-west-1] blocks the us-east-1 quickstart", async () => {
            const preview = await quickstart.preview(ownPack(current));
            assert.notEqual(preview.code, 0, preview.output);
            assert.deepEqual(violationsAt(preview.output, "mandatory"), { "sagemaker-region-match": ["quickstart"] }, preview.output);
            assert.match(preview.output, /which is not in allowedRegions \["eu-west-1"\]/, preview.output);
        });

        it("--policy-pack-config overrides the code's option: allowedRegions [us-east-1] lets the quickstart pass", async () => {
            const file = writePolicyConfig({ "sagemaker-region-match": { allowedRegions: ["us-east-1"] } });
            const preview = await quickstart.preview([...ownPack(current), "--policy-pack-config", file]);
            assertOk(preview, "preview of the quickstart with the user's pack and a config allowing us-east-1");
            assert.deepEqual(violationsAt(preview.output, "mandatory"), {}, preview.output);
            assert.ok(policyViolations(preview.output).every((v) => v.level === "advisory"), preview.output);
        });
    });
});
