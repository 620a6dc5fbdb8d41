import type { Lifecycle, ResourceKind } from "./common/lifecycle";
import { withDeploymentRegion } from "./common/region";
import { StackConfigError, type ProviderSettings } from "./common/settings";

/**
 * Loaded by serialized providers as `require("pulumi-sagemaker/dist/provider/runtime")`.
 * Each lifecycle module is required lazily so a provider process loads only what it uses.
 */
export const lifecycles: Record<ResourceKind, Lifecycle> = {
    get Model(): Lifecycle {
        return wrapped(require("./model/lifecycle").modelLifecycle);
    },
    get ModelPackage(): Lifecycle {
        return wrapped(require("./model-package/package-lifecycle").modelPackageLifecycle);
    },
    get ModelPackageGroup(): Lifecycle {
        return wrapped(require("./model-package/group-lifecycle").modelPackageGroupLifecycle);
    },
};

/**
 * What every kind shares:
 * - a malformed stack config (settings.configError, see configuredSettings) fails every `check`
 *   with its message, so `pulumi preview` stops there with a plain diagnostic and creates nothing;
 *   every other call (refresh's read, destroy's delete) throws it;
 * - `check` records the deployment region in its inputs (see withDeploymentRegion).
 */
export function wrapped(lifecycle: Lifecycle): Lifecycle {
    const guard = (settings: ProviderSettings): void => {
        if (settings.configError !== undefined) {
            throw new StackConfigError(settings.configError);
        }
    };
    return {
        async check(settings, olds, news) {
            if (settings.configError !== undefined) {
                return { inputs: news, failures: [{ property: "", reason: settings.configError }] };
            }
            const result = await lifecycle.check(settings, olds, news);
            return result.inputs === undefined ? result : { ...result, inputs: withDeploymentRegion(settings, result.inputs) };
        },
        diff: async (settings, ...args) => (guard(settings), lifecycle.diff(settings, ...args)),
        create: async (settings, ...args) => (guard(settings), lifecycle.create(settings, ...args)),
        read: async (settings, ...args) => (guard(settings), lifecycle.read(settings, ...args)),
        update: async (settings, ...args) => (guard(settings), lifecycle.update(settings, ...args)),
        delete: async (settings, ...args) => (guard(settings), lifecycle.delete(settings, ...args)),
    };
}
