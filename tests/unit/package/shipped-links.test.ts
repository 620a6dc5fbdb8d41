// The docs each package ships through its package.json `files` are read from node_modules, where the
// repository is not: every link in them points to a file the same package ships or to an absolute
// URL (issue 25: docs/REGISTRY.md linked examples/ and docs/POLICIES.md, which do not ship). Both
// packages name their repository, homepage and issue tracker, so npm's page links back.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../../scripts/lib/pulumi-cli";
import { packDryRun } from "../../helpers/npm-pack";

const PACKAGES = [REPO_ROOT, path.join(REPO_ROOT, "policy-pack")];

/** The link targets of a markdown text, outside code spans and fenced blocks. */
export function linkTargets(markdown: string): string[] {
    const prose = markdown.replace(/^```[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
    return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

/** Targets of `doc` (a path inside the package) that are neither absolute URLs, anchors, nor shipped files. */
export function brokenLinks(doc: string, text: string, shipped: readonly string[]): string[] {
    return linkTargets(text).filter((target) => {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("#")) {
            return false;
        }
        const file = path.posix.normalize(path.posix.join(path.posix.dirname(doc), target.split("#")[0]));
        return !shipped.includes(file);
    });
}

describe("npm packages: shipped docs link only to shipped files or absolute URLs", function () {
    this.timeout(120_000);

    it("finds a link to a file that does not ship, and accepts shipped files, anchors and URLs", () => {
        const text = "[a](../examples/README.md#x) [b](MODEL.md#y) [c](#z) [d](https://x.example/p) `[e](nope.md)`\n```\n[f](nope.md)\n```\n";
        assert.deepEqual(brokenLinks("docs/REGISTRY.md", text, ["docs/MODEL.md", "docs/REGISTRY.md"]), ["../examples/README.md#x"]);
    });

    for (const dir of PACKAGES) {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as {
            name: string; files: string[]; repository?: { url?: string }; homepage?: string; bugs?: { url?: string };
        };

        it(`${manifest.name}: every link in a doc its files list ships resolves`, () => {
            const shipped = packDryRun(dir).files.map((f) => f.path);
            // npm adds the root README.md by itself; it is read on npm's page, which resolves relative links against `repository`.
            const docs = shipped.filter((p) => p.endsWith(".md") && (p !== "README.md" || manifest.files.includes("README.md")));
            assert.ok(docs.length > 0, "no shipped docs");
            const broken = docs.flatMap((doc) => brokenLinks(doc, fs.readFileSync(path.join(dir, doc), "utf8"), shipped).map((t) => `${doc}: ${t}`));
            assert.deepEqual(broken, []);
        });

        it(`${manifest.name}: names its repository, homepage and issue tracker`, () => {
            assert.match(manifest.repository?.url ?? "", /^git\+https:\/\/github\.com\/[\w.-]+\/[\w.-]+\.git$/);
            assert.match(manifest.homepage ?? "", /^https:\/\//);
            assert.match(manifest.bugs?.url ?? "", /^https:\/\/.*\/issues$/);
        });
    }
});
