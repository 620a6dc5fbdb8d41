/**
 * The registry lookups as the plugin's functions (`sagemaker:index:getLatestModelPackageVersion`,
 * ...): their arguments in the schema's camelCase, the API names the lookups take, and what they
 * return. The lookups themselves are provider/registry's, called as they are.
 */
import type { SchemaType, TypeSource } from "./own-settings";

/** A lookup argument: its schema name, the name the lookup takes, its type, and its value as the lookup takes it where it is spelled otherwise. */
interface Arg { api: string; type: (g: TypeSource) => SchemaType; description: string; toApi?: (value: unknown) => unknown }

/** The lifecycle-stage filter's type token: Stage and StageStatus, each optional (ModelLifeCycle's members). */
export const LIFE_CYCLE_FILTER = "sagemaker:index:ModelLifeCycleFilter";

export const LIFE_CYCLE_FILTER_TYPE = {
    type: "object",
    description: "A lifecycle-stage filter: each field given must equal the version's ModelLifeCycle.",
    properties: {
        stage: { type: "string", description: "ModelLifeCycle.Stage, e.g. `Production`." },
        stageStatus: { type: "string", description: "ModelLifeCycle.StageStatus, e.g. `Approved`." },
    },
};

/** `{ stage, stageStatus }` as the lookups take it (`{ Stage, StageStatus }`); anything else goes through as is, for the lookup to report. */
function lifeCycleToApi(value: unknown): unknown {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return value;
    }
    const names: Record<string, string> = { stage: "Stage", stageStatus: "StageStatus" };
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [names[k] ?? k, v]));
}

const GROUP: Record<string, Arg> = {
    modelPackageGroupName: { api: "ModelPackageGroupName", type: () => ({ type: "string" }), description: "The model package group's name or ARN." },
    region: { api: "region", type: () => ({ type: "string" }), description: "The group's region; default: the provider's `sagemaker:region`, then `AWS_REGION`." },
};

const FILTERS: Record<string, Arg> = {
    modelApprovalStatus: { api: "ModelApprovalStatus", type: (g) => g.typeOf("ModelApprovalStatus"), description: "Only versions with this approval status (server-side). getLatestModelPackageVersion defaults to `Approved`." },
    creationTimeAfter: { api: "CreationTimeAfter", type: () => ({ type: "string" }), description: "Only versions created after this time (ISO 8601)." },
    creationTimeBefore: { api: "CreationTimeBefore", type: () => ({ type: "string" }), description: "Only versions created before this time (ISO 8601)." },
    modelPackageStatus: { api: "ModelPackageStatus", type: () => ({ type: "string" }), description: "Only versions with this ModelPackageStatus, or `Any`. getLatestModelPackageVersion defaults to `Completed`, the listing to `Any`." },
    customerMetadataProperties: { api: "CustomerMetadataProperties", type: () => ({ type: "object", additionalProperties: { type: "string" } }), description: "Each key must have exactly this value in the version's CustomerMetadataProperties (one DescribeModelPackage per version examined)." },
    modelLifeCycle: {
        api: "ModelLifeCycle", type: () => ({ $ref: `#/types/${LIFE_CYCLE_FILTER}` }), toApi: lifeCycleToApi,
        description: "Only versions in this lifecycle stage: each of stage and stageStatus given must equal the version's ModelLifeCycle (from the listing, no extra call).",
    },
    pageSize: { api: "pageSize", type: () => ({ type: "integer" }), description: "ListModelPackages page size, 1 to 100 (default 100)." },
};

const SUMMARY: Record<string, SchemaType> = {
    arn: { type: "string", description: "ModelPackageArn: use it as a Model container's `modelPackageName`." },
    groupName: { type: "string" },
    version: { type: "integer" },
    approvalStatus: { type: "string" },
    status: { type: "string", description: "ModelPackageStatus." },
    creationTime: { type: "string" },
    description: { type: "string" },
    lifeCycle: { $ref: "#/types/sagemaker:index:ModelLifeCycle", description: "ModelLifeCycle: the version's stage and stage status, when it has one." },
    region: { type: "string", description: "The region the lookup read." },
};

const DETAILS: Record<string, SchemaType> = {
    ...SUMMARY,
    customerMetadata: { type: "object", additionalProperties: { type: "string" } },
    approvalDescription: { type: "string" },
    lastModifiedTime: { type: "string" },
};

const SUMMARY_REQUIRED = ["arn", "groupName", "version", "approvalStatus", "status", "creationTime", "region"];

export interface PluginFunction {
    /** The lookup in provider/registry. */
    lookup: "getLatestModelPackageVersion" | "getModelPackageVersion" | "getModelPackageVersions";
    args: Record<string, Arg>;
    /** What the function returns, from what the lookup returned (a function returns an object). */
    result(value: unknown): Record<string, unknown>;
    schema(g: TypeSource): SchemaType;
}

function inputs(g: TypeSource, args: Record<string, Arg>, required: string[]): SchemaType {
    const properties = Object.fromEntries(Object.entries(args).map(([k, a]) => [k, { ...a.type(g), description: a.description }]));
    return { properties, required, type: "object" };
}

function details(description: string, args: Record<string, Arg>, required: string[]): PluginFunction["schema"] {
    return (g) => ({
        description,
        inputs: inputs(g, args, required),
        outputs: { properties: DETAILS, required: [...SUMMARY_REQUIRED, "customerMetadata"], type: "object" },
    });
}

const VERSION_ARGS: Record<string, Arg> = {
    ...GROUP,
    modelPackageVersion: { api: "ModelPackageVersion", type: () => ({ type: "integer" }), description: "The version number, from 1." },
};

export const FUNCTIONS: Record<string, PluginFunction> = {
    getLatestModelPackageVersion: {
        lookup: "getLatestModelPackageVersion",
        args: { ...GROUP, ...FILTERS },
        result: (v) => v as Record<string, unknown>,
        schema: details("The newest version of a group that passes the filters; by default the newest Approved and Completed one.", { ...GROUP, ...FILTERS }, ["modelPackageGroupName"]),
    },
    getModelPackageVersion: {
        lookup: "getModelPackageVersion",
        args: VERSION_ARGS,
        result: (v) => v as Record<string, unknown>,
        schema: details("One version of a group, by its number.", VERSION_ARGS, ["modelPackageGroupName", "modelPackageVersion"]),
    },
    getModelPackageVersions: {
        lookup: "getModelPackageVersions",
        args: { ...GROUP, ...FILTERS },
        result: (v) => ({ versions: v }),
        schema: (g) => ({
            description: "A group's versions that pass the filters (none by default), newest first.",
            inputs: inputs(g, { ...GROUP, ...FILTERS }, ["modelPackageGroupName"]),
            outputs: {
                properties: { versions: { type: "array", items: { $ref: "#/types/sagemaker:index:ModelPackageVersionSummary" } } },
                required: ["versions"],
                type: "object",
            },
        }),
    },
};

/** The summary type the listing returns, declared once in the schema's types. */
export const SUMMARY_TYPE = { type: "object", properties: SUMMARY, required: SUMMARY_REQUIRED };
