// Issue 25 item 6: the README's install sections, as a newcomer follows them. The commands and files
// are EXTRACTED from README.md ("Install and use from npm" and "Guardrails from npm"), not copied
// here, and run in document order in an empty folder outside the repository with the real CLI:
// - every ```sh block runs as written (bash -euo pipefail), in the folder;
// - every ```ts / ```yaml block whose first line is a comment naming a file (`// index.ts`,
//   `# policy/PulumiPolicy.yaml`) is written to that file; other blocks are illustrations.
// The one change: the two packages are not on the npm registry yet, so `pulumi-sagemaker` and
// `sagemaker-guardrails` in `npm install` lines and in the org pack's package.json are replaced by
// their packed tarballs (each replacement must happen exactly once, so a README edit that drops
// one fails here). AWS is the `sagemaker-local` the installed package ships, started from the
// folder's node_modules/.bin once the README's install ran; PULUMI_SKIP_CONFIRMATIONS answers the
// `pulumi up` prompt as a newcomer would, and the state lives on a temporary file backend.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, REPO_ROOT, policyViolations } from "../helpers/e2e";
import { packGuardrails, removeProject, type PackedGuardrails } from "../helpers/guardrails-package";
import { packedTarball, removePackedTarballs, runIn, startInstalledEndpoint, userEnv, type FreshProject, type InstalledEndpoint } from "../helpers/fresh-project";

type Step = { kind: "sh"; text: string; section: string } | { kind: "file"; path: string; text: string; section: string };

/**
 * The text of a README section: from its heading to the next heading of the same or a higher level
 * (a `# comment` inside a fenced block is no heading).
 */
