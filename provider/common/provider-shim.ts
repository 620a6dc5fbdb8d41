import type * as pulumi from "@pulumi/pulumi";
import type { Lifecycle, ResourceKind } from "./lifecycle";
import type { ProviderSettings } from "./settings";

type Props = Record<string, unknown>;

/**
 * The object Pulumi serializes into every resource's state. It holds only the resource kind and,
 * once `configure` ran in the provider process, the region/profile/endpoint settings. All logic is
 * required by package name inside the methods (see docs/ARCHITECTURE.md), never captured.
 */
export interface SageMakerProvider extends pulumi.dynamic.ResourceProvider {
    readonly kind: ResourceKind;
    settings: ProviderSettings;
    lifecycle(): Lifecycle;
    configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(id: string, props: Props): Promise<void>;
}

/*
 * The methods live on a plain object rather than a class: Pulumi serializes a class as a
 * prototype plus a constructor with one `Object.defineProperty` per method, which made the
 * serialized provider ~1.5 KB larger (over 4 KB, in every resource's state).
 */
const methods: Omit<SageMakerProvider, "kind" | "settings"> = {
    async configure(this: SageMakerProvider, req) {
        // Never throws: the host caches the provider before configure, so a throw here would
        // fail one call and leave later calls running unconfigured. See runtime.ts.
        this.settings = require("pulumi-sagemaker/dist/provider/common/settings").configuredSettings(req.config);
    },
    lifecycle(this: SageMakerProvider) {
        return require("pulumi-sagemaker/dist/provider/runtime").lifecycles[this.kind];
    },
    check(this: SageMakerProvider, olds, news) {
        return this.lifecycle().check(this.settings, olds, news);
    },
    diff(this: SageMakerProvider, id, olds, news) {
        return this.lifecycle().diff(this.settings, id, olds, news);
    },
    create(this: SageMakerProvider, inputs) {
        return this.lifecycle().create(this.settings, inputs);
    },
    read(this: SageMakerProvider, id, props) {
        return this.lifecycle().read(this.settings, id, props);
    },
    update(this: SageMakerProvider, id, olds, news) {
        return this.lifecycle().update(this.settings, id, olds, news);
    },
    delete(this: SageMakerProvider, id, props) {
        return this.lifecycle().delete(this.settings, id, props);
    },
};

/** `new SageMakerProvider(kind)`: one module-level singleton per resource kind. */
export const SageMakerProvider = function SageMakerProvider(kind: ResourceKind): SageMakerProvider {
    return { kind, settings: {}, ...methods };
} as unknown as new (kind: ResourceKind) => SageMakerProvider;
