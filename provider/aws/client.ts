import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { effectiveRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { addPacing } from "./pacing";
import { createRetryStrategy } from "./retry";
import { addTransportErrors } from "./transport";

/** The SageMaker SDK, required at call time so that loading a module never loads the SDK. */
export function sdk(): typeof import("@aws-sdk/client-sagemaker") {
    return require("@aws-sdk/client-sagemaker");
}

/**
 * The one place SageMaker clients are made. Region: the resource's own `region`, else the stack's
 * `aws:region`, else the environment and the SDK's default chain. Endpoint: `sagemaker:endpoint`,
 * else the SDK reads AWS_ENDPOINT_URL_SAGEMAKER itself. Credentials: always the SDK's default chain
 * (optionally for `aws:profile`), resolved at call time and never stored. Pacing
 * (`sagemaker:maxRequestsPerSecond`, pacing.ts) is one token bucket per cached client.
 */
export function createSageMakerClient(settings: ProviderSettings, resourceRegion?: string): SageMakerClient {
    const { SageMakerClient } = sdk();
    const region = effectiveRegion(settings, resourceRegion);
    const key = cacheKey(settings, region);
    const cached = clients.get(key);
    if (cached) {
        return cached;
    }
    const client = new SageMakerClient({
        ...(region ? { region } : {}),
        ...(settings.profile ? { profile: settings.profile } : {}),
        ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
        retryStrategy: createRetryStrategy(settings.maxAttempts, settings.retryBaseDelayMs),
    });
    addTransportErrors(client);
    if (settings.maxRequestsPerSecond !== undefined) {
        addPacing(client.middlewareStack, settings.maxRequestsPerSecond);
    }
    clients.set(key, client);
    return client;
}

/** One client per (region, profile, endpoint, retry, pacing) per provider process: connection reuse. */
const clients = new Map<string, SageMakerClient>();

function cacheKey(settings: ProviderSettings, region: string | undefined): string {
    return JSON.stringify([region, settings.profile, settings.endpoint, settings.maxAttempts, settings.retryBaseDelayMs, settings.maxRequestsPerSecond]);
}

/** The region a client will actually use, for ARNs and outputs. */
export async function clientRegion(client: SageMakerClient): Promise<string> {
    return client.config.region();
}
