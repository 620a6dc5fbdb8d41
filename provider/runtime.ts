import type { Lifecycle, ResourceKind } from "./common/lifecycle";
import { withDeploymentRegion } from "./common/region";

/**
 * Loaded by serialized providers as `require("pulumi-sagemaker/dist/provider/runtime")`.
 * Each lifecycle module is required lazily so a provider process loads only what it uses.
 */
export const lifecycles: Record<ResourceKind, Lifecycle> = {
    get Model(): Lifecycle {
        return recordingRegion(require("./model/lifecycle").modelLifecycle);
    },
    get ModelPackage(): Lifecycle {
        return recordingRegion(require("./model-package/package-lifecycle").modelPackageLifecycle);
    },
    get ModelPackageGroup(): Lifecycle {
        return recordingRegion(require("./model-package/group-lifecycle").modelPackageGroupLifecycle);
    },
};

/** Every kind's `check` records the deployment region in its inputs (see withDeploymentRegion). */
function recordingRegion(lifecycle: Lifecycle): Lifecycle {
    return {
        ...lifecycle,
        async check(settings, olds, news) {
            const result = await lifecycle.check(settings, olds, news);
            return result.inputs === undefined ? result : { ...result, inputs: withDeploymentRegion(settings, result.inputs) };
        },
    };
}
