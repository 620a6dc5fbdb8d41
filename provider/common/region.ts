import type { ProviderSettings } from "./settings";
import { isUnknown } from "./unknown";
import { isAbsent } from "./values";

type Props = Record<string, unknown>;

/** A resource's own `region` input, when it is set. */
export function ownRegion(props: Props | undefined): string | undefined {
    return typeof props?.region === "string" && props.region !== "" ? props.region : undefined;
}

/**
 * The region a resource lives in: its own `region`, else the stack's, else the environment's.
 * Undefined when only the SDK's default chain (e.g. a profile) knows it.
 */
export function effectiveRegion(settings: ProviderSettings, region: unknown): string | undefined {
    if (typeof region === "string" && region !== "") {
        return region;
    }
    return settings.region || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION || undefined;
}

/**
 * Check-time: when the resource sets no `region`, record the one it will be created in.
 *
 * Why: policy packs see the checked inputs, not the provider's configuration, and no Pulumi CLI
 * up to 3.276 gets the stack config (`aws:region`) to a Node.js policy pack: the engine sends it
 * in ConfigureStack, which @pulumi/policy <= 1.21.0 reads only the tags of (docs/ARCHITECTURE.md,
 * "The engine here"). Recording the region here lets `sagemaker-region-match` know where the
 * resource goes, makes the inputs say what the state holds, and turns a later `aws:region` change
 * into the replace it is. Unknown values and a region only the SDK's default chain knows (a
 * profile) are left as they are.
 */
export function withDeploymentRegion(settings: ProviderSettings, inputs: Props): Props {
    if (!isAbsent(inputs.region) && inputs.region !== "") {
        return inputs;
    }
    const region = effectiveRegion(settings, undefined);
    return region === undefined ? inputs : { ...inputs, region };
}

/** Where a resource's region was found, for messages. */
export type RegionSource = "resource" | "stack" | "environment" | "profile";

/**
 * The region the SDK will use for a resource, found the same way: its own `region`, the stack's
 * `aws:region`, AWS_REGION / AWS_DEFAULT_REGION, then the shared config file's profile
 * (`aws:profile`, else AWS_PROFILE, else `default`) through the SDK's own loader
 * (`loadConfig(NODE_REGION_CONFIG_OPTIONS)`, which also reads AWS_CONFIG_FILE). Undefined when
 * none has one; `unknown` when the resource's region is an output not known yet.
 */
export async function resolveRegion(settings: ProviderSettings, inputs: Props): Promise<{ region: string; source: RegionSource } | "unknown" | undefined> {
    if (isUnknown(inputs.region)) {
        return "unknown";
    }
    const own = ownRegion(inputs);
    if (own !== undefined) {
        return { region: own, source: "resource" };
    }
    if (settings.region) {
        return { region: settings.region, source: "stack" };
    }
    const env = process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
    if (env) {
        return { region: env, source: "environment" };
    }
    const config: typeof import("@smithy/core/config") = require("@smithy/core/config");
    try {
        const region = await config.loadConfig(config.NODE_REGION_CONFIG_OPTIONS, settings.profile ? { profile: settings.profile } : {})();
        return typeof region === "string" && region !== "" ? { region, source: "profile" } : undefined;
    } catch {
        return undefined;
    }
}
