// Issue 25 with the real Pulumi CLI, as a newcomer's first program meets it: no region anywhere
// fails the preview naming the config key (not `pulumi up` with the SDK's bare "Region is
// missing"); a ValidationException after a preview that ran the checks does not send the user back
// to preview; an error is reported once; a package's wait shows on the package itself.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createStack, fixtureDir, setConfig, useE2eEndpoint, type PulumiStack } from "../helpers/e2e";

describe("e2e: the first hour (region, error hints, each error once)", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "first-hour-aws-"));

    before(async () => {
        // No region in the environment, and a shared config file without one.
        fs.writeFileSync(path.join(home, "config"), "[default]\noutput = json\n");
        stack = await createStack(fixtureDir("first-hour"), {
            endpoint: t.endpoint, name: "e2e-first-hour",
            env: { AWS_REGION: "", AWS_DEFAULT_REGION: "", AWS_PROFILE: "", AWS_CONFIG_FILE: path.join(home, "config") },
        });
    });

    after(async () => {
        await stack?.dispose();
        fs.rmSync(home, { recursive: true, force: true });
    });

    it("no region anywhere fails the preview on the resource, once, naming region, the constraint and `pulumi config set aws:region`", async () => {
        await setConfig(stack, { "aws:region": undefined });
        const preview = await stack.preview();
        assert.notEqual(preview.code, 0, preview.output);
        const diagnostics = preview.output.slice(preview.output.indexOf("Diagnostics:"));
        const message = /region: no AWS region is set for this Model[^\n]*\(constraint: required\)\. Fix: run `pulumi config set aws:region <region>`[^\n]*the resource's `region`/g;
        assert.equal(diagnostics.match(message)?.length, 1, preview.output);
        assert.doesNotMatch(preview.output, /Region is missing/);
        await setConfig(stack, { "aws:region": "us-east-1" });
    });

    it("a ValidationException at up after a checked preview says what preview cannot check, not to run preview", async () => {
        await setConfig(stack, { "e2e-first-hour:modelData": "s3://sagemaker-us-east-1-123456789012/other/model.tar.gz" });
        t.endpoint.setFaults({ rules: [{ operation: "CreateModel", times: 100, error: { code: "ValidationException", status: 400, message: "Could not access model data" } }] });
        try {
            const up = await stack.run(["up", "--yes"]);
            assert.notEqual(up.code, 0, up.output);
            assert.match(up.output, /CreateModel failed: ValidationException: Could not access model data — Fix the input named in the message: it passed preview's checks/);
            assert.doesNotMatch(up.output, /`pulumi preview` runs the same checks/);
        } finally {
            t.endpoint.setFaults({});
        }
    });

    it("a failed delete or refresh is reported once in the Diagnostics (not also echoed on the stack)", async () => {
        const up = await stack.run(["up", "--yes", "--skip-preview"]);
        assert.equal(up.code, 0, up.output);
        for (const [operation, command] of [["DeleteModel", ["destroy", "--yes", "--skip-preview"]], ["DescribeModel", ["refresh", "--yes", "--skip-preview"]]] as const) {
            t.endpoint.setFaults({ rules: [{ operation, times: 100, error: { code: "AccessDeniedException", status: 400, message: `not allowed to ${operation}` } }] });
            try {
                const run = await stack.run([...command]);
                assert.notEqual(run.code, 0, run.output);
                const diagnostics = run.output.slice(run.output.indexOf("Diagnostics:"));
                const message = new RegExp(`Model "scorer-[0-9a-f]{7}": SageMaker ${operation} failed: AccessDeniedException: not allowed to ${operation}`, "g");
                assert.equal(diagnostics.match(message)?.length, 1, run.output);
            } finally {
                t.endpoint.setFaults({});
            }
        }
    });
});

describe("e2e: a package's validation wait shows on the package and leaves nothing in the Diagnostics", function () {
    this.timeout(10 * 60_000);
    // Slow enough for several polls (PULUMI_SAGEMAKER_PACKAGE_POLL_MS=20 in the stack's environment).
    const t = useE2eEndpoint({ packageStatusDelayMs: 1_500 });
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("validation"), { endpoint: t.endpoint, name: "e2e-wait-status" });
    });

    after(async () => {
        await stack?.dispose();
    });

    it("status lines are shown on the package's own row, name its logical name, and none is left in the Diagnostics", async () => {
        const up = await stack.run(["up", "--yes", "--skip-preview"]);
        assert.equal(up.code, 0, up.output);
        const status = up.output.split("\n").filter((l) => /(Pending|InProgress) after \d+s/.test(l));
        assert.ok(status.length > 0, up.output);
        for (const line of status) {
            assert.match(line, /pulumi-nodejs:dynamic\/sagemaker:ModelPackage g6e-v1 creat\w+ \([\d.]+s\) ModelPackage "[^"]+" \(new version\) \(g6e-v1\): (Pending|InProgress) after \d+s/);
        }
        assert.doesNotMatch(up.output, /Diagnostics:/, up.output);
        assert.doesNotMatch(up.output, /sagemaker: /, "no stderr line from the provider");
    });
});
