// What the registry lookups take and return. Arguments that filter on an API member keep its
// PascalCase name (ModelApprovalStatus, CreationTimeAfter, ...); our own settings are camelCase.
import type * as pulumi from "@pulumi/pulumi";
import type { ModelApprovalStatus, ModelPackageStatus } from "../common/sdk-shapes";
import type { DeepInput } from "../common/deep-input";
import type { ProviderSettings } from "../common/settings";

/** The group a lookup reads. */
export interface GroupArgs {
    /** The model package group's name or ARN. */
    ModelPackageGroupName: string;
    /** The group's region; default: the stack's `aws:region`, then AWS_REGION / AWS_DEFAULT_REGION, then the SDK's chain. */
    region?: string;
}

/** Filters on a group's versions; every filter given must hold. */
export interface VersionFilters {
    /** Server-side (ListModelPackages). `getLatestModelPackageVersion` defaults to `Approved`; the listing to any. */
    ModelApprovalStatus?: ModelApprovalStatus;
    /** Server-side: only versions created after this time (a Date or an ISO 8601 string). */
    CreationTimeAfter?: Date | string;
    /** Server-side: only versions created before this time. */
    CreationTimeBefore?: Date | string;
    /**
     * From the listing (no extra call): `getLatestModelPackageVersion` defaults to `Completed` (a model
     * can only be created from a Completed package); the listing to `"Any"`.
     */
    ModelPackageStatus?: ModelPackageStatus | "Any";
    /**
     * Each key must have exactly this value in the version's CustomerMetadataProperties. ListModelPackages
     * does not return metadata, so this costs one DescribeModelPackage per version examined.
     */
    CustomerMetadataProperties?: Record<string, string>;
    /**
     * The version's lifecycle stage: each field given must equal ModelLifeCycle's (Stage, e.g. "Production";
     * StageStatus, e.g. "Approved"). From the listing (ListModelPackages returns ModelLifeCycle): no extra call.
     */
    ModelLifeCycle?: { Stage?: string; StageStatus?: string };
    /** ListModelPackages page size (its MaxResults), 1 to 100; default 100, the API's maximum. */
    pageSize?: number;
}

export interface GetLatestModelPackageVersionArgs extends GroupArgs, VersionFilters {}

export interface GetModelPackageVersionArgs extends GroupArgs {
    /** The version number (ModelPackageVersion), from 1. */
    ModelPackageVersion: number;
}

export interface GetModelPackageVersionsArgs extends GroupArgs, VersionFilters {}

/** A version as ListModelPackages reports it. Times are ISO 8601 strings. */
export interface ModelPackageVersionSummary {
    /** ModelPackageArn: use it as a Model container's ModelPackageName. */
    arn: string;
    groupName: string;
    version: number;
    approvalStatus: ModelApprovalStatus;
    /** ModelPackageStatus. */
    status: ModelPackageStatus;
    creationTime: string;
    description?: string;
    /** ModelLifeCycle: the version's stage and stage status, when it has one. */
    lifeCycle?: { stage: string; stageStatus: string; stageDescription?: string };
    /** The region the lookup read. */
    region: string;
}

/** A version as DescribeModelPackage reports it. */
export interface ModelPackageVersionDetails extends ModelPackageVersionSummary {
    /** CustomerMetadataProperties; `{}` when the version has none. */
    customerMetadata: Record<string, string>;
    approvalDescription?: string;
    lastModifiedTime?: string;
}

/** How the lookups reach SageMaker (the analogue of a `get*` function's provider option). */
export interface LookupOptions {
    /**
     * Use these instead of the stack config (`aws:region`, `aws:profile`, `sagemaker:endpoint`,
     * `sagemaker:maxAttempts`, `sagemaker:retryBaseDelayMs`, `sagemaker:maxRequestsPerSecond`):
     * for scripts that run outside a program.
     */
    settings?: Omit<ProviderSettings, "configError">;
}

export interface LookupOutputOptions extends LookupOptions {
    /**
     * Resources to wait for, e.g. a ModelPackage this stack registers: the lookup runs once each
     * is created or updated, and during preview its result is unknown while one of them is.
     */
    dependsOn?: pulumi.Input<pulumi.Resource> | pulumi.Input<pulumi.Input<pulumi.Resource>[]>;
}

/** The output forms take every argument as a Pulumi Input, at any depth (optional ones stay optional). */
export type LookupInputs<T> = { [K in keyof T]: DeepInput<T[K]> };
