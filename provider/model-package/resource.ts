import * as pulumi from "@pulumi/pulumi";
import type {
    AdditionalInferenceSpecificationDefinition, CreateModelPackageInput, InferenceSpecification, ModelLifeCycle,
    ModelPackageModelCard, ModelPackageStatusDetails, Tag,
} from "@aws-sdk/client-sagemaker";
import type { DeepInputs } from "../common/deep-input";
import { providerFor } from "../common/provider-shim";

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
}

/**
 * Where a resource is declared, for its ClientToken: the project, the stack, the parent's URN (two
 * components may each declare a child of the same name) and the logical name.
 */
export function clientTokenScope(name: string, opts: pulumi.CustomResourceOptions | undefined): pulumi.Output<string> {
    const parent = opts?.parent ? opts.parent.urn : pulumi.output("");
    return pulumi.all([parent]).apply(([p]) => [pulumi.getProject(), pulumi.getStack(), p, name].join("\n"));
}

/** Every CreateModelPackageInput member, listed so an SDK upgrade that adds one fails the build. */
type CreateMembers = Record<keyof CreateModelPackageInput, unknown>;

/** A model package, versioned or not (type token `pulumi-nodejs:dynamic/sagemaker:ModelPackage`). */
export class ModelPackage extends pulumi.dynamic.Resource {
    /** The package's ARN (use it as a Model container's ModelPackageName). */
    declare readonly arn: pulumi.Output<string>;
    /** ModelPackageName as SageMaker reports it (the group name for versions). */
    declare readonly name: pulumi.Output<string>;
    /** ModelPackageVersion (versioned packages only). */
    declare readonly version: pulumi.Output<number | undefined>;
    /** ModelPackageStatus (Completed after a successful create). */
    declare readonly status: pulumi.Output<string>;
    declare readonly statusDetails: pulumi.Output<ModelPackageStatusDetails>;
    /** When SageMaker created the package (ISO 8601). */
    declare readonly creationTime: pulumi.Output<string>;
    declare readonly region: pulumi.Output<string>;
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
        const members = {
            ModelPackageName: args.ModelPackageName,
            ModelPackageGroupName: args.ModelPackageGroupName,
            ModelPackageDescription: args.ModelPackageDescription,
            ModelPackageRegistrationType: args.ModelPackageRegistrationType,
            InferenceSpecification: args.InferenceSpecification,
            ValidationSpecification: args.ValidationSpecification,
            SourceAlgorithmSpecification: args.SourceAlgorithmSpecification,
            CertifyForMarketplace: args.CertifyForMarketplace,
            Tags: args.Tags,
            ModelApprovalStatus: args.ModelApprovalStatus,
            MetadataProperties: args.MetadataProperties,
            ModelMetrics: args.ModelMetrics,
            ClientToken: args.ClientToken,
            Domain: args.Domain,
            Task: args.Task,
            SamplePayloadUrl: args.SamplePayloadUrl,
            CustomerMetadataProperties: args.CustomerMetadataProperties,
            DriftCheckBaselines: args.DriftCheckBaselines,
            AdditionalInferenceSpecifications: args.AdditionalInferenceSpecifications,
            SkipModelValidation: args.SkipModelValidation,
            SourceUri: args.SourceUri,
            SecurityConfig: args.SecurityConfig,
            ModelCard: args.ModelCard,
            ModelLifeCycle: args.ModelLifeCycle,
            ManagedStorageType: args.ManagedStorageType,
        } satisfies CreateMembers;
        super(modelPackageProvider, name, {
            ...args,
            ...members,
            ApprovalDescription: args.ApprovalDescription,
            region: args.region,
            statusTimeoutMinutes: args.statusTimeoutMinutes,
            adopt: args.adopt,
            clientTokenScope: opts?.id === undefined ? clientTokenScope(name, opts) : undefined,
            arn: undefined,
            name: undefined,
            version: undefined,
            status: undefined,
            statusDetails: undefined,
            creationTime: undefined,
        }, opts, "sagemaker", "ModelPackage");
    }
}
