/**
 * Which ModelPackage members do what. One table, read by check, diff, update and read, and
 * mirrored in docs/MODEL-PACKAGE.md.
 */

/** Every member of CreateModelPackageInput (@aws-sdk/client-sagemaker 3.1142.0), in SDK order. */
export const CREATE_MEMBERS = [
    "ModelPackageName", "ModelPackageGroupName", "ModelPackageDescription", "ModelPackageRegistrationType",
    "InferenceSpecification", "ValidationSpecification", "SourceAlgorithmSpecification", "CertifyForMarketplace",
    "Tags", "ModelApprovalStatus", "MetadataProperties", "ModelMetrics", "ClientToken", "Domain", "Task",
    "SamplePayloadUrl", "CustomerMetadataProperties", "DriftCheckBaselines", "AdditionalInferenceSpecifications",
    "SkipModelValidation", "SourceUri", "SecurityConfig", "ModelCard", "ModelLifeCycle", "ManagedStorageType",
] as const;

export type CreateMember = typeof CREATE_MEMBERS[number];

/** Members UpdateModelPackage sets as given (a new value replaces the old one in place). */
export const UPDATE_IN_PLACE = [
    "ModelApprovalStatus", "ApprovalDescription", "ModelPackageRegistrationType", "InferenceSpecification",
    "SourceUri", "ModelCard", "ModelLifeCycle",
] as const;

/**
 * Members with their own update rule: CustomerMetadataProperties (changed keys set, removed keys
 * go to CustomerMetadataPropertiesToRemove), AdditionalInferenceSpecifications (appending goes to
 * AdditionalInferenceSpecificationsToAdd; changing or removing one replaces), Tags (AddTags/DeleteTags).
 */
export const UPDATE_SPECIAL = ["CustomerMetadataProperties", "AdditionalInferenceSpecifications", "Tags"] as const;

/** Not sent to CreateModelPackage but accepted by UpdateModelPackage, so it is an input too. */
export const EXTRA_API_MEMBERS = ["ApprovalDescription"] as const;

/** Ours, camelCase, never sent to AWS. */
export const OWN_SETTINGS = ["region", "statusTimeoutMinutes"] as const;

/** Members that never cause a diff: the token only matters for the create call itself. */
export const NO_DIFF = ["ClientToken", "statusTimeoutMinutes", "__provider"] as const;

/** Everything else in CreateModelPackageInput replaces the package when it changes. */
export const REPLACE_MEMBERS: readonly string[] = CREATE_MEMBERS.filter((m) =>
    !(UPDATE_IN_PLACE as readonly string[]).includes(m) &&
    !(UPDATE_SPECIAL as readonly string[]).includes(m) &&
    !(NO_DIFF as readonly string[]).includes(m));

/** Outputs we compute (camelCase), on top of the inputs. */
export const COMPUTED_OUTPUTS = ["arn", "name", "version", "status", "statusDetails", "creationTime", "region"] as const;

export const DEFAULT_STATUS_TIMEOUT_MINUTES = 30;
