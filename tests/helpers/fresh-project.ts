// A Pulumi project as a user makes one: a fresh folder outside this repository, its own
// package.json, `npm install` of packed tarballs with the user's own @pulumi/pulumi, and the Pulumi
// CLI run there with nothing of this checkout on PATH or in the environment (only the machine-wide
// CLI cache, as any machine with Pulumi installed has a CLI).
//
//   const project = await createFreshProject({ name: "user", files: { "index.ts": ... },
//       dependencies: { "pulumi-sagemaker": tarball, "@pulumi/pulumi": "3.276.0" } });
//   const stack = await project.stack({ config: { "aws:region": "us-east-1" } });
//   await stack.up(); ...; await stack.dispose(); project.dispose();
import { strict as assert } from "assert";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { engineEnv, PulumiStack, REPO_ROOT, StackOptions } from "../../scripts/lib/pulumi-cli";
import { pack } from "./npm-pack";

export interface FreshProjectOptions {
    /** prefix of the temporary folder; also the Pulumi project name unless files has a Pulumi.yaml */
    name: string;
    /** files to write, by path relative to the project (index.ts, policy folders, ...) */
    files: Record<string, string>;
    /** name -> version range, or the absolute path of a tarball (written as file:...) */
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
}

export interface FreshProject {
    dir: string;
    /** seconds `npm install` took */
    installSeconds: number;
    /** the user's environment: PATH without this checkout, no PULUMI_SAGEMAKER_ROOT, no npm_* of our npm run */
    env: NodeJS.ProcessEnv;
    /** a stack of this project on its own temporary backend, run with the user's environment */
    stack(options?: StackOptions): Promise<PulumiStack>;
    /** the installed version of a package, and where it was installed */
    installed(name: string): { version: string; dir: string };
    /** every copy of a package under node_modules (nested ones included), as directories */
    copiesOf(name: string): string[];
    dispose(): void;
}

/** A Pulumi.yaml for a TypeScript program (what `pulumi new typescript` writes). */
export function pulumiYaml(name: string): string {
    return `name: ${name}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`;
}

/** tsconfig.json of `pulumi new typescript`. */
export const USER_TSCONFIG = JSON.stringify({
    compilerOptions: {
        strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node",
        sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true,
        noImplicitReturns: true, forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
}, null, 2);

let tarballDir: string | undefined;
let userBinDir: string | undefined;
const tarballs = new Map<string, string>();

/**
 * `npm pack` of a package directory of this repository (once per process); the tarball's absolute
 * path. Packs what is built: build first (`npm test` does).
 */
export function packedTarball(packageDir: string = REPO_ROOT): string {
    const known = tarballs.get(packageDir);
    if (known) {
        return known;
    }
    tarballDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-sagemaker-tarballs-"));
    const result = pack(packageDir, tarballDir);
    const file = path.join(tarballDir, result.filename);
    tarballs.set(packageDir, file);
    return file;
}

/** Removes the tarballs packed by this process and the user's bin folder (call from a root `after`). */
export function removePackedTarballs(): void {
    for (const dir of [tarballDir, userBinDir]) {
        if (dir) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
    tarballDir = undefined;
    userBinDir = undefined;
    tarballs.clear();
}

/**
 * The environment of a user of the package on this machine: Node 22 (this process's node) and the
 * Pulumi CLI on PATH, the offline engine settings, and nothing that names this checkout.
 */
export function userEnv(): NodeJS.ProcessEnv {
    const engine = engineEnv();
    if (!userBinDir) {
        userBinDir = fs.mkdtempSync(path.join(os.tmpdir(), "user-bin-"));
        fs.symlinkSync(process.execPath, path.join(userBinDir, "node"));
    }
    const cliDir = engine.PULUMI_SAGEMAKER_BIN ?? "";
    const outsideRepo = (engine.PATH ?? "").split(path.delimiter)
        .filter((p) => p !== "" && p !== cliDir && !isInside(path.resolve(p), REPO_ROOT));
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(engine)) {
        if (!/^(npm_|PULUMI_SAGEMAKER_|INIT_CWD$|NODE_OPTIONS$|TS_NODE_)/.test(k)) {
            env[k] = v;
        }
    }
    env.PATH = [userBinDir, cliDir, ...outsideRepo].filter((p) => p !== "").join(path.delimiter);
    return env;
}

/** Environment overrides that turn engineEnv() into userEnv() (undefined removes a variable for spawn). */
function userEnvOverrides(): NodeJS.ProcessEnv {
    const user = userEnv();
    const overrides: NodeJS.ProcessEnv = { ...user };
    for (const k of Object.keys(engineEnv())) {
        if (!(k in user)) {
            overrides[k] = undefined;
        }
    }
    return overrides;
}

function isInside(child: string, parent: string): boolean {
    const rel = path.relative(parent, child);
    return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Runs a command to completion in `cwd`; resolves with its exit code and output. */
export function runIn(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 10 * 60_000): Promise<{ code: number; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, env });
        let output = "";
        child.stdout.on("data", (b: Buffer) => (output += b));
        child.stderr.on("data", (b: Buffer) => (output += b));
        const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
        child.on("error", reject);
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ code: code ?? -1, output });
        });
    });
}

