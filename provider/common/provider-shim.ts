import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./lifecycle";
import type { ProviderSettings } from "./settings";

/**
 * The object Pulumi serializes into every resource's state (`__provider`), twice (inputs and
 * outputs), so its size is paid per resource on every checkpoint write. It holds the resource kind
 * and one method: `configure`, which the dynamic-provider host always calls first, once per
 * provider process, on its deserialized copy. `configure` reads the stack settings and installs
 * check/diff/create/read/update/delete on that copy, implemented in the installed package
 * (`require`d by name inside the method; see docs/ARCHITECTURE.md). Nothing else is captured: no
 * SDK, no logic, no credentials. ~0.6 KB per copy, against ~2.5 KB with seven forwarding methods.
 */
export interface SageMakerProvider extends pulumi.dynamic.ResourceProvider {
    readonly kind: ResourceKind;
    /** Set by `configure` in the provider process: region, profile, endpoint (never a credential). */
    settings?: ProviderSettings;
    configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
}

/** The one provider object of a kind: a module-level singleton in provider/<kind>/resource.ts. */
export function providerFor(kind: ResourceKind): SageMakerProvider {
    return {
        kind,
        async configure(req: pulumi.dynamic.ConfigureRequest) {
            require("pulumi-sagemaker/dist/provider/runtime").configure(this, req);
        },
    } as SageMakerProvider;
}
