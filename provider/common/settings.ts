import { isRegionName } from "../identity/region";

/**
 * What a provider knows about where to send requests. Read from the stack config in `configure`
 * and kept on the provider object; never holds a credential (credentials come from the SDK's
 * default chain at call time, so they never reach the serialized provider or the state).
 */
export interface ProviderSettings {
    /** `aws:region` from the stack config. */
    region?: string;
    /** `aws:profile` from the stack config. */
    profile?: string;
    /** `sagemaker:endpoint` from the stack config (else AWS_ENDPOINT_URL_SAGEMAKER, read by the SDK). */
    endpoint?: string;
    /** `sagemaker:maxAttempts`: total attempts per API call, retries included. */
    maxAttempts?: number;
    /** `sagemaker:retryBaseDelayMs`: base delay of the SDK's exponential backoff with jitter. */
    retryBaseDelayMs?: number;
    /** `sagemaker:maxRequestsPerSecond`: opt-in pacing of every call of the process (aws/pacing.ts). */
    maxRequestsPerSecond?: number;
    /** `sagemaker:validation`: `error` (default) fails check() on shape failures, `warn` only warns (provider/shapes/validation-mode.ts). */
    validation?: "error" | "warn";
    /**
     * Set instead of all the above when the stack config is malformed: every `check` then fails
     * with this message (so `pulumi preview` stops with it) and every other call throws it.
     */
    configError?: string;
}

/** The config keys a provider reads, in one place for docs and tests. */
export const CONFIG_KEYS = {
    region: "aws:region",
    profile: "aws:profile",
    endpoint: "sagemaker:endpoint",
    maxAttempts: "sagemaker:maxAttempts",
    retryBaseDelayMs: "sagemaker:retryBaseDelayMs",
    maxRequestsPerSecond: "sagemaker:maxRequestsPerSecond",
    validation: "sagemaker:validation",
} as const;


interface ConfigReader {
    get(key: string): string | undefined;
}

type Setting = Exclude<keyof ProviderSettings, "configError">;

/**
 * How each setting is read from its stack config text: the check that turns the text into the
 * setting, throwing a message that names the key, the value and the fix. In this order, so the
 * first malformed key is the one reported.
 */
const READERS: { [S in Setting]-?: (text: string, key: string) => ProviderSettings[S] } = {
    region: (text, key) => (assertRegion(text, `stack config "${key}"`), text),
    profile: (text) => (assertProfile(text), text),
    endpoint: (text, key) => (assertEndpoint(text, `stack config "${key}"`), text),
    maxAttempts: (text, key) => positiveInteger(text, key, 1, 20),
    retryBaseDelayMs: (text, key) => positiveInteger(text, key, 0, 60_000),
    maxRequestsPerSecond: (text, key) => numberInRange(text, key, 0.1, 1000, "requests per second"),
    validation: (text, key) => oneOf(text, key, ["error", "warn"] as const, "warn"),
};

/**
 * Builds settings from the stack config and rejects malformed values here, at `configure` time,
 * so a typo in `aws:region` fails the preview with a message instead of a DNS error mid-deploy.
 */
export function settingsFromConfig(config: ConfigReader): ProviderSettings {
    const settings: Record<string, unknown> = {};
    for (const [setting, read] of Object.entries(READERS) as [Setting, (text: string, key: string) => unknown][]) {
        const key = CONFIG_KEYS[setting];
        const text = config.get(key);
        if (text !== undefined && text !== "") {
            settings[setting] = read(text, key);
        }
    }
    return settings as ProviderSettings;
}

export function assertRegion(region: string, where: string): void {
    if (!isRegionName(region)) {
        throw new Error(`${where} is "${shown(region)}", which is not an AWS region name: ` +
            `use a region code such as "us-east-1" or "eu-west-2"` +
            (where.startsWith("stack config") ? ` (pulumi config set ${CONFIG_KEYS.region} us-east-1).` : "."));
    }
}

