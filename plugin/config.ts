/**
 * The provider's configuration (`sagemaker:region`, `sagemaker:endpoint`, ...) as the engine's
 * ProviderSettings. The engine sends it in CheckConfig / Configure, which the server of
 * `@pulumi/pulumi/provider` does not pass on; here it is read with the engine's own readers
 * (provider/common/settings.ts), so every key is checked exactly as the dynamic face checks its
 * stack config. Their messages name the dynamic face's keys (`aws:region`, `aws:profile`): the
 * plugin's are `sagemaker:*`, so the messages are reworded to name those.
 */
import { CONFIG_KEYS, configuredSettings, settingsFromConfig, type ProviderSettings } from "../provider/common/settings";

type Config = Record<string, unknown>;

/** The plugin's key for each setting: `sagemaker:<setting>` (the schema's config variables). */
export function pluginKey(setting: keyof typeof CONFIG_KEYS): string {
    return `sagemaker:${setting}`;
}

/** A reader of the engine's config keys over the provider's arguments (`{region: ..., endpoint: ...}`). */
function reader(args: Config) {
    return {
        get(key: string): string | undefined {
            const setting = (Object.keys(CONFIG_KEYS) as (keyof typeof CONFIG_KEYS)[]).find((s) => CONFIG_KEYS[s] === key);
            const value = setting === undefined ? undefined : args[setting];
            return value === undefined || value === null ? undefined : String(value);
        },
    };
}

/** The messages name the plugin's keys. */
export function reworded(message: string): string {
    let out = message;
    for (const [setting, key] of Object.entries(CONFIG_KEYS)) {
        out = out.split(key).join(pluginKey(setting as keyof typeof CONFIG_KEYS));
    }
    return out.replace(/stack config "sagemaker:/g, "provider config \"sagemaker:");
}

/**
 * The provider's arguments from a Configure request: `args` (the checked config) when the engine
 * sends it, else the `variables` map (`sagemaker:config:region` keys).
 */
export function providerArgs(args: Config | undefined, variables: Map<string, string> | [string, string][]): Config {
    if (args && Object.keys(args).length > 0) {
        return args;
    }
    const out: Config = {};
    for (const [key, value] of variables instanceof Map ? variables.entries() : variables) {
        const m = /^sagemaker:(?:config:)?(.+)$/.exec(key);
        if (m) {
            out[m[1]] = value;
        }
    }
    return out;
}

/** Settings for the lifecycle: a malformed config becomes `configError` (every check then fails with it). */
export function settingsOf(args: Config): ProviderSettings {
    const settings = configuredSettings(reader(args));
    return settings.configError === undefined ? settings : { configError: reworded(settings.configError) };
}

/** CheckConfig's failures: the first malformed key, by its schema name. */
export function configFailures(args: Config): { property: string; reason: string }[] {
    try {
        settingsFromConfig(reader(args));
        return [];
    } catch (err) {
        const message = reworded(err instanceof Error ? err.message : String(err));
        const key = /"sagemaker:(\w+)"/.exec(message)?.[1] ?? "";
        return [{ property: key, reason: message }];
    }
}
