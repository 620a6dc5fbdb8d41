import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./lifecycle";
import type { ProviderSettings } from "./settings";

/**
 * The provider object the dynamic-provider host runs: the resource kind and one method,
 * `configure`, which the host always calls first, once per provider process. `configure` reads the
 * stack settings and installs check/diff/create/read/update/delete on that object, implemented in
 * the installed package (`require`d by name inside the method; see docs/ARCHITECTURE.md). No SDK,
 * no logic, no credentials.
 */
export interface SageMakerProvider extends pulumi.dynamic.ResourceProvider {
    readonly kind: ResourceKind;
    /** Set by `configure` in the provider process: region, profile, endpoint (never a credential). */
    settings?: ProviderSettings;
    configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
}

/** A kind's provider object (a module-level singleton in provider/<kind>/resource.ts; a fresh one per host load). */
export function providerFor(kind: ResourceKind): SageMakerProvider {
    return {
        kind,
        async configure(req: pulumi.dynamic.ConfigureRequest) {
            require("pulumi-sagemaker/dist/provider/runtime").configure(this, req);
        },
    } as SageMakerProvider;
}

/**
 * What every resource stores as `__provider`, twice (inputs and outputs), so its size is paid per
 * resource on every checkpoint write. The host's protocol for it: a module text whose
 * `exports.handler()` returns the provider (it loads the text with `require-from-string`, calls
 * `handler()`, then `configure`). Closure serialization of the object above writes ~620 B of
 * wrappers around the same one `require`; this is that `require`, written once (~110 B).
 */
export function providerText(kind: ResourceKind): string {
    return `exports.handler = () => require("pulumi-sagemaker/dist/provider/common/provider-shim").providerFor(${JSON.stringify(kind)});\n`;
}
