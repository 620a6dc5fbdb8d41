import * as pulumi from "@pulumi/pulumi";
import type { SageMakerProvider } from "../../provider/common/provider-shim";
import type { ProviderMethods } from "../../provider/runtime";

/** A provider as the dynamic-provider host holds it: deserialized from its state text, then configured. */
export type HostedProvider = SageMakerProvider & ProviderMethods;

/**
 * Serializes a provider singleton exactly as `new dynamic.Resource` does, loads the text the way
 * the dynamic-provider host does (`require-from-string`, `.handler()`), and calls `configure` with
 * the stack config: the methods the engine calls exist only after that, on that copy.
 */
export async function hostedProvider(provider: SageMakerProvider, config: Record<string, string>): Promise<HostedProvider & { text: string }> {
    const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    const requireFromString = require("require-from-string") as (code: string) => { handler(): HostedProvider };
    const hosted = requireFromString(text).handler();
    await hosted.configure({ config: { get: (k: string) => config[k] } } as pulumi.dynamic.ConfigureRequest);
    return Object.assign(hosted, { text });
}
