import * as pulumi from "@pulumi/pulumi";
import type {
    AdditionalInferenceSpecificationDefinition, CreateModelPackageInput, InferenceSpecification, ModelLifeCycle, ModelPackageModelCard, ModelPackageStatusDetails, Tag,
} from "../common/sdk-shapes";
import type { DeepInputs } from "../common/deep-input";
import { providerFor } from "../common/provider-shim";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { declarationScope, SageMakerResource } from "../common/resource";
import { PACKAGE_MEMBERS } from "./members";

/** The one provider object every ModelPackage serializes into its state (no logic of its own). */
export const modelPackageProvider = providerFor("ModelPackage");

/**
 * Inputs: every member of the SDK's CreateModelPackageInput, PascalCase, as deep Pulumi inputs.
 * Versioned: ModelPackageGroupName (a group's name or ARN). Unversioned: ModelPackageName.
 * ClientToken, when left out, is derived from where the package is declared and from the request,
 * so a re-run after an interrupted create registers no second version. See docs/MODEL-PACKAGE.md.
 */
export interface ModelPackageArgs extends DeepInputs<CreateModelPackageInput> {
    /** UpdateModelPackage's approval note (versioned packages); set right after creation. */
    ApprovalDescription?: pulumi.Input<string>;
    /** Region of this package; default: the stack's `aws:region`, then AWS_REGION / the SDK chain. */
    region?: pulumi.Input<string>;
    /** How long create waits for ModelPackageStatus Completed (default 30). */
    statusTimeoutMinutes?: pulumi.Input<number>;
    /**
     * Bring an existing package under management instead of creating one: `true` for an unversioned
     * package (found by ModelPackageName), a version number for a version of ModelPackageGroupName.
     * Adopted only when the members fixed at creation match the inputs (docs/MODEL-PACKAGE.md).
     */
    adopt?: pulumi.Input<boolean | number>;
    /**
     * With `adopt`: what adopting does with live tags the program does not declare: "keep" them
     * (the default; preview says which) or "remove" them (docs/MODEL.md, "Adopt").
     */
    adoptTags?: pulumi.Input<"keep" | "remove">;
}

/** Where a package is declared, for its ClientToken (common/resource.ts). */
export const clientTokenScope = declarationScope;

/** A model package, versioned or not (type token `pulumi-nodejs:dynamic/sagemaker:ModelPackage`). */
export class ModelPackage extends SageMakerResource {
    // `arn`: use it as a Model container's ModelPackageName; `name`: the group's name for versions.
    /** ModelPackageVersion (versioned packages only). */
    declare readonly version: pulumi.Output<number | undefined>;
    /** ModelPackageStatus (Completed after a successful create). */
    declare readonly status: pulumi.Output<string>;
    declare readonly statusDetails: pulumi.Output<ModelPackageStatusDetails>;
    declare readonly statusTimeoutMinutes: pulumi.Output<number | undefined>;

    declare readonly ModelPackageName: pulumi.Output<string | undefined>;
    declare readonly ModelPackageGroupName: pulumi.Output<string | undefined>;
    /** Versioned packages: the current approval (refresh shows changes made in Studio). */
    declare readonly ModelApprovalStatus: pulumi.Output<string | undefined>;
    declare readonly ApprovalDescription: pulumi.Output<string | undefined>;
    declare readonly InferenceSpecification: pulumi.Output<InferenceSpecification | undefined>;
    declare readonly AdditionalInferenceSpecifications: pulumi.Output<AdditionalInferenceSpecificationDefinition[] | undefined>;
    declare readonly CustomerMetadataProperties: pulumi.Output<Record<string, string> | undefined>;
    declare readonly ModelCard: pulumi.Output<ModelPackageModelCard | undefined>;
    declare readonly ModelLifeCycle: pulumi.Output<ModelLifeCycle | undefined>;
    declare readonly SourceUri: pulumi.Output<string | undefined>;
    declare readonly Tags: pulumi.Output<Tag[] | undefined>;
    declare readonly ClientToken: pulumi.Output<string>;

    /** Reads an existing package into the program without managing it; `id` is its ARN. */
    static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ModelPackage {
        return new ModelPackage(name, {}, { ...opts, id });
    }

    constructor(name: string, args: ModelPackageArgs = {}, opts?: pulumi.CustomResourceOptions) {
        super(modelPackageProvider, "ModelPackage", name, {
            ...args,
            [INTERNAL_KEYS.clientTokenScope]: opts?.id === undefined ? clientTokenScope(name, opts) : undefined,
        }, [...Object.keys(PACKAGE_MEMBERS), "name", "statusTimeoutMinutes", "version", "status", "statusDetails"], opts);
    }
}
