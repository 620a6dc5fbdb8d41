import type * as pulumi from "@pulumi/pulumi";
import type { Lifecycle, ResourceKind } from "./common/lifecycle";
import { configuredSettings, type ProviderSettings } from "./common/settings";
import { dropHostEchoes, echoQuiet } from "./common/host-echo";
import type { KindSpec } from "./engine/kind";

/**
 * Loaded by serialized providers as `require("pulumi-sagemaker/dist/provider/runtime")`, in the
 * dynamic-provider host process. Each kind's spec (and with it the SDK) is loaded lazily, so a
 * provider process loads only what it uses.
 */
const specs: Record<ResourceKind, () => KindSpec> = {
    Model: () => require("./model/spec").modelSpec,
    ModelPackage: () => require("./model-package/spec").modelPackageSpec,
    ModelPackageGroup: () => require("./model-package-group/spec").modelPackageGroupSpec,
};

const cache = new Map<ResourceKind, Lifecycle>();

function lifecycleFor(kind: ResourceKind): Lifecycle {
    let lifecycle = cache.get(kind);
    if (!lifecycle) {
        lifecycle = (require("./engine/lifecycle") as typeof import("./engine/lifecycle")).lifecycleOf(specs[kind]());
        cache.set(kind, lifecycle);
    }
    return lifecycle;
}

/** Every kind's lifecycle, by kind (also what providers serialized by earlier versions call). */
export const lifecycles: Record<ResourceKind, Lifecycle> = {
    get Model() {
        return lifecycleFor("Model");
    },
    get ModelPackage() {
        return lifecycleFor("ModelPackage");
    },
    get ModelPackageGroup() {
        return lifecycleFor("ModelPackageGroup");
    },
};

type Props = Record<string, unknown>;

/** The methods `configure` installs on the deserialized provider. */
export interface ProviderMethods {
    check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult>;
    create(inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult>;
    update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(id: string, props: Props): Promise<void>;
}

/** The provider's methods for one kind with the settings `configure` read. */
export function methodsFor(kind: ResourceKind, settings: ProviderSettings): ProviderMethods {
    const lifecycle = () => lifecycleFor(kind);
    return {
        check: (olds, news) => lifecycle().check(settings, olds, news),
        diff: (id, olds, news) => lifecycle().diff(settings, id, olds, news),
        create: (inputs) => lifecycle().create(settings, inputs),
        read: (id, props) => lifecycle().read(settings, id, props),
        update: (id, olds, news) => lifecycle().update(settings, id, olds, news),
        delete: (id, props) => lifecycle().delete(settings, id, props),
    };
}

/**
 * What the serialized provider's `configure` calls: reads the stack settings (never throws: a
 * malformed config becomes `settings.configError`, reported by every check, because the host
 * caches the provider before configure and a throw would leave later calls unconfigured) and
 * installs the methods on this deserialized copy.
 */
export function configure(provider: { kind: ResourceKind; settings?: ProviderSettings }, req: pulumi.dynamic.ConfigureRequest): void {
    const settings = configuredSettings(req.config);
    provider.settings = settings;
    // Only the dynamic face: the host echoes a failed check/diff/read/delete to stderr (common/host-echo.ts).
    dropHostEchoes();
    const methods = methodsFor(provider.kind, settings);
    Object.assign(provider, Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, echoQuiet(method as (...a: unknown[]) => Promise<unknown>)])));
}
