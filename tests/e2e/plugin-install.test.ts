// Issue 24, the install story: the plugin packed as a tarball (scripts/plugin/pack-plugin.sh),
// installed with `pulumi plugin install resource sagemaker VERSION --file` into a fresh
// PULUMI_HOME, and used by the YAML example with ambient plugins ignored (so nothing from this
// checkout's plugin/bin is used): up and destroy against the local endpoint.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { PulumiStack, REPO_ROOT, assertEndpointEmpty, createStack, exampleDir, resourceChanges, useE2eEndpoint } from "../helpers/e2e";
import { engineEnv } from "../../scripts/lib/pulumi-cli";

describe("e2e: the plugin installed from its tarball with `pulumi plugin install`", function () {
    this.timeout(15 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;
    let home: string;
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

    before(async () => {
        home = fs.mkdtempSync(path.join(os.tmpdir(), "sagemaker-plugin-home-"));
        const tarball = path.join(home, `pulumi-resource-sagemaker-v${version}.tgz`);
        const packed = spawnSync("bash", [path.join(REPO_ROOT, "scripts", "plugin", "pack-plugin.sh"), tarball], { env: engineEnv(), encoding: "utf8" });
        assert.equal(packed.status, 0, packed.stderr);
        stack = await createStack(exampleDir("yaml-registry"), {
            name: "e2e-yaml-installed",
            config: { "sagemaker:region": "us-east-1", "sagemaker:endpoint": t.endpoint.url },
            env: {
                PULUMI_HOME: path.join(home, "pulumi-home"),
                PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
                AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", AWS_REGION: "", AWS_ENDPOINT_URL_SAGEMAKER: "",
                PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20",
            },
        });
        const installed = await stack.runRaw(["plugin", "install", "resource", "sagemaker", version, "--file", tarball]);
        assert.equal(installed.code, 0, installed.output);
    });

    after(async () => {
        await stack?.dispose();
        fs.rmSync(home, { recursive: true, force: true });
    });

    it("the CLI lists the installed plugin", async () => {
        const listed = await stack.runRaw(["plugin", "ls"]);
        assert.equal(listed.code, 0, listed.output);
        assert.match(listed.output, new RegExp(`sagemaker\\s+resource\\s+${version.replace(/\./g, "\\.")}`));
    });

    it("the YAML example runs on the installed plugin: up, then destroy", async () => {
        const up = await stack.up();
        assert.equal(resourceChanges(up.output).created, 4, up.output);
        assert.doesNotMatch(up.output, /from \$PATH/, "not an ambient plugin");
        assert.equal(t.endpoint.inventory().models.length, 1);
        await stack.destroy();
        assertEndpointEmpty(t.endpoint);
    });
});
