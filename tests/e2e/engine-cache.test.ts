// Issue 18: the machine-wide CLI cache (~/.cache/pulumi-sagemaker/pulumi-v<version>/bin) serves
// every checkout and keeps working after the checkout that filled it is deleted. Its
// pulumi-language-nodejs is scripts/langhost/launcher.sh; here a copy of the cache's two files runs
// as the engine would start it, and must answer as a language host.
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { engineEnv, REPO_ROOT } from "../../scripts/lib/pulumi-cli";

const LAUNCHER = path.join(REPO_ROOT, "scripts", "langhost", "launcher.sh");
const HOST = path.join(REPO_ROOT, "scripts", "langhost", "language-host.js");
const PULUMI_DIR = path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [REPO_ROOT] }));
const PULUMI_VERSION = (JSON.parse(fs.readFileSync(path.join(PULUMI_DIR, "package.json"), "utf8")) as { version: string }).version;

interface Started {
    /** the first line the plugin printed (a port, for a Pulumi plugin) */
    firstLine: string;
    stop(): void;
}

/** Starts the launcher as the engine does (`pulumi-language-nodejs <engine address>`), in `cwd`. */
function startLauncher(launcher: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Started> {
    return new Promise((resolve, reject) => {
        const child = spawn(launcher, ["127.0.0.1:1"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`no first line in 30 s; stderr:\n${err}`));
        }, 30_000);
        child.stderr.on("data", (b: Buffer) => (err += b));
        child.stdout.on("data", (b: Buffer) => {
            out += b;
            const nl = out.indexOf("\n");
            if (nl >= 0) {
                clearTimeout(timer);
                resolve({ firstLine: out.slice(0, nl), stop: () => child.kill("SIGKILL") });
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`the launcher exited ${code} before printing a line; stderr:\n${err}`));
        });
    });
}

/** GetPluginInfo over gRPC, with the stubs that ship in @pulumi/pulumi: the version the host reports. */
function pluginVersion(port: number): Promise<string> {
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [PULUMI_DIR] }));
    const rpc = require(path.join(PULUMI_DIR, "proto", "language_grpc_pb"));
    const empty = require(require.resolve("google-protobuf/google/protobuf/empty_pb", { paths: [PULUMI_DIR] }));
    const client = new rpc.LanguageRuntimeClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) => {
        client.getPluginInfo(new empty.Empty(), (e: Error | null, info: { getVersion(): string }) => {
            client.close();
            if (e) {
                reject(e);
            } else {
                resolve(info.getVersion());
            }
        });
    });
}

describe("e2e: the machine-wide CLI cache's language host launcher", function () {
    this.timeout(60_000);
    const temps: string[] = [];
    const temp = (prefix: string): string => {
        const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
        temps.push(dir);
        return dir;
    };
    let cacheBin: string;
    let project: string;
    let baseEnv: NodeJS.ProcessEnv;

    before(() => {
        // The cache as ensure-pulumi.sh leaves it, in a folder no checkout owns.
        cacheBin = temp("cache-bin-");
        fs.copyFileSync(LAUNCHER, path.join(cacheBin, "pulumi-language-nodejs"));
        fs.chmodSync(path.join(cacheBin, "pulumi-language-nodejs"), 0o755);
        fs.copyFileSync(HOST, path.join(cacheBin, "language-host.js"));
        // A user's project: @pulumi/pulumi installed in its node_modules, nothing else of ours.
        project = temp("user-project-");
        fs.mkdirSync(path.join(project, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(PULUMI_DIR, path.join(project, "node_modules", "@pulumi", "pulumi"));
        // Node 22 on PATH (this process's), no checkout on PATH, no PULUMI_SAGEMAKER_* settings.
        const nodeBin = temp("node-bin-");
        fs.symlinkSync(process.execPath, path.join(nodeBin, "node"));
        baseEnv = { PATH: [nodeBin, "/usr/bin", "/bin"].join(path.delimiter), HOME: os.homedir() };
    });

    after(() => {
        for (const dir of temps) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("is what ensure-pulumi.sh installed beside the CLI (when the official host could not be built)", () => {
        const bin = engineEnv().PULUMI_SAGEMAKER_BIN ?? "";
        const installed = path.join(bin, "pulumi-language-nodejs");
        if (!fs.existsSync(path.join(bin, "pulumi"))) {
            // A Pulumi CLI on PATH was recent enough: it brings its own host, and the cache is unused.
            assert.ok(!fs.existsSync(installed) || fs.readFileSync(installed, "utf8").startsWith("#!"));
            return;
        }
        const text = fs.readFileSync(installed);
        if (text.subarray(0, 2).toString() === "#!") {
            assert.equal(text.toString(), fs.readFileSync(LAUNCHER, "utf8"));
            assert.ok(fs.existsSync(path.join(bin, "language-host.js")), "no copy of the host beside the launcher");
        }
    });

    it("with no PULUMI_SAGEMAKER_ROOT, runs the copy beside it and answers as a language host", async () => {
        const host = await startLauncher(path.join(cacheBin, "pulumi-language-nodejs"), project, baseEnv);
        try {
            assert.match(host.firstLine, /^\d+$/, "a plugin prints its port first");
            assert.equal(await pluginVersion(Number(host.firstLine)), PULUMI_VERSION);
        } finally {
            host.stop();
        }
    });

    it("when PULUMI_SAGEMAKER_ROOT names a deleted checkout, still runs the copy", async () => {
        const gone = temp("deleted-checkout-");
        fs.rmSync(gone, { recursive: true });
        const host = await startLauncher(path.join(cacheBin, "pulumi-language-nodejs"), project, { ...baseEnv, PULUMI_SAGEMAKER_ROOT: gone });
        try {
            assert.equal(await pluginVersion(Number(host.firstLine)), PULUMI_VERSION);
        } finally {
            host.stop();
        }
    });

    it("when PULUMI_SAGEMAKER_ROOT names another checkout, runs that checkout's host", async () => {
        const other = temp("second-checkout-");
        fs.mkdirSync(path.join(other, "scripts", "langhost"), { recursive: true });
        // Stands in for that checkout's host: says which file ran, and on which node.
        fs.writeFileSync(path.join(other, "scripts", "langhost", "language-host.js"),
            "process.stdout.write(`second checkout ${__filename}\\n`); setInterval(() => {}, 1000);\n");
        const host = await startLauncher(path.join(cacheBin, "pulumi-language-nodejs"), project, { ...baseEnv, PULUMI_SAGEMAKER_ROOT: other });
        try {
            assert.equal(host.firstLine, `second checkout ${path.join(other, "scripts", "langhost", "language-host.js")}`);
        } finally {
            host.stop();
        }
    });
});