/** Creates the project in a new temporary folder outside the repository and installs its dependencies. */
export async function createFreshProject(options: FreshProjectOptions): Promise<FreshProject> {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `${options.name}-`)));
    assert.ok(!isInside(dir, REPO_ROOT), `${dir} is inside the repository`);
    const spec = (deps: Record<string, string> = {}): Record<string, string> =>
        Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, path.isAbsolute(v) ? `file:${v}` : v]));
    const files: Record<string, string> = {
        "Pulumi.yaml": pulumiYaml(options.name),
        "tsconfig.json": USER_TSCONFIG,
        ...options.files,
        "package.json": JSON.stringify({
            name: options.name, private: true, main: "index.ts",
            dependencies: spec(options.dependencies), devDependencies: spec(options.devDependencies),
        }, null, 2),
    };
    for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
    }
    const env = userEnv();
    const start = Date.now();
    // The npm cache makes the second install of the same packages fast; nothing is audited or funded.
    const install = await runIn(dir, "npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], env);
    const installSeconds = (Date.now() - start) / 1000;
    if (install.code !== 0) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw new Error(`npm install in a fresh project exited ${install.code}:\n${install.output}`);
    }
    const stacks: PulumiStack[] = [];
    return {
        dir,
        installSeconds,
        env,
        async stack(stackOptions: StackOptions = {}): Promise<PulumiStack> {
            const stack = await PulumiStack.create(dir, {
                stackName: "dev",
                ...stackOptions,
                env: { ...userEnvOverrides(), ...stackOptions.env },
            });
            stacks.push(stack);
            return stack;
        },
        installed(name: string) {
            const pkgDir = path.join(dir, "node_modules", name);
            const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
            return { version: manifest.version, dir: pkgDir };
        },
        copiesOf(name: string): string[] {
            return findPackageCopies(path.join(dir, "node_modules"), name);
        },
        dispose() {
            fs.rmSync(dir, { recursive: true, force: true });
        },
    };
}

/** Every `<...>/node_modules/<name>` directory under `nodeModules` (nested copies included). */
function findPackageCopies(nodeModules: string, name: string): string[] {
    const found: string[] = [];
    const visit = (modulesDir: string): void => {
        if (fs.existsSync(path.join(modulesDir, name, "package.json"))) {
            found.push(path.join(modulesDir, name));
        }
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(modulesDir, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            if (!entry.isDirectory() || entry.name.startsWith(".")) {
                continue;
            }
            const packageDirs = entry.name.startsWith("@")
                ? fs.readdirSync(path.join(modulesDir, entry.name)).map((n) => path.join(modulesDir, entry.name, n))
                : [path.join(modulesDir, entry.name)];
            for (const pkgDir of packageDirs) {
                visit(path.join(pkgDir, "node_modules"));
            }
        }
    };
    visit(nodeModules);
    return found.sort();
}

export interface InstalledEndpoint {
    url: string;
    /** AWS_ENDPOINT_URL_SAGEMAKER and dummy credentials, for a stack's env */
    env: NodeJS.ProcessEnv;
    inventory(): Promise<{ models: string[]; modelPackageGroups: string[]; modelPackages: string[] }>;
    counters(): Promise<Record<string, number>>;
    stop(): Promise<void>;
}

/**
 * Starts the local endpoint the way a user's CI does: the installed package's `sagemaker-local`
 * bin (node_modules/.bin), as its own process, on a free port.
 */
export async function startInstalledEndpoint(project: FreshProject, args: string[] = []): Promise<InstalledEndpoint> {
    const bin = path.join(project.dir, "node_modules", ".bin", "sagemaker-local");
    const child: ChildProcess = spawn(bin, ["--port", "0", ...args], { cwd: project.dir, env: project.env, stdio: ["ignore", "pipe", "pipe"] });
    const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`sagemaker-local printed no URL in 30 s:\n${output}`)), 30_000);
        const onData = (b: Buffer): void => {
            output += b;
            const m = /^AWS_ENDPOINT_URL_SAGEMAKER=(\S+)$/m.exec(output);
            if (m) {
                clearTimeout(timer);
                resolve(m[1]);
            }
        };
        child.stdout?.on("data", onData);
        child.stderr?.on("data", onData);
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`sagemaker-local exited ${code}:\n${output}`));
        });
    });
    const getJson = async <T>(route: string): Promise<T> => {
        const res = await fetch(`${url}${route}`);
        assert.equal(res.status, 200, `GET ${route}`);
        return (await res.json()) as T;
    };
    return {
        url,
        env: { AWS_ENDPOINT_URL_SAGEMAKER: url, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20" },
        inventory: () => getJson("/_local/inventory"),
        counters: () => getJson("/_local/counters"),
        stop: () => new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) {
                resolve();
                return;
            }
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
        }),
    };
}
