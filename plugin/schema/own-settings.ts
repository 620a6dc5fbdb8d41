/**
 * What the schema says about each kind's own (camelCase, never sent to AWS) settings and computed
 * outputs. The engine's specs name them (`spec.own`, `spec.computedOutputs`) but carry no types:
 * the generator fails when a spec names one that is not here, so a new setting cannot be left out
 * of the schema silently.
 */

import { INTERNAL_KEYS } from "../../provider/common/internal-keys";

export type SchemaType = Record<string, unknown>;

/** What the schema generator offers a table here: the schema type of an API model shape. */
export interface TypeSource {
    typeOf(shapeName: string): SchemaType;
}

/** Own settings the plugin fills in itself (from the URN): never in the schema. */
export const PLUGIN_FILLED: readonly string[] = Object.values(INTERNAL_KEYS);

export const OWN_SETTINGS: Record<string, (kind: string) => SchemaType> = {
    region: () => ({
        type: "string",
        description: "The AWS region the resource lives in; default: the provider's `sagemaker:region`, then `AWS_REGION` / `AWS_DEFAULT_REGION`. A change creates the resource anew in the other region.",
    }),
    adopt: (kind) => kind === "ModelPackage"
        ? {
            oneOf: [{ type: "boolean" }, { type: "integer" }],
            description: "Bring an existing package under management instead of creating one: `true` for an unversioned package (found by `modelPackageName`), a version number for a version of `modelPackageGroupName`. Adopted only when the members fixed at creation match the inputs.",
        }
        : {
            type: "boolean",
            description: "Bring an existing resource of this name under management instead of creating one; adopted only when the members fixed at creation match the inputs.",
        },
    // No `enum` here: Pulumi's schema has enums only as named types, and `pulumi package get-schema`
    // drops one on a plain property; check() refuses any other value.
    adoptTags: () => ({
        type: "string",
        description: "With `adopt`: what adopting does with live tags the program does not declare: `keep` them (the default; preview names them) or `remove` them.",
    }),
    statusTimeoutMinutes: () => ({
        type: "number",
        description: "How long create waits for ModelPackageStatus `Completed`, in minutes (default 30, at most 1440).",
    }),
    deleteVersionsOnDestroy: () => ({
        type: "boolean",
        description: "Delete the group's versions with it on destroy (default false: a group that still holds versions is not deleted).",
    }),
};

/** Computed outputs: their type, from a shape of the API model where there is one. */
export const COMPUTED_OUTPUTS: Record<string, { type?: SchemaType; shape?: string; description: string }> = {
    arn: { type: { type: "string" }, description: "The resource's ARN (a version's ARN ends in its number)." },
    name: { type: { type: "string" }, description: "The resource's name as SageMaker reports it (a version: its group's)." },
    region: { type: { type: "string" }, description: "The region the resource lives in." },
    creationTime: { type: { type: "string" }, description: "When SageMaker created it (ISO 8601)." },
    version: { type: { type: "integer" }, description: "ModelPackageVersion (versioned packages only)." },
    status: { type: { type: "string" }, description: "The resource's status (ModelPackageStatus / ModelPackageGroupStatus)." },
    statusDetails: { shape: "ModelPackageStatusDetails", description: "ModelPackageStatusDetails: the validation and image scan statuses." },
};

/** Outputs an in-place update never changes: declared stable, so preview shows dependents unchanged. */
export const STABLE_OUTPUTS = ["arn", "name", "region", "creationTime", "version"] as const;

export const PROVIDER_CONFIG: Record<string, SchemaType> = {
    region: { type: "string", description: "The AWS region (default: `AWS_REGION` / `AWS_DEFAULT_REGION`, then the SDK's chain)." },
    profile: { type: "string", description: "A profile of the shared AWS config files (credentials come from the SDK's default chain; none is ever stored)." },
    endpoint: { type: "string", description: "The SageMaker endpoint URL (default: `AWS_ENDPOINT_URL_SAGEMAKER`, else AWS's), e.g. a local endpoint." },
    maxAttempts: { type: "integer", description: "Total attempts per API call, retries included (1 to 20)." },
    retryBaseDelayMs: { type: "integer", description: "Base delay of the SDK's exponential backoff with jitter, in ms (0 to 60000)." },
    maxRequestsPerSecond: { type: "number", description: "Opt-in pacing of every SageMaker call of the provider process (0.1 to 1000)." },
    validation: { type: "string", description: "`error` (default): check fails on API-model shape failures; `warn`: only warns." },
};
