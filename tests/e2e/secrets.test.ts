// Secrets with the real CLI (issue 9, docs/RELIABILITY.md "Secrets"): Environment values passed as
// secrets stay ciphertext in the exported state and appear in no CLI output, also when a create or
// a delete fails with an error that echoes them; credentials in the environment and in the stack
// config reach neither the state (serialized provider included) nor the output.
import { strict as assert } from "assert";
import { randomBytes } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { PulumiStack, type RunResult } from "../../scripts/lib/pulumi-cli";
import { FIXTURES, startFaultyEnvironment, stackEnv, TYPES, type FaultyEnvironment } from "../reliability/harness";

const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const distinct = (label: string) => `${label}-${randomBytes(8).toString("hex")}`;

/** Environment values that are secrets in the program. */
const ENV_SECRETS = { token: distinct("tok"), password: distinct("pwd"), whole: distinct("whole") };
/** Credentials in the environment of every pulumi command (so: of the program and the provider). */
const ENV_CREDENTIALS = {
    AWS_ACCESS_KEY_ID: `AKIA${randomBytes(8).toString("hex").toUpperCase()}`,
    AWS_SECRET_ACCESS_KEY: distinct("envsecretkey"),
    AWS_SESSION_TOKEN: distinct("envsessiontoken"),
};
/** Credentials in the stack config: secret and plaintext variants. */
const CONFIG_SECRET = { "aws:secretKey": distinct("cfgsecretkey") };
const CONFIG_PLAIN = { "aws:accessKey": `AKIA${randomBytes(8).toString("hex").toUpperCase()}`, "aws:token": distinct("cfgtoken") };

const NEVER_SHOWN: Record<string, string> = {
    ...Object.fromEntries(Object.entries(ENV_SECRETS).map(([k, v]) => [`Environment ${k}`, v])),
    ...ENV_CREDENTIALS,
    ...CONFIG_SECRET,
    ...CONFIG_PLAIN,
};

/**
 * What the state must never hold in clear. Not the plaintext config values: the Pulumi engine copies
 * the whole stack config into the inputs of the default `pulumi:providers:pulumi-nodejs` provider,
 * so a credential set with `--plaintext` is in the state just as it is in Pulumi.<stack>.yaml (see
 * assertPlainConfigOnlyInDefaultProvider). Secret config stays ciphertext there too.
 */
const STATE_NEVER: Record<string, string> = { ...ENV_SECRETS, ...ENV_CREDENTIALS, ...CONFIG_SECRET };

/** Names of the values of `NEVER_SHOWN` (plain or base64) found in `text`. */
function leaks(text: string, values: Record<string, string> = NEVER_SHOWN): string[] {
    return Object.entries(values)
        .filter(([, v]) => text.includes(v) || text.includes(Buffer.from(v).toString("base64")))
        .map(([k]) => k);
}

/** JSON paths of the strings in `value` that hold one of `values`, for failure messages. */
function leakPaths(value: unknown, values: Record<string, string> = NEVER_SHOWN, at = ""): string[] {
    if (typeof value === "string") {
        return leaks(value, values).map((name) => `${at}: ${name}`);
    }
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => leakPaths(v, values, `${at}.${k}`));
    }
    return [];
}

/** Plaintext config values appear in the state only as the default provider's config, nowhere else. */
function assertPlainConfigOnlyInDefaultProvider(state: { deployment: { resources?: { type: string; inputs?: object; outputs?: object }[] } }): void {
    const resources = state.deployment.resources ?? [];
    const allowed = resources.flatMap((r, i) => r.type === "pulumi:providers:pulumi-nodejs"
        ? Object.keys(CONFIG_PLAIN).flatMap((key) => [`.deployment.resources.${i}.inputs.${key}: ${key}`, `.deployment.resources.${i}.outputs.${key}: ${key}`])
        : []);
    const found = leakPaths(state, CONFIG_PLAIN).filter((p) => !allowed.includes(p));
    assert.deepEqual(found, [], "plaintext config values outside the default provider's config");
    for (const r of resources.filter((x) => x.type === "pulumi:providers:pulumi-nodejs")) {
        assert.ok(isSecret((r.inputs as Record<string, unknown>)["aws:secretKey"]), "secret config stays ciphertext in the provider's inputs");
    }
}

function isSecret(value: unknown): value is { ciphertext: string } {
    return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SECRET_SIG] !== undefined &&
        typeof (value as { ciphertext?: unknown }).ciphertext === "string";
}

/** Paths of the secret (ciphertext) values inside `value`. */
function secretPaths(value: unknown, at = ""): string[] {
    if (isSecret(value)) {
        return [at];
    }
    if (value && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => secretPaths(v, at ? `${at}.${k}` : k));
    }
    return [];
}

/** Every file under `dir`, with its text. */
function filesUnder(dir: string): { file: string; text: string }[] {
    return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .map((file) => ({ file, text: fs.readFileSync(file, "latin1") }));
}