function assertEndpoint(endpoint: string, where: string): void {
    const fix = `use a full http(s) URL such as "http://127.0.0.1:4599" or ` +
        `"https://api.sagemaker.us-east-1.amazonaws.com" (pulumi config set ${CONFIG_KEYS.endpoint} URL), ` +
        `or remove it (pulumi config rm ${CONFIG_KEYS.endpoint}).`;
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new Error(`${where} is "${shown(endpoint)}", which is not a URL: ${fix}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        // "localhost:4599" parses as a URL with the scheme "localhost:".
        throw new Error(`${where} is "${shown(endpoint)}", which is not an http or https URL: ${fix}`);
    }
}

/**
 * `aws:profile` must be a profile name, and a profile the SDK can find: else every API call of the
 * deployment fails with "Could not resolve credentials" (with a profile set, the SDK ignores
 * AWS_ACCESS_KEY_ID), after the preview said all was well.
 */
function assertProfile(profile: string): void {
    const key = CONFIG_KEYS.profile;
    if (!/^[\w.+@-]+$/.test(profile)) {
        throw new Error(`stack config "${key}" is "${shown(profile)}", which is not a profile name (letters, digits, . _ - + @): ` +
            `use the name of a profile in ~/.aws/config (pulumi config set ${key} NAME), or remove it (pulumi config rm ${key}).`);
    }
    const files = sharedProfileFiles();
    if (!files.some((f) => f.profiles.includes(profile))) {
        throw new Error(`stack config "${key}" is "${profile}", but no profile of that name is in ` +
            `${files.map((f) => f.path).join(" or ")}: create it (aws configure --profile ${profile}), ` +
            `set an existing one (pulumi config set ${key} NAME), or remove it (pulumi config rm ${key}).`);
    }
}

/** Profile names in the shared config and credentials files (where the SDK looks, env overrides included). */
function sharedProfileFiles(): { path: string; profiles: string[] }[] {
    const fs: typeof import("fs") = require("fs");
    const os: typeof import("os") = require("os");
    const path: typeof import("path") = require("path");
    const home = process.env.HOME || process.env.USERPROFILE || os.homedir();
    const read = (file: string, configFile: boolean) => {
        let text = "";
        try {
            text = fs.readFileSync(file, "utf8");
        } catch {
            // a missing file holds no profiles
        }
        const profiles: string[] = [];
        for (const match of text.matchAll(/^\s*\[\s*([^\]]+?)\s*\]\s*$/gm)) {
            const section = match[1];
            // config: [default] and [profile NAME]; credentials: [NAME].
            const name = configFile ? (section === "default" ? section : /^profile\s+(.+)$/.exec(section)?.[1]) : section;
            if (name) {
                profiles.push(name.trim());
            }
        }
        return { path: file, profiles };
    };
    return [
        read(process.env.AWS_CONFIG_FILE || path.join(home, ".aws", "config"), true),
        read(process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, ".aws", "credentials"), false),
    ];
}

/** A config value as it goes into an error message: one line, at most 80 characters. */
function shown(value: string): string {
    const line = JSON.stringify(value).slice(1, -1);
    return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}

function positiveInteger(text: string, key: string, min: number, max: number): number {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
        throw new Error(`stack config "${key}" is "${shown(text)}", which is not a whole number from ${min} to ${max}: ` +
            `set one (pulumi config set ${key} N), or remove it (pulumi config rm ${key}).`);
    }
    return n;
}

function oneOf<T extends string>(text: string, key: string, values: readonly T[], example: T): T {
    if (!(values as readonly string[]).includes(text)) {
        throw new Error(`stack config "${key}" is "${shown(text)}", which is not ${values.map((v) => `"${v}"`).join(" or ")}: ` +
            `set one (pulumi config set ${key} ${example}), or remove it (pulumi config rm ${key}).`);
    }
    return text as T;
}

function numberInRange(text: string, key: string, min: number, max: number, unit: string): number {
    const n = Number(text);
    if (text.trim() === "" || !Number.isFinite(n) || n < min || n > max) {
        throw new Error(`stack config "${key}" is "${shown(text)}", which is not a number from ${min} to ${max} (${unit}): ` +
            `set one (pulumi config set ${key} N), or remove it (pulumi config rm ${key}).`);
    }
    return n;
}

/** `settingsFromConfig` for `configure`: a malformed config becomes `configError`, never a throw. */
export function configuredSettings(config: ConfigReader): ProviderSettings {
    try {
        return settingsFromConfig(config);
    } catch (err) {
        return { configError: err instanceof Error ? err.message : String(err) };
    }
}

/** The error every non-check call of a provider with a malformed stack config fails with. */
export class StackConfigError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackConfigError";
        // The dynamic-provider host prints `${err}: ${err.stack}`: keep that to the message.
        this.stack = "";
    }
}
