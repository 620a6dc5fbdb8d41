import type { CreateModelInput } from "@aws-sdk/client-sagemaker";
import { AUTO_NAME_KEYS } from "../common/auto-name";

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

/**
 * Our own inputs (camelCase, never sent to SageMaker): the shared auto-naming keys (logicalName,
 * autoNamed; see common/auto-name.ts) and an optional per-resource region.
 */
export const OWN_INPUTS = {
    ...AUTO_NAME_KEYS,
    region: "region",
} as const;

/** Keys the shape validator must skip: ours, and the engine's serialized provider. */
export const NOT_SENT = [OWN_INPUTS.logicalName, OWN_INPUTS.region, OWN_INPUTS.autoNamed, "__provider"];

/** Outputs we compute (camelCase), on top of the inputs. */
export const COMPUTED_OUTPUTS = ["arn", "name", "region", "creationTime", "model"] as const;
