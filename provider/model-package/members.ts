import type { CreateModelPackageInput } from "../common/sdk-shapes";
import { replaced, TAGS, updated, type MemberSpec } from "../engine/kind";
import { groupKey } from "../identity/names";

/**
 * The ModelPackage's members: every member of the SDK's CreateModelPackageInput (and
 * ApprovalDescription, which only UpdateModelPackage takes), with how a change is applied and how
 * refresh reads it back. UpdateModelPackage "updates a versioned model": on an unversioned package
 * every update-class change replaces it (the spec's `canUpdate`). The members UpdateModelPackage
 * can change are read back whole by refresh: Studio and pipelines change them too.
 */

export const UPDATE = "UpdateModelPackage";
const updatable = (extra: Partial<MemberSpec> = {}): MemberSpec => updated(UPDATE, extra);

/**
 * Members SageMaker adds to a container on its own (DescribeModelPackage reports them): the
 * image's digest and the model data's ETag. They are never drift.
 */
const CONTAINER_SERVER_FILLED = ["Containers[].ImageDigest", "Containers[].ModelDataETag"];

export const PACKAGE_MEMBERS: Record<keyof CreateModelPackageInput | "ApprovalDescription", MemberSpec> = {
    ModelPackageName: replaced(),
    ModelPackageGroupName: replaced({ normalize: groupKey }),
    ModelPackageDescription: replaced(),
    ModelPackageRegistrationType: updatable(),
    InferenceSpecification: updatable({ secrets: true, serverFilled: CONTAINER_SERVER_FILLED }),
    ValidationSpecification: replaced({ secrets: true }),
    SourceAlgorithmSpecification: replaced(),
    CertifyForMarketplace: replaced({ defaults: false }),
    Tags: TAGS,
    ModelApprovalStatus: updatable(),
    MetadataProperties: replaced(),
    ModelMetrics: replaced(),
    ClientToken: { change: { type: "ignore" }, refresh: "kept" },
    Domain: replaced(),
    Task: replaced(),
    SamplePayloadUrl: replaced(),
    CustomerMetadataProperties: { change: { type: "map", call: UPDATE, removeWith: "CustomerMetadataPropertiesToRemove" }, refresh: "live" },
    DriftCheckBaselines: replaced(),
    AdditionalInferenceSpecifications: {
        change: { type: "append", call: UPDATE, addWith: "AdditionalInferenceSpecificationsToAdd", key: "Name" },
        refresh: "live",
        secrets: true,
        serverFilled: CONTAINER_SERVER_FILLED.map((p) => `[].${p}`),
    },
    SkipModelValidation: replaced(),
    SourceUri: updatable(),
    SecurityConfig: replaced(),
    ModelCard: updatable(),
    ModelLifeCycle: updatable(),
    ManagedStorageType: replaced(),
    /** Not a CreateModelPackage member: UpdateModelPackage sets it right after creation. */
    ApprovalDescription: updatable({ afterCreate: true }),
};

