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
    /** `sagemaker:retryBaseDelayMs`: first backoff delay; doubles per retry (with full jitter). */
    retryBaseDelayMs?: number;
}

/** The config keys a provider reads, in one place for docs and tests. */
export const CONFIG_KEYS = {
    region: "aws:region",
    profile: "aws:profile",
    endpoint: "sagemaker:endpoint",
    maxAttempts: "sagemaker:maxAttempts",
    retryBaseDelayMs: "sagemaker:retryBaseDelayMs",
} as const;

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/;

interface ConfigReader {
    get(key: string): string | undefined;
}

/**
 * Builds settings from the stack config and rejects malformed values here, at `configure` time,
 * so a typo in `aws:region` fails the preview with a message instead of a DNS error mid-deploy.
 */
export function settingsFromConfig(config: ConfigReader): ProviderSettings {
    const settings: ProviderSettings = {};
    const region = config.get(CONFIG_KEYS.region);
    if (region !== undefined && region !== "") {
        assertRegion(region, `stack config "${CONFIG_KEYS.region}"`);
        settings.region = region;
    }
    const profile = config.get(CONFIG_KEYS.profile);
    if (profile !== undefined && profile !== "") {
        if (!/^[\w.+@-]+$/.test(profile)) {
            throw new Error(`stack config "${CONFIG_KEYS.profile}" is not a valid profile name: ` +
                `use the name of a section of ~/.aws/config (letters, digits, . _ - + @).`);
        }
        settings.profile = profile;
    }
    const endpoint = config.get(CONFIG_KEYS.endpoint);
    if (endpoint !== undefined && endpoint !== "") {
        assertEndpoint(endpoint, `stack config "${CONFIG_KEYS.endpoint}"`);
        settings.endpoint = endpoint;
    }
    const maxAttempts = config.get(CONFIG_KEYS.maxAttempts);
    if (maxAttempts !== undefined && maxAttempts !== "") {
        settings.maxAttempts = positiveInteger(maxAttempts, CONFIG_KEYS.maxAttempts, 1, 20);
    }
    const delay = config.get(CONFIG_KEYS.retryBaseDelayMs);
    if (delay !== undefined && delay !== "") {
        settings.retryBaseDelayMs = positiveInteger(delay, CONFIG_KEYS.retryBaseDelayMs, 0, 60_000);
    }
    return settings;
}

export function assertRegion(region: string, where: string): void {
    if (!REGION_PATTERN.test(region)) {
        throw new Error(`${where} is "${region}", which is not an AWS region name: ` +
            `use a region code such as "us-east-1" or "eu-west-2".`);
    }
}

export function assertEndpoint(endpoint: string, where: string): void {
    let url: URL;
    try {
        url = new URL(endpoint);
    } catch {
        throw new Error(`${where} is not a URL: use e.g. "http://127.0.0.1:4599" or ` +
            `"https://api.sagemaker.us-east-1.amazonaws.com".`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`${where} must use http or https, not "${url.protocol}".`);
    }
}

function positiveInteger(text: string, key: string, min: number, max: number): number {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max) {
        throw new Error(`stack config "${key}" is "${text}": use a whole number from ${min} to ${max}.`);
    }
    return n;
}
