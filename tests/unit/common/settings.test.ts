import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { configuredSettings, settingsFromConfig } from "../../../provider/common/settings";
import { lifecycles } from "../../../provider/runtime";
import { validInputs } from "../model/fixtures";
import { withEnv } from "../../helpers/env";

const reader = (config: Record<string, string>) => ({ get: (k: string) => config[k] });

/** Runs `fn` with the shared AWS files pointed at a temporary directory holding `files`. */
function withAwsFiles<T>(files: { config?: string; credentials?: string }, fn: (dir: string) => T): T {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-files-"));
    const config = path.join(dir, "config");
    const credentials = path.join(dir, "credentials");
    if (files.config !== undefined) fs.writeFileSync(config, files.config);
    if (files.credentials !== undefined) fs.writeFileSync(credentials, files.credentials);
    try {
        return withEnv({ AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials }, () => fn(dir));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The message settingsFromConfig throws for `config`. */
function errorOf(config: Record<string, string>): string {
    try {
        settingsFromConfig(reader(config));
    } catch (err) {
        return (err as Error).message;
    }
    assert.fail(`no error for ${JSON.stringify(config)}`);
}

describe("stack config validation (settingsFromConfig)", () => {
    it("accepts a well-formed config", () => {
        withAwsFiles({ config: "[default]\nregion = us-east-1\n[profile ml]\nregion = eu-west-1\n", credentials: "[ci]\naws_access_key_id = x\n" }, () => {
            assert.deepEqual(settingsFromConfig(reader({
                "aws:region": "eu-west-1", "aws:profile": "ml", "sagemaker:endpoint": "http://127.0.0.1:4599",
                "sagemaker:maxAttempts": "5", "sagemaker:retryBaseDelayMs": "50",
            })), { region: "eu-west-1", profile: "ml", endpoint: "http://127.0.0.1:4599", maxAttempts: 5, retryBaseDelayMs: 50 });
            assert.equal(settingsFromConfig(reader({ "aws:profile": "ci" })).profile, "ci", "a profile of the credentials file");
            assert.equal(settingsFromConfig(reader({ "aws:profile": "default" })).profile, "default");
        });
    });

    it("every message names the key, the bad value and the fix", () => {
        withAwsFiles({ config: "[profile ml]\n" }, (dir) => {
            const cases: [Record<string, string>, RegExp][] = [
                [{ "aws:region": "us-east-one" }, /stack config "aws:region" is "us-east-one", which is not an AWS region name: .*pulumi config set aws:region us-east-1/],
                [{ "aws:profile": "my profile!" }, /stack config "aws:profile" is "my profile!", which is not a profile name .*pulumi config set aws:profile NAME.*pulumi config rm aws:profile/],
                [{ "aws:profile": "nosuch" }, new RegExp(`stack config "aws:profile" is "nosuch", but no profile of that name is in ${dir}/config or ${dir}/credentials: create it \\(aws configure --profile nosuch\\)`)],
                [{ "sagemaker:endpoint": "not a url" }, /stack config "sagemaker:endpoint" is "not a url", which is not a URL: use a full http\(s\) URL .*pulumi config rm sagemaker:endpoint/],
                [{ "sagemaker:endpoint": "localhost:4599" }, /stack config "sagemaker:endpoint" is "localhost:4599", which is not an http or https URL/],
                [{ "sagemaker:endpoint": "ftp://example.com" }, /is "ftp:\/\/example.com", which is not an http or https URL/],
                [{ "sagemaker:maxAttempts": "lots" }, /stack config "sagemaker:maxAttempts" is "lots", which is not a whole number from 1 to 20: /],
            ];
            for (const [config, expected] of cases) {
                assert.match(errorOf(config), expected);
            }
            // A profile only in [profile X] form counts in the config file, not a bare [X] there.
            assert.match(errorOf({ "aws:profile": "bare" }), /no profile of that name/);
        });
    });

    it("configuredSettings never throws: a malformed config becomes configError", () => {
        const settings = configuredSettings(reader({ "aws:region": "mars-1" }));
        assert.deepEqual(Object.keys(settings), ["configError"]);
        assert.match(settings.configError!, /"aws:region" is "mars-1"/);
    });

    it("with a malformed config, every check fails with the message and every other call throws it", async () => {
        const settings = configuredSettings(reader({ "aws:region": "mars-1" }));
        for (const kind of ["Model", "ModelPackage", "ModelPackageGroup"] as const) {
            const result = await lifecycles[kind].check(settings, {}, validInputs());
            assert.deepEqual(result.failures, [{ property: "", reason: settings.configError }]);
        }
        const lifecycle = lifecycles.Model;
        for (const call of [
            () => lifecycle.diff(settings, "m", {}, {}), () => lifecycle.create(settings, {}), () => lifecycle.read(settings, "m", {}),
            () => lifecycle.update(settings, "m", {}, {}), () => lifecycle.delete(settings, "m", {}),
        ]) {
            await assert.rejects(async () => call(), (err: Error) => err.message === settings.configError && err.stack === "");
        }
    });
});
