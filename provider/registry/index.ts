// Model registry lookups, like Pulumi's `get*` data sources: promise and output forms.
export { getLatestModelPackageVersion, getModelPackageVersion, getModelPackageVersions } from "./lookups";
export { getLatestModelPackageVersionOutput, getModelPackageVersionOutput, getModelPackageVersionsOutput } from "./outputs";
export { RegistryLookupError } from "./errors";
export type { LookupFailure, LookupName } from "./errors";
export type * from "./types";
