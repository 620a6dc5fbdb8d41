// The published package holds what a user's program needs at run time and nothing else
// (issue 18: the tarball used to ship tests, bench, fixtures and examples, 343 files).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../../../scripts/lib/pulumi-cli";
import { packDryRun, PackResult } from "../../helpers/npm-pack";

/** Every file the tarball may hold; anything else is a packaging mistake. */
const ALLOWED: RegExp[] = [
    /^package\.json$/,
    /^README\.md$/,
    /^LICENSE$/,
    // the docs that run-time error messages, the bin's --help and the README point to
    /^docs\/(MODEL|MODEL-PACKAGE|LOCAL-ENDPOINT|REGISTRY)\.md$/,
    // compiled library and local endpoint: JavaScript, declarations, the shapes table
    /^dist\/provider\/[\w/-]+\.(js|d\.ts)$/,
    /^dist\/provider\/shapes\/sagemaker-shapes\.json$/,
    /^dist\/provider\/identity\/partitions\.json$/,
    /^dist\/local-endpoint\/[\w/-]+\.(js|d\.ts)$/,
];

/** Files the tarball must hold, each for a stated reason (see docs/ARCHITECTURE.md). */
const REQUIRED: Record<string, string> = {
    "dist/provider/index.js": "package.json main: what `import ... from \"pulumi-sagemaker\"` loads",
    "dist/provider/index.d.ts": "package.json types",
    "dist/provider/runtime.js": "required by the serialized provider as pulumi-sagemaker/dist/provider/runtime",
    "dist/provider/shapes/sagemaker-shapes.json": "the validator's constraints, loaded by check",
    "dist/provider/identity/partitions.json": "the region rule (the SDK's partitions), loaded by settings, check, the lookups and the endpoint",
    "dist/local-endpoint/cli.js": "the sagemaker-local bin",
    "README.md": "the package's documentation",
    "docs/MODEL.md": "named by the Model's check and error messages",
    "docs/MODEL-PACKAGE.md": "named by the ModelPackage and ModelPackageGroup check and error messages",
    "docs/LOCAL-ENDPOINT.md": "named by the sagemaker-local bin's --help",
    "docs/REGISTRY.md": "the registry lookups' reference, linked from the README",
    "LICENSE": "Apache-2.0, as package.json says",
};

