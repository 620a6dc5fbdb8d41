import type { CreateModelInput } from "../common/sdk-shapes";
import { replaced, TAGS, type MemberSpec } from "../engine/kind";

/**
 * The Model's members, declared: for every member of the SDK's CreateModelInput, how a change is
 * applied and how refresh reads it back. A model is immutable except its tags (there is no
 * UpdateModel), so every other member replaces it, and refresh keeps the declared form while
 * DescribeModel still matches it. The type fails the build when an SDK upgrade adds a member.
 */

/** What SageMaker fills in for a container left without them. */
const CONTAINER_DEFAULTS = { Mode: "SingleModel" };

export const MODEL_MEMBERS: Record<keyof CreateModelInput, MemberSpec> = {
    ModelName: replaced(),
    PrimaryContainer: replaced({ secrets: true, defaults: CONTAINER_DEFAULTS }),
    Containers: replaced({ secrets: true, defaults: [CONTAINER_DEFAULTS] }),
    InferenceExecutionConfig: replaced({ defaults: { Mode: "Serial" } }),
    ExecutionRoleArn: replaced(),
    Tags: TAGS,
    VpcConfig: replaced(),
    EnableNetworkIsolation: replaced({ defaults: false }),
};

