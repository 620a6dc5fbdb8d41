// Where a resource deploys: its own region input, its provider's region, or the stack config key
// the provider falls back to. The one place the pack reads stack config.
import * as pulumi from "@pulumi/pulumi";
import { SageMakerResource, ResourceLike } from "../normalize";
import { asString, Maybe, read } from "../normalize/unknowns";

type RegionSource = "resource" | "provider" | "stack-config";

export interface RegionResolution {
    value: Maybe<string>;
    source?: RegionSource;
    /** Where to change it: the resource's region input, provider.region, or a stack config key. */
    path: string;
}

/** A region setting that is set: a known non-empty string, or unknown. "" is unset (Terraform and the SDK treat it so). */
function given(v: unknown): Maybe<string> {
    const s = asString(v);
    return s === "" ? undefined : s;
}

/**
 * Where a resource lives: its own region input, else its provider's `region`, else the stack
 * config key the provider falls back to, read with pulumi.Config (PULUMI_CONFIG). Pulumi (3.259 and
 * 3.276, checked) does not pass the stack config to Node.js policy packs (RunPlugin sets no
 * PULUMI_CONFIG and @pulumi/policy ignores ConfigureStack), so for our resources the provider's check
 * records the region in the `region` input (provider/common/region.ts); the config step is for engines that do.
 */
export function resourceRegion(resource: ResourceLike, ownKey: string | undefined, configKey: string): RegionResolution {
    if (ownKey) {
        const own = given(read(resource.props, ownKey, ownKey));
        if (own !== undefined) {
            return { value: own, source: "resource", path: ownKey };
        }
    }
    // Our dynamic provider (pulumi-nodejs) has no region of its own; skip it.
    const provider = resource.provider;
    if (provider && !provider.type.startsWith("pulumi:providers:pulumi-nodejs")) {
        const p = given(read(provider.props, "region", "provider.region"));
        if (p !== undefined) {
            return { value: p, source: "provider", path: "provider.region" };
        }
    }
    const [ns, key] = configKey.split(":");
    const fromConfig = new pulumi.Config(ns).get(key);
    if (fromConfig) {
        return { value: fromConfig, source: "stack-config", path: configKey };
    }
    return { value: undefined, path: ownKey ?? configKey };
}

export function deploymentRegion(resource: ResourceLike, view: SageMakerResource): RegionResolution {
    return resourceRegion(resource, view.dialect.region, view.dialect.regionConfigKey);
}