describe("e2e secrets: Environment secrets and credentials never reach the state or the output", function () {
    this.timeout(8 * 60_000);
    let env: FaultyEnvironment;
    let stack: PulumiStack;
    const transcript: { command: string; result: RunResult }[] = [];

    /** Runs a pulumi command, keeps its output for the leak checks, and checks it at once. */
    async function run(args: string[], expectCode: "ok" | "fail"): Promise<RunResult> {
        const result = await stack.run(args);
        transcript.push({ command: `pulumi ${args.join(" ")}`, result });
        if (expectCode === "ok") {
            assert.equal(result.code, 0, `pulumi ${args.join(" ")} failed:\n${result.output}`);
        } else {
            assert.notEqual(result.code, 0, `pulumi ${args.join(" ")} should have failed:\n${result.output}`);
        }
        assert.deepEqual(leaks(result.output), [], `pulumi ${args.join(" ")} printed a secret:\n${result.output}`);
        return result;
    }

    /** The model-related error lines of a failed run (for the log and docs/RELIABILITY.md). */
    const errorLines = (output: string) => output.split("\n").filter((l) => /error:/.test(l)).map((l) => l.trim());

    before(async () => {
        // Throttling and 500s too: retries and their logging run with the secrets in the request.
        env = await startFaultyEnvironment({ throttleRate: 0.2, seed: 5, faults: { internalErrorRate: 0.05, seed: 5 } });
        stack = await PulumiStack.create(path.join(FIXTURES, "secrets"), {
            stackName: `secrets-${process.pid}`,
            config: { "aws:region": "us-east-1", "sagemaker:maxAttempts": "12", "sagemaker:retryBaseDelayMs": "20" },
            secretConfig: { "secrets:token": ENV_SECRETS.token, ...CONFIG_SECRET },
            env: stackEnv(env.url, {
                ...ENV_CREDENTIALS,
                SECRETS_E2E_PASSWORD: ENV_SECRETS.password,
                SECRETS_E2E_WHOLE: ENV_SECRETS.whole,
            }),
        });
        // The CLI refuses credential-looking keys in plaintext unless told so.
        for (const [key, value] of Object.entries(CONFIG_PLAIN)) {
            await stack.expectOk(["config", "set", "--plaintext", key, value]);
        }
    });

    after(async () => {
        if (stack) {
            env?.proxy?.setThrottleRate(0);
            env?.endpoint.setFaults({});
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
        await env?.close();
    });

    it("preview prints no secret", async () => {
        await run(["preview", "--diff"], "ok");
    });

    it("a create failing with an error that echoes the secret: the message is scrubbed", async () => {
        // What SageMaker does for some bad values: quote them back in a ValidationException.
        env.endpoint.setFaults({
            internalErrorRate: 0.05, seed: 6,
            rules: [{ operation: "CreateModel", times: 1, error: { code: "ValidationException", status: 400, message: `Environment value '${ENV_SECRETS.token}' is not allowed` } }],
        });
        const up = await run(["up", "--yes", "--skip-preview"], "fail");
        const errors = errorLines(up.output);
        console.log(`      [secrets] failed create: ${errors.find((l) => /ValidationException|not allowed/.test(l))}`);
        assert.ok(errors.some((l) => l.includes("Environment value '[secret]' is not allowed")), up.output);
        env.endpoint.setFaults({ internalErrorRate: 0.05, seed: 7 });
    });

    it("up: the exported state holds the Environment only as ciphertext, and no credential", async () => {
        await run(["up", "--yes", "--skip-preview"], "ok");
        const exported = await stack.run(["stack", "export"]);
        assert.equal(exported.code, 0, exported.output);
        const state = JSON.parse(exported.stdout);
        assert.deepEqual(leakPaths(state, STATE_NEVER), [], "the exported state holds a secret or a credential in clear");
        assertPlainConfigOnlyInDefaultProvider(state);

        const resources = (JSON.parse(exported.stdout).deployment.resources ?? []) as
            { type: string; urn: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }[];
        const models = resources.filter((r) => r.type === TYPES.model);
        assert.equal(models.length, 2);
        for (const model of models) {
            // Pulumi keeps each secret where it was: the Environment values one by one, or the whole
            // Environment (passed as one secret), or (outputs) the whole container.
            assert.ok(secretPaths(model.inputs.PrimaryContainer).length > 0, `${model.urn}: input Environment is ciphertext`);
            assert.ok(secretPaths(model.outputs.PrimaryContainer).length > 0, `${model.urn}: output Environment is ciphertext`);
            // No other output could carry the Environment in clear: beside the inputs, only docs/MODEL.md's outputs.
            assert.deepEqual(Object.keys(model.outputs).filter((k) => !(k in model.inputs)).sort(), ["arn", "creationTime"],
                `${model.urn}: outputs beside the inputs`);
            assert.equal(typeof model.inputs.__provider, "string");
            assert.deepEqual(leaks(String(model.inputs.__provider)), [], "the serialized provider holds no credential");
        }
        // The check is not vacuous: the values are in the state, decryptable with the passphrase.
        const clear = await stack.run(["stack", "export", "--show-secrets"]);
        assert.deepEqual(leaks(clear.stdout, ENV_SECRETS).sort(), ["password", "token", "whole"]);
        const ciphertexts = (exported.stdout.match(/"ciphertext"/g) ?? []).length;
        const where = models.map((m) => `${m.urn.split("::").pop()}: inputs ${secretPaths(m.inputs.PrimaryContainer, "PrimaryContainer").join(", ")}; ` +
            `outputs ${secretPaths(m.outputs.PrimaryContainer, "PrimaryContainer").join(", ")}`).join(" | ");
        console.log(`      [secrets] export: ${models.length} models (${where}), ${ciphertexts} ciphertext values, ` +
            `plaintext secrets or credentials found: 0 of ${Object.keys(STATE_NEVER).length} checked ` +
            `(plaintext config: only as the default provider's config)`);
    });

    it("refresh, preview, stack output: nothing in clear", async () => {
        await run(["refresh", "--yes", "--skip-preview"], "ok");
        await run(["preview", "--diff", "--expect-no-changes"], "ok");
        await run(["stack", "output", "--json"], "ok");
        await run(["stack", "--show-urns"], "ok");
        const exported = await stack.run(["stack", "export"]);
        const state = JSON.parse(exported.stdout);
        assert.deepEqual(leakPaths(state, STATE_NEVER), [], "the state after refresh holds a secret or a credential in clear");
        assertPlainConfigOnlyInDefaultProvider(state);
    });

    it("a delete failing with an error that echoes the secret: scrubbed; destroy then leaves nothing", async () => {
        env.endpoint.setFaults({
            internalErrorRate: 0.05, seed: 8,
            rules: [{ operation: "DeleteModel", times: 1, error: { code: "ValidationException", status: 400, message: `Cannot delete a model with '${ENV_SECRETS.token}'` } }],
        });
        const failed = await run(["destroy", "--yes", "--skip-preview"], "fail");
        console.log(`      [secrets] failed delete: ${errorLines(failed.output).find((l) => /Cannot delete/.test(l))}`);
        assert.match(failed.output, /Cannot delete a model with '\[secret\]'/);
        env.endpoint.setFaults({});
        await run(["destroy", "--yes", "--skip-preview"], "ok");
        assert.deepEqual(env.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });

    it("verbose engine logs (-v=9): no environment credential; secrets only in the engine's own RPC traces", async () => {
        // Pulumi's engine traces every provider RPC payload at -v>=7, secrets decrypted (its docs
        // warn that verbose logs may hold secrets), secret config (Configure) included. Our code must
        // add nothing to that: no environment credential anywhere, and no secret outside those lines.
        env.endpoint.setFaults({ rules: [{ operation: "CreateModel", times: 1, error: { code: "ValidationException", status: 400, message: `bad '${ENV_SECRETS.token}'` } }] });
        const failed = await stack.run(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9"]);
        env.endpoint.setFaults({});
        const up = await stack.run(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9"]);
        const destroy = await stack.run(["destroy", "--yes", "--skip-preview", "--logtostderr", "-v=9"]);
        assert.notEqual(failed.code, 0);
        assert.equal(up.code, 0, up.output);
        assert.equal(destroy.code, 0, destroy.output);
        const lines = [failed, up, destroy].flatMap((r) => r.output.split("\n"));
        assert.deepEqual(lines.filter((l) => leaks(l, ENV_CREDENTIALS).length > 0), [], "an environment credential in the verbose logs");
        const engineTrace = /"msg":"(eventSink::Debug\(<\{%reset%\}>)?((Un)?[Mm]arshaling property for RPC|RegisterResource RPC finished)/;
        const withSecret = lines.filter((l) => leaks(l, { ...ENV_SECRETS, ...CONFIG_SECRET }).length > 0);
        const outsideTraces = withSecret.filter((l) => !engineTrace.test(l));
        assert.deepEqual(outsideTraces, [], "a secret outside the engine's RPC traces");
        assert.ok(failed.output.includes("bad '[secret]'"), "the provider's error is scrubbed at -v=9 too");
        console.log(`      [secrets] -v=9 logs of a failed up, an up and a destroy: ${lines.length} lines, environment credentials: 0, ` +
            `lines with an Environment secret or secret config: ${withSecret.length}, all engine RPC traces (Marshaling/Unmarshaling property for RPC)`);
    });

    it("the backend directory (checkpoints, history, backups) holds no Environment secret, env credential or secret config in clear", () => {
        const found = filesUnder(stack.backendDir)
            .map(({ file, text }) => ({ file: path.relative(stack.backendDir, file), leaked: leaks(text, STATE_NEVER) }))
            .filter((f) => f.leaked.length > 0);
        assert.deepEqual(found, []);
        console.log(`      [secrets] ${transcript.length} CLI runs checked (${transcript.map((t) => t.command.split(" ").slice(1, 2)[0]).join(", ")}), ` +
            `${transcript.reduce((n, t) => n + t.result.output.length, 0)} characters of output, no secret or credential printed`);
    });
});
