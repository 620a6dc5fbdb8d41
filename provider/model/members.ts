import type { CreateModelInput } from "@aws-sdk/client-sagemaker";

/**
 * Every member of the SDK's CreateModelInput. The type check below fails the build when an SDK
 * upgrade adds a member that is not listed here, so the resource keeps full coverage.
 */
export const CREATE_MODEL_MEMBERS = [
    "ModelName",
    "PrimaryContainer",
    "Containers",
    "InferenceExecutionConfig",
    "ExecutionRoleArn",
    "Tags",
    "VpcConfig",
    "EnableNetworkIsolation",
] as const satisfies readonly (keyof CreateModelInput)[];

type Listed = (typeof CREATE_MODEL_MEMBERS)[number];
const _everyMemberListed: Exclude<keyof CreateModelInput, Listed> extends never ? true : never = true;
void _everyMemberListed;

/** Members that can change in place; any other member replaces the model. */
export const UPDATABLE_MEMBERS: readonly string[] = ["Tags"];

/** Our own inputs (camelCase, never sent to SageMaker). */
export const OWN_INPUTS = {
    /** Logical name of the resource, passed by the constructor because `check` gets no URN. */
    logicalName: "logicalName",
    /** Optional per-resource region. */
    region: "region",
    /** Set by `check`: true when ModelName was generated rather than given by the user. */
    autoNamed: "autoNamed",
} as const;

/** Keys the shape validator must skip: ours, and the engine's serialized provider. */
export const NOT_SENT = [OWN_INPUTS.logicalName, OWN_INPUTS.region, OWN_INPUTS.autoNamed, "__provider"];

/** Outputs we compute (camelCase), on top of the inputs. */
export const COMPUTED_OUTPUTS = ["arn", "name", "region", "creationTime", "model"] as const;
