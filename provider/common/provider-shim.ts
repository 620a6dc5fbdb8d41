import type * as pulumi from "@pulumi/pulumi";
import type { Lifecycle, ResourceKind } from "./lifecycle";
import type { ProviderSettings } from "./settings";

/**
 * The object Pulumi serializes into every resource's state. It holds only the resource kind and,
 * once `configure` ran in the provider process, the region/profile/endpoint settings. All logic is
 * required by package name inside the methods (see docs/ARCHITECTURE.md), never captured.
 */
export class SageMakerProvider implements pulumi.dynamic.ResourceProvider {
    settings: ProviderSettings = {};

    constructor(readonly kind: ResourceKind) {}

    async configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
        const { settingsFromConfig } = require("pulumi-sagemaker/dist/provider/common/settings");
        this.settings = settingsFromConfig(req.config);
    }

    lifecycle(): Lifecycle {
        return require("pulumi-sagemaker/dist/provider/runtime").lifecycles[this.kind];
    }

    check(olds: Record<string, unknown>, news: Record<string, unknown>) {
        return this.lifecycle().check(this.settings, olds, news);
    }

    diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
        return this.lifecycle().diff(this.settings, id, olds, news);
    }

    create(inputs: Record<string, unknown>) {
        return this.lifecycle().create(this.settings, inputs);
    }

    read(id: string, props?: Record<string, unknown>) {
        return this.lifecycle().read(this.settings, id, props);
    }

    update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
        return this.lifecycle().update(this.settings, id, olds, news);
    }

    delete(id: string, props: Record<string, unknown>) {
        return this.lifecycle().delete(this.settings, id, props);
    }
}
