import type { Lifecycle, ResourceKind } from "./common/lifecycle";

/**
 * Loaded by serialized providers as `require("pulumi-sagemaker/dist/provider/runtime")`.
 * Each lifecycle module is required lazily so a provider process loads only what it uses.
 */
export const lifecycles: Record<ResourceKind, Lifecycle> = {
    get Model(): Lifecycle {
        return require("./model/lifecycle").modelLifecycle;
    },
    get ModelPackage(): Lifecycle {
        return require("./model-package/package-lifecycle").modelPackageLifecycle;
    },
    get ModelPackageGroup(): Lifecycle {
        return require("./model-package/group-lifecycle").modelPackageGroupLifecycle;
    },
};
