import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * Drives the real Pulumi CLI on a throw-away file:// backend. Used by e2e tests, the demo and the
 * benchmarks. The offline engine settings come from scripts/engine-env.sh (the one place they live).
 */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

let engineEnvCache: NodeJS.ProcessEnv | undefined;

/** process.env plus scripts/engine-env.sh, and a check that the CLI is there. */
export function engineEnv(): NodeJS.ProcessEnv {
    if (!engineEnvCache) {
        const out = spawnSync("bash", ["-c", `source "${REPO_ROOT}/scripts/engine-env.sh" && env -0`], {
            env: process.env,
            encoding: "utf8",
        });
        if (out.status !== 0) {
            throw new Error(`scripts/engine-env.sh failed: ${out.stderr}`);
        }
        const env: NodeJS.ProcessEnv = {};
        for (const entry of out.stdout.split("\0")) {
            const i = entry.indexOf("=");
            if (i > 0) {
                env[entry.slice(0, i)] = entry.slice(i + 1);
            }
        }
        const which = spawnSync("bash", ["-c", "command -v pulumi"], { env, encoding: "utf8" });
        if (which.status !== 0) {
            throw new Error("No pulumi CLI found: run `bash scripts/ensure-pulumi.sh` (or `npm test`, which runs it).");
        }
        engineEnvCache = env;
    }
    return engineEnvCache;
}

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
    /** stdout and stderr together, for assertions on what a user sees */
    output: string;
}

export interface StackOptions {
    stackName?: string;
    /** plain config values (`pulumi config set`) */
    config?: Record<string, string>;
    /** secret config values (`pulumi config set --secret`) */
    secretConfig?: Record<string, string>;
    /** extra environment for every command (e.g. AWS_ENDPOINT_URL_SAGEMAKER) */
    env?: NodeJS.ProcessEnv;
}

export class PulumiStack {
    readonly name: string;
    private constructor(
        readonly projectDir: string,
        readonly backendDir: string,
        stackName: string,
        readonly env: NodeJS.ProcessEnv,
    ) {
        this.name = stackName;
    }

    /** A new stack of the project in `projectDir`, on its own temporary backend. */
    static async create(projectDir: string, options: StackOptions = {}): Promise<PulumiStack> {
        const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-backend-"));
        const env = {
            ...engineEnv(),
            PULUMI_BACKEND_URL: `file://${backendDir}`,
            ...options.env,
        };
        const stack = new PulumiStack(projectDir, backendDir, options.stackName ?? "test", env);
        await stack.runRaw(["stack", "init", stack.name, "--non-interactive"]).then((r) => {
            if (r.code !== 0) {
                throw new Error(`pulumi stack init exited ${r.code}:\n${r.output}`);
            }
        });
        for (const [key, value] of Object.entries(options.config ?? {})) {
            await stack.expectOk(["config", "set", key, value]);
        }
        for (const [key, value] of Object.entries(options.secretConfig ?? {})) {
            await stack.expectOk(["config", "set", "--secret", key, value]);
        }
        return stack;
    }

    /** Runs `pulumi ARGS --stack NAME --non-interactive`; never throws on a non-zero exit. */
    run(args: string[], extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 10 * 60_000): Promise<RunResult> {
        return this.runRaw([...args, "--stack", this.name, "--non-interactive"], extraEnv, timeoutMs);
    }

    /** Runs `pulumi ARGS` exactly as given, in the project directory. */
    runRaw(full: string[], extraEnv: NodeJS.ProcessEnv = {}, timeoutMs = 10 * 60_000): Promise<RunResult> {
        return new Promise((resolve, reject) => {
            const child = spawn("pulumi", full, { cwd: this.projectDir, env: { ...this.env, ...extraEnv } });
            let stdout = "";
            let stderr = "";
            let output = "";
            child.stdout.on("data", (b: Buffer) => { stdout += b; output += b; });
            child.stderr.on("data", (b: Buffer) => { stderr += b; output += b; });
            const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
            child.on("error", reject);
            child.on("close", (code) => {
                clearTimeout(timer);
                resolve({ code: code ?? -1, stdout, stderr, output });
            });
        });
    }

    /** Runs and fails with the whole output when the command fails. */
    async expectOk(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
        const result = await this.run(args, extraEnv);
        if (result.code !== 0) {
            throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
        }
        return result;
    }

    up(extra: string[] = []): Promise<RunResult> {
        return this.expectOk(["up", "--yes", "--skip-preview", ...extra]);
    }

    preview(extra: string[] = []): Promise<RunResult> {
        return this.run(["preview", ...extra]);
    }

    refresh(extra: string[] = []): Promise<RunResult> {
        return this.expectOk(["refresh", "--yes", "--skip-preview", ...extra]);
    }

    destroy(extra: string[] = []): Promise<RunResult> {
        return this.expectOk(["destroy", "--yes", "--skip-preview", ...extra]);
    }

    /** The checkpoint as `pulumi stack export` prints it. */
    async exportState(showSecrets = false): Promise<StateExport> {
        const result = await this.expectOk(["stack", "export", ...(showSecrets ? ["--show-secrets"] : [])]);
        return JSON.parse(result.stdout) as StateExport;
    }

    /** Resources in the state of one type token. */
    async resourcesOfType(type: string): Promise<StateResource[]> {
        const state = await this.exportState();
        return (state.deployment.resources ?? []).filter((r) => r.type === type);
    }

    async outputs(): Promise<Record<string, unknown>> {
        const result = await this.expectOk(["stack", "output", "--json"]);
        return JSON.parse(result.stdout) as Record<string, unknown>;
    }

    /** Removes the stack (after destroy) and its temporary backend. */
    async dispose(): Promise<void> {
        await this.run(["stack", "rm", "--yes", "--force"]);
        fs.rmSync(path.join(this.projectDir, `Pulumi.${this.name}.yaml`), { force: true });
        fs.rmSync(this.backendDir, { recursive: true, force: true });
    }
}

export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

export interface StateExport {
    deployment: { resources?: StateResource[]; pending_operations?: unknown[] };
}
