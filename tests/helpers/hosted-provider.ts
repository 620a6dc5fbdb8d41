import type * as pulumi from "@pulumi/pulumi";
import { providerText, type SageMakerProvider } from "../../provider/common/provider-shim";
import type { ProviderMethods } from "../../provider/runtime";

/** A provider as the dynamic-provider host holds it: deserialized from its state text, then configured. */
export type HostedProvider = SageMakerProvider & ProviderMethods;

/**
 * Takes the `__provider` text a resource of the provider's kind stores (`providerText`), loads it
 * the way the dynamic-provider host does (`require-from-string`, `.handler()`), and calls
 * `configure` with the stack config: the methods the engine calls exist only after that, on that copy.
 */
export async function hostedProvider(provider: SageMakerProvider, config: Record<string, string>): Promise<HostedProvider & { text: string }> {
    const text = providerText(provider.kind);
    const requireFromString = require("require-from-string") as (code: string) => { handler(): HostedProvider };
    const hosted = requireFromString(text).handler();
    await hosted.configure({ config: { get: (k: string) => config[k] } } as pulumi.dynamic.ConfigureRequest);
    return Object.assign(hosted, { text });
}
