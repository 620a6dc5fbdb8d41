// Malformed stack config with the real CLI (issue 9, docs/RELIABILITY.md "Malformed stack config"):
// `pulumi preview` exits non-zero with one plain diagnostic that names the config key, the bad value
// and the fix, prints no stack trace, and nothing reaches SageMaker; `pulumi up` creates nothing.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PulumiStack, type RunResult } from "../../scripts/lib/pulumi-cli";
import { FIXTURES, startFaultyEnvironment, stackEnv, type FaultyEnvironment } from "../reliability/harness";

interface BadConfig {
    /** what is wrong, for the test title */
    label: string;
    key: string;
    value: string;
    /** what the message must say besides the key and the value */
    says: RegExp;
}

const CASES: BadConfig[] = [
    { label: "a region that does not exist", key: "aws:region", value: "us-east-one", says: /not an AWS region name: .*pulumi config set aws:region us-east-1/ },
    { label: "a region in the wrong form", key: "aws:region", value: "US East (N. Virginia)", says: /not an AWS region name/ },
    { label: "a profile name with illegal characters", key: "aws:profile", value: "ml team!", says: /not a profile name .*pulumi config rm aws:profile/ },
    { label: "a profile that is in no shared file", key: "aws:profile", value: "no-such-profile", says: /no profile of that name is in .*config or .*credentials: create it \(aws configure --profile no-such-profile\)/ },
    { label: "an endpoint that is not a URL", key: "sagemaker:endpoint", value: "not a url", says: /which is not a URL: use a full http\(s\) URL .*pulumi config set sagemaker:endpoint URL/ },
    { label: "an endpoint without a scheme", key: "sagemaker:endpoint", value: "localhost:4599", says: /which is not an http or https URL/ },
    { label: "an out-of-range retry count", key: "sagemaker:maxAttempts", value: "0", says: /not a whole number from 1 to 20/ },
    { label: "a pacing rate that is not a rate", key: "sagemaker:maxRequestsPerSecond", value: "10/s", says: /not a number from 0.1 to 1000 \(requests per second\): .*pulumi config rm sagemaker:maxRequestsPerSecond/ },
];

/** What a clear error is: no JS stack frames, no provider host internals. */
function assertNoStackTrace(output: string): void {
    assert.doesNotMatch(output, /^\s+at .+\(.*:\d+:\d+\)$/m, "a stack trace was printed");
    assert.doesNotMatch(output, /node_modules|grpc|dynamic-provider\/index/, "provider host internals were printed");
}

describe("e2e bad config: malformed stack config fails preview clearly, and nothing is created", function () {
    this.timeout(8 * 60_000);
    let env: FaultyEnvironment;
    let stack: PulumiStack;
    let awsDir: string;
    const messages: string[] = [];

    before(async () => {
        env = await startFaultyEnvironment({});
        // The shared AWS files of the run: one profile, "ml", so "a profile that exists" is testable.
        awsDir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-files-"));
        fs.writeFileSync(path.join(awsDir, "config"), "[default]\nregion = us-east-1\n\n[profile ml]\nregion = us-east-1\n");
        fs.writeFileSync(path.join(awsDir, "credentials"), "[ml]\naws_access_key_id = test\naws_secret_access_key = test\n");
        stack = await PulumiStack.create(path.join(FIXTURES, "fleet"), {
            stackName: `bad-config-${process.pid}`,
            config: { "aws:region": "us-east-1", "fleet:models": "3", "fleet:packages": "1" },
            env: stackEnv(env.url, {
                AWS_CONFIG_FILE: path.join(awsDir, "config"),
                AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, "credentials"),
            }),
        });
    });

    after(async () => {
        if (stack) {
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
        await env?.close();
        if (awsDir) {
            fs.rmSync(awsDir, { recursive: true, force: true });
        }
        if (messages.length > 0) {
            console.log(`      [bad-config] messages:\n${messages.map((m) => `        ${m}`).join("\n")}`);
        }
    });

    /** Runs preview with `key` set to `value` (then puts the good config back). */
    async function previewWith(key: string, value: string): Promise<RunResult> {
        await stack.expectOk(["config", "set", key, value]);
        try {
            return await stack.preview();
        } finally {
            if (key === "aws:region") {
                await stack.expectOk(["config", "set", "aws:region", "us-east-1"]);
            } else {
                await stack.expectOk(["config", "rm", key]);
            }
        }
    }

    for (const c of CASES) {
        it(`${c.label} (${c.key} = "${c.value}"): preview fails naming the key, the value and the fix`, async () => {
            const before = JSON.stringify(env.endpoint.counters());
            const preview = await previewWith(c.key, c.value);
            assert.notEqual(preview.code, 0, preview.output);
            const errors = preview.output.split("\n").filter((l) => /\berror: /.test(l)).map((l) => l.trim());
            assert.ok(errors.length > 0, preview.output);
            const message = errors[errors.length - 1];
            assert.ok(message.includes(`stack config "${c.key}" is "${c.value}"`), `key and value named:\n${preview.output}`);
            assert.match(message, c.says);
            assertNoStackTrace(preview.output);
            assert.equal(JSON.stringify(env.endpoint.counters()), before, "preview sent no request to SageMaker");
            messages.push(message);
        });
    }

    it("a profile that exists (in the credentials file) and well-formed values preview fine", async () => {
        await stack.expectOk(["config", "set", "aws:profile", "ml"]);
        await stack.expectOk(["config", "set", "sagemaker:endpoint", env.url]);
        try {
            const preview = await stack.preview();
            assert.equal(preview.code, 0, preview.output);
        } finally {
            await stack.expectOk(["config", "rm", "aws:profile"]);
            await stack.expectOk(["config", "rm", "sagemaker:endpoint"]);
        }
    });

    it("up with a malformed aws:region fails the same way and creates nothing", async () => {
        await stack.expectOk(["config", "set", "aws:region", "us-east-one"]);
        try {
            const up = await stack.run(["up", "--yes", "--skip-preview"]);
            assert.notEqual(up.code, 0, up.output);
            assert.match(up.output, /stack config "aws:region" is "us-east-one", which is not an AWS region name/);
            assertNoStackTrace(up.output);
        } finally {
            await stack.expectOk(["config", "set", "aws:region", "us-east-1"]);
        }
        assert.deepEqual(env.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
        const exported = await stack.exportState();
        const custom = (exported.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"));
        assert.deepEqual(custom, [], "no resource in the state");
        assert.equal(Object.values(env.endpoint.counters()).reduce((a, b) => a + b, 0), 0, "no request reached SageMaker");
    });
});
