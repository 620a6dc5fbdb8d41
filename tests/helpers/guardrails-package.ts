// The sagemaker-guardrails package as a user gets it: `npm pack` of policy-pack/, installed from the
// tarball into projects in temporary directories outside the repository, with the user's own
// @pulumi/policy and @pulumi/pulumi. Used by the package and org-pack end-to-end suites.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../../scripts/lib/pulumi-cli";

export const GUARDRAILS_DIR = path.join(REPO_ROOT, "policy-pack");

/** Versions the peer dependency ranges are proven with (package.json's devDependencies pin the current ones). */
export const PULUMI_OLDEST = "3.259.0";
export const PULUMI_CURRENT = "3.276.0";
export const POLICY_VERSION = "1.21.0";
export const TYPESCRIPT_VERSION = "5.9.3";

function run(cmd: string, args: string[], cwd: string): string {
    const out = spawnSync(cmd, args, { cwd, encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
    if (out.status !== 0) {
        throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${out.status}:\n${out.stdout}\n${out.stderr}`);
    }
    return out.stdout;
}

export interface PackedGuardrails {
    tarball: string;
    /** Paths inside the package, as `npm pack` lists them. */
    files: string[];
}

/** `npm pack` of policy-pack/ (its prepack builds dist/) into a fresh temporary directory. */
export function packGuardrails(): PackedGuardrails {
    const dest = fs.mkdtempSync(path.join(os.tmpdir(), "guardrails-tarball-"));
    const stdout = run("npm", ["pack", "--json", "--silent", "--pack-destination", dest], GUARDRAILS_DIR);
    const [info] = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
    return { tarball: path.join(dest, info.filename), files: info.files.map((f) => f.path).sort() };
}

/** A project in a new temporary directory outside the repository: writes the files, then `npm install`. */
export function userProject(prefix: string, files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
    assertOutsideRepo(dir);
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
    return dir;
}

export function packageJson(name: string, dependencies: Record<string, string>): string {
    return JSON.stringify({ name, version: "1.0.0", private: true, dependencies, allowScripts: { protobufjs: true } }, null, 2);
}

/** Every copy of a package under `dir/node_modules` (nested ones included), as paths relative to `dir`. */
export function installedCopies(dir: string, pkg: string): string[] {
    const found: string[] = [];
    const visit = (nodeModules: string): void => {
        if (!fs.existsSync(nodeModules)) {
            return;
        }
        if (fs.existsSync(path.join(nodeModules, pkg, "package.json"))) {
            found.push(path.relative(dir, path.join(nodeModules, pkg)));
        }
        for (const entry of fs.readdirSync(nodeModules)) {
            const scoped = entry.startsWith("@") ? fs.readdirSync(path.join(nodeModules, entry)).map((e) => path.join(entry, e)) : [entry];
            for (const name of scoped) {
                visit(path.join(nodeModules, name, "node_modules"));
            }
        }
    };
    visit(path.join(dir, "node_modules"));
    return found.sort();
}

/** The version of a package installed at the top of `dir`'s node_modules. */
export function installedVersion(dir: string, pkg: string): string {
    return (JSON.parse(fs.readFileSync(path.join(dir, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}

function assertOutsideRepo(dir: string): void {
    const rel = path.relative(REPO_ROOT, fs.realpathSync(dir));
    if (!rel.startsWith("..")) {
        throw new Error(`${dir} is inside the repository; the package must be tried where the repository's node_modules cannot help`);
    }
}

export function removeProject(dir: string | undefined): void {
    if (dir) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
