import type { ProviderSettings } from "./settings";

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
