// Issue 24: SDKs generated from the plugin's schema with `pulumi package gen-sdk` work in their
// languages. Python: the generated package under Pulumi's unit-test mocks (`pulumi` from PyPI in a
// virtual environment this test makes and caches). Go: `go build` of a program against the generated
// SDK (github.com/pulumi/pulumi/sdk/v3 from the Go module proxy, as the CLI build gets it).
import { strict as assert } from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT, engineEnv } from "../../scripts/lib/pulumi-cli";

const FIXTURE = path.join(REPO_ROOT, "tests", "e2e", "fixtures", "plugin-sdk");

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; output: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: options.cwd ?? REPO_ROOT, env: { ...engineEnv(), ...options.env } });
        let output = "";
        child.stdout.on("data", (b: Buffer) => (output += b));
        child.stderr.on("data", (b: Buffer) => (output += b));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, output }));
    });
}

async function ok(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
    const result = await run(command, args, options);
    assert.equal(result.code, 0, `${command} ${args.join(" ")} exited ${result.code}:\n${result.output.slice(-4000)}`);
    return result.output;
}

/** The Pulumi release the repository pins: the Go SDK (and the generators) of that release. */
function pulumiVersion(): string {
    return String(engineEnv().PULUMI_SAGEMAKER_PULUMI_VERSION);
}

/**
 * The Python SDK from PyPI: its newest release there (checked 2026-12-03: 3.272.0; PyPI has no
 * 3.276.0 yet). The generated SDK asks for `pulumi>=3.139.0,<4.0.0`, the package's peer range.
 */
const PYTHON_PULUMI = "3.272.0";

describe("e2e: the SDKs generated from the plugin's schema", function () {
    this.timeout(20 * 60_000);
    let out: string;

    before(async () => {
        out = fs.mkdtempSync(path.join(os.tmpdir(), "sagemaker-sdks-"));
        await ok("bash", [path.join(REPO_ROOT, "scripts", "plugin", "gen-sdks.sh"), out, "python", "go"]);
    });

    after(() => {
        if (out) {
            fs.rmSync(out, { recursive: true, force: true });
        }
    });

    it("Python: the generated package's typed arguments under pulumi.runtime.set_mocks", async () => {
        // One venv per Pulumi release, in the machine-wide cache: later runs only check it.
        const venv = path.join(String(engineEnv().PULUMI_SAGEMAKER_CACHE), `python-venv-pulumi-${PYTHON_PULUMI}`);
        const python = path.join(venv, "bin", "python");
        // `wheel` builds the generated SDK's package inside the venv (no download per run).
        const wanted = [`pulumi==${PYTHON_PULUMI}`, "wheel"];
        const ready = path.join(venv, ".ready");
        if (!fs.existsSync(ready) || fs.readFileSync(ready, "utf8") !== wanted.join(" ")) {
            await ok("python3", ["-m", "venv", "--clear", venv]);
            await ok(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", ...wanted]);
            fs.writeFileSync(ready, wanted.join(" "));
        }
        // Installed as a user installs it (the SDK reads its own version from the package metadata); replaced each run.
        await ok(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation",
            "--force-reinstall", path.join(out, "python")]);
        const output = await ok(python, ["-m", "unittest", "-v", "test_mocks"], { cwd: FIXTURE, env: { PYTHONDONTWRITEBYTECODE: "1" } });
        assert.match(output, /Ran 3 tests/);
        assert.match(output, /\nOK\s*$/);
    });

    it("Go: a program builds against the generated SDK", async () => {
        const module = fs.mkdtempSync(path.join(os.tmpdir(), "sagemaker-go-"));
        try {
            fs.copyFileSync(path.join(FIXTURE, "main.go"), path.join(module, "main.go"));
            fs.cpSync(path.join(out, "go", "sagemaker"), path.join(module, "sdk", "go", "sagemaker"), { recursive: true });
            const goVersion = (await ok("go", ["env", "GOVERSION"])).trim().replace(/^go/, "");
            fs.writeFileSync(path.join(module, "go.mod"),
                `module pulumi-sagemaker\n\ngo ${goVersion}\n\nrequire github.com/pulumi/pulumi/sdk/v3 v${pulumiVersion()}\n`);
            const env = { GOTOOLCHAIN: "local", GOFLAGS: "-mod=mod" };
            await ok("go", ["mod", "tidy"], { cwd: module, env });
            await ok("go", ["build", "-o", path.join(module, "program"), "."], { cwd: module, env });
            assert.ok(fs.statSync(path.join(module, "program")).size > 0);
        } finally {
            fs.rmSync(module, { recursive: true, force: true });
        }
    });
});
