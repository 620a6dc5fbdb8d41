// Public surface of pulumi-sagemaker. Type-only imports of the SDK keep program start-up light.

// Model (provider/model)
export { Model, modelProvider } from "./model/resource";
export type { ModelArgs } from "./model/resource";

export type { DeepInput, DeepInputs } from "./common/deep-input";
export type { ProviderSettings } from "./common/settings";

// ModelPackage and ModelPackageGroup (provider/model-package)
export { ModelPackage, modelPackageProvider } from "./model-package/resource";
export type { ModelPackageArgs } from "./model-package/resource";
export { ModelPackageGroup, modelPackageGroupProvider } from "./model-package-group/resource";
export type { ModelPackageGroupArgs } from "./model-package-group/resource";

// Model registry lookups (provider/registry): the latest approved version, a version, a group's versions
export {
    getLatestModelPackageVersion, getLatestModelPackageVersionOutput, getModelPackageVersion, getModelPackageVersionOutput,
    getModelPackageVersions, getModelPackageVersionsOutput, RegistryLookupError,
} from "./registry";
export type {
    GetLatestModelPackageVersionArgs, GetModelPackageVersionArgs, GetModelPackageVersionsArgs, GroupArgs, LookupFailure, LookupInputs,
    LookupName, LookupOptions, LookupOutputOptions, ModelPackageVersionDetails, ModelPackageVersionSummary, VersionFilters,
} from "./registry";