describe("npm package: what `npm pack` ships", function () {
    this.timeout(120_000);
    let packed: PackResult;
    let paths: string[];

    before(function () {
        assert.ok(fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "index.js")),
            "dist/ is missing: run `npm run build` first (npm test does)");
        packed = packDryRun(REPO_ROOT);
        paths = packed.files.map((f) => f.path).sort();
    });

    it("holds every file a user's program needs at run time", () => {
        for (const [file, why] of Object.entries(REQUIRED)) {
            assert.ok(paths.includes(file), `${file} is not in the package (${why})`);
        }
    });

    it("holds nothing else: no tests, bench, fixtures, examples, policy pack, scripts, sources or source maps", () => {
        const unexpected = paths.filter((p) => !ALLOWED.some((re) => re.test(p)));
        assert.deepEqual(unexpected, [], `files that should not be published: ${unexpected.join(", ")}`);
        for (const forbidden of [/^tests\//, /^bench\//, /fixtures/, /^examples\//, /^policy-pack\//, /^scripts\//, /(?<!\.d)\.ts$/, /\.map$/]) {
            assert.deepEqual(paths.filter((p) => forbidden.test(p)), [], `${forbidden} matched`);
        }
    });

    it("ships no stale compiled file: each one has its source in the repository", () => {
        const stale = paths.filter((p) => p.startsWith("dist/")).filter((p) => {
            const source = p.slice("dist/".length).replace(/\.d\.ts$|\.js$/, ".ts");
            return !fs.existsSync(path.join(REPO_ROOT, p.endsWith(".json") ? p.slice("dist/".length) : source));
        });
        assert.deepEqual(stale, [], "compiled from sources that are gone: run `npm run build` (it empties dist/ first)");
    });

    it("ships every module that the entry points load (main, the serialized runtime, the bin)", () => {
        const entries = ["dist/provider/index.js", "dist/provider/runtime.js", "dist/local-endpoint/cli.js"];
        const loaded = relativeRequireClosure(entries);
        assert.ok(loaded.includes("dist/local-endpoint/server.js"), `closure: ${loaded.join(", ")}`);
        assert.deepEqual(loaded.filter((f) => !paths.includes(f)), [], "loaded at run time but not in the package");
    });

    it("ships every module the serialized provider requires by package name", () => {
        // The provider's methods require their runtime as pulumi-sagemaker/<path> (closure
        // serialization); each such path must resolve inside the installed package.
        const required = new Set<string>();
        const walk = (dir: string): void => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory()) {
                    walk(full);
                } else if (entry.name.endsWith(".js")) {
                    for (const m of fs.readFileSync(full, "utf8").matchAll(/require\("pulumi-sagemaker\/([^"]+)"\)/g)) {
                        required.add(`${m[1]}.js`);
                    }
                }
            }
        };
        walk(path.join(REPO_ROOT, "dist", "provider"));
        assert.ok(required.has("dist/provider/runtime.js"), `the scan found ${[...required].join(", ") || "nothing"}`);
        for (const file of required) {
            assert.ok(paths.includes(file), `${file} is required at run time but not in the package`);
        }
    });

    it("declares the sagemaker-local bin on a packed file that runs with node", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { bin?: Record<string, string> };
        const bin = pkg.bin?.["sagemaker-local"];
        assert.ok(bin, "package.json has no bin sagemaker-local");
        const file = path.normalize(bin).split(path.sep).join("/");
        assert.ok(paths.includes(file), `the bin ${file} is not in the package`);
        assert.match(fs.readFileSync(path.join(REPO_ROOT, file), "utf8").split("\n")[0], /^#!\/usr\/bin\/env node$/);
    });

    it("takes @pulumi/pulumi from the user (a peer dependency), the SageMaker client as its own dependency", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
        assert.equal(pkg.dependencies?.["@pulumi/pulumi"], undefined, "@pulumi/pulumi as a dependency nests a second SDK copy");
        assert.ok(pkg.peerDependencies?.["@pulumi/pulumi"], "@pulumi/pulumi must be a peer dependency");
        assert.ok(pkg.dependencies?.["@aws-sdk/client-sagemaker"], "@aws-sdk/client-sagemaker must be a dependency");
    });

    it("stays small", () => {
        // Generous bound (about 100 files, 300 kB unpacked today; 343 files and 1.5 MB before).
        assert.ok(packed.entryCount < 200, `${packed.entryCount} files`);
        assert.ok(packed.unpackedSize < 1_000_000, `${packed.unpackedSize} bytes unpacked`);
    });
});

/** Repository-relative paths of the given compiled files and of every file they load with a relative require. */
function relativeRequireClosure(entries: string[]): string[] {
    const seen = new Set<string>();
    const visit = (file: string): void => {
        if (seen.has(file)) {
            return;
        }
        seen.add(file);
        if (!file.endsWith(".js")) {
            return;
        }
        const text = fs.readFileSync(path.join(REPO_ROOT, file), "utf8");
        for (const m of text.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
            const base = path.posix.join(path.posix.dirname(file), m[1]);
            const candidates = [base, `${base}.js`, `${base}/index.js`];
            const found = candidates.find((c) => fs.existsSync(path.join(REPO_ROOT, c)) && fs.statSync(path.join(REPO_ROOT, c)).isFile());
            assert.ok(found, `${file} requires ${m[1]}, which is not built`);
            visit(found);
        }
    };
    entries.forEach(visit);
    return [...seen].sort();
}