export function section(readme: string, heading: string): string {
    const lines = readme.split("\n");
    let fenced = false;
    const isHeading = lines.map((l) => {
        if (l.startsWith("```")) {
            fenced = !fenced;
        }
        return !fenced && /^#+ /.test(l);
    });
    const start = lines.findIndex((l, i) => isHeading[i] && l.trim() === heading);
    assert.ok(start >= 0, `README has no "${heading}" heading`);
    const level = heading.indexOf(" ");
    const end = lines.findIndex((l, i) => i > start && isHeading[i] && l.indexOf(" ") <= level);
    return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** The runnable steps of a section, in order (see the top of this file). */
export function steps(text: string, name: string): Step[] {
    const found: Step[] = [];
    for (const m of text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
        const [, lang, body] = m;
        const fileComment = /^(?:\/\/|#) ([\w./-]+\.(?:ts|yaml|json))\b/.exec(body.split("\n")[0]);
        if (lang === "sh") {
            found.push({ kind: "sh", text: body, section: name });
        } else if (fileComment && (lang === "ts" || lang === "yaml")) {
            found.push({ kind: "file", path: fileComment[1], text: body, section: name });
        }
    }
    return found;
}

/** Replaces `from` by `to` in the steps' text, exactly once over all of them. */
function replaceOnce(all: Step[], from: RegExp, to: string): void {
    const hits = all.filter((s) => from.test(s.text));
    assert.equal(hits.length, 1, `expected exactly one README step with ${from}, found ${hits.length}`);
    hits[0].text = hits[0].text.replace(from, to);
}

describe("e2e: the README's install sections, run as written in an empty folder", function () {
    this.timeout(20 * 60_000);
    const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
    const install = steps(section(readme, "## Install and use from npm").split(/^### /m)[0], "install");
    const guardrails = steps(section(readme, "### Guardrails from npm: `sagemaker-guardrails`"), "guardrails");
    let dir: string;
    let backend: string;
    let guardrailsPack: PackedGuardrails;
    let endpoint: InstalledEndpoint | undefined;
    let env: NodeJS.ProcessEnv;
    const log: string[] = [];

    before(() => {
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "readme-newcomer-")));
        backend = fs.mkdtempSync(path.join(os.tmpdir(), "readme-backend-"));
        guardrailsPack = packGuardrails();
        const library = packedTarball(REPO_ROOT);
        replaceOnce(install, /^npm install pulumi-sagemaker /m, `npm install ${library} `);
        replaceOnce(guardrails, /^npm install --save-dev sagemaker-guardrails /m, `npm install --save-dev ${guardrailsPack.tarball} `);
        replaceOnce(guardrails, /"sagemaker-guardrails": "\^[\d.]+"/, `"sagemaker-guardrails": "file:${guardrailsPack.tarball}"`);
        env = {
            ...userEnv(),
            PULUMI_BACKEND_URL: `file://${backend}`,
            PULUMI_SKIP_CONFIRMATIONS: "true",
            // What a warm npm cache gives: the same packages, fetched once per machine.
            npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false",
        };
    });

    after(async () => {
        await endpoint?.stop();
        removeProject(dir);
        removeProject(backend);
        if (guardrailsPack) {
            removeProject(path.dirname(guardrailsPack.tarball));
        }
        removePackedTarballs();
    });

    /** Runs one step in the folder; a shell step must exit 0. Returns what it printed. */
    async function run(step: Step): Promise<string> {
        if (step.kind === "file") {
            fs.mkdirSync(path.dirname(path.join(dir, step.path)), { recursive: true });
            fs.writeFileSync(path.join(dir, step.path), step.text);
            return "";
        }
        const result = await runIn(dir, "bash", ["-euo", "pipefail", "-c", step.text], { ...env, ...endpoint?.env });
        log.push(`$ ${step.text}${result.output}`);
        assert.equal(result.code, 0, `README (${step.section}) step exited ${result.code}:\n${step.text}\n${result.output}`);
        return result.output;
    }

    it("the README has the steps a newcomer needs, in order", () => {
        const commands = [...install, ...guardrails].map((s) => (s.kind === "sh" ? s.text : `write ${s.path}`)).join("\n");
        for (const expected of [
            /printf .*> Pulumi\.yaml/, /^npm install \S+ @pulumi\/pulumi$/m, /^write index\.ts$/m, /^pulumi stack init dev$/m,
            /^pulumi config set aws:region eu-west-1$/m, /^pulumi up$/m, /^cp node_modules\/sagemaker-guardrails\/examples\/guardrails\.json \.$/m,
            /--policy-pack node_modules\/sagemaker-guardrails --policy-pack-config guardrails\.json/, /^write policy\/PulumiPolicy\.yaml$/m,
            /^write policy\/index\.ts$/m, /policy\/package\.json/,
        ]) {
            assert.match(commands, expected);
        }
        assert.ok(commands.indexOf("pulumi stack init dev") < commands.indexOf("pulumi config set"), "a stack exists before config is set");
    });

    it("install, stack init, config and `pulumi up` deploy the sample program", async () => {
        const firstPulumi = install.findIndex((s) => s.kind === "sh" && /^pulumi /m.test(s.text));
        for (const [i, step] of install.entries()) {
            if (i === firstPulumi) {
                // The package is installed now: start its local SageMaker endpoint, as CI would.
                endpoint = await startInstalledEndpoint({ dir, env } as FreshProject, ["--package-delay-ms", "200"]);
            }
            await run(step);
        }
        assert.ok(endpoint, "the install section runs a pulumi command");
        const inventory = await endpoint.inventory();
        assert.deepEqual([inventory.models.length, inventory.modelPackageGroups.length, inventory.modelPackages.length], [1, 1, 1], log.join("\n"));
        for (const arn of [...inventory.models, ...inventory.modelPackageGroups, ...inventory.modelPackages]) {
            assert.match(arn, /^arn:aws:sagemaker:eu-west-1:/);
        }
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        assert.ok(manifest.dependencies["@pulumi/pulumi"] && manifest.dependencies["pulumi-sagemaker"], JSON.stringify(manifest));
        const state = await runIn(dir, "pulumi", ["stack", "export", "--stack", "dev"], env);
        for (const type of [MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP]) {
            assert.ok(state.output.includes(`"type": "${type}"`), `${type} in the state`);
        }
    });

    it("the guardrails install keeps @pulumi/pulumi a dependency, and the shipped guardrails.json passes the sample", async () => {
        const outputs: string[] = [];
        for (const step of guardrails) {
            outputs.push(await run(step));
        }
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
            dependencies: Record<string, string>; devDependencies: Record<string, string>;
        };
        assert.ok(manifest.dependencies["@pulumi/pulumi"], `@pulumi/pulumi left dependencies: ${JSON.stringify(manifest)}`);
        assert.equal(manifest.devDependencies["@pulumi/pulumi"], undefined);
        assert.ok(manifest.devDependencies["sagemaker-guardrails"] && manifest.devDependencies["@pulumi/policy"]);
        const copied = fs.readFileSync(path.join(dir, "guardrails.json"), "utf8");
        assert.equal(copied, fs.readFileSync(path.join(REPO_ROOT, "policy-pack/examples/guardrails.json"), "utf8"), "the README uses the shipped file");
        const previews = outputs.filter((o) => /Previewing update/.test(o));
        assert.equal(previews.length, 2, `the ready pack and the org pack each previewed once:\n${log.join("\n")}`);
        assert.match(previews[0], /✅ sagemaker-guardrails@v0\.1\.0 \(local: node_modules\/sagemaker-guardrails\)/, previews[0]);
        assert.match(previews[1], /✅ acme-policies@v1\.0\.0 \(local: policy\)/, previews[1]);
        for (const preview of previews) {
            assert.deepEqual(policyViolations(preview).filter((v) => v.level === "mandatory"), [], preview);
        }
    });

    it("pulumi destroy (not in the README) empties the endpoint", async () => {
        const destroy = await runIn(dir, "pulumi", ["destroy", "--yes", "--stack", "dev", "--non-interactive"], { ...env, ...endpoint?.env });
        assert.equal(destroy.code, 0, destroy.output);
        assert.deepEqual(await endpoint!.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });
});
