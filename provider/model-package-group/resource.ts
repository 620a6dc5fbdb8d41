import * as pulumi from "@pulumi/pulumi";
import type { CreateModelPackageGroupInput, ManagedConfiguration, Tag } from "../common/sdk-shapes";
import type { DeepInputs } from "../common/deep-input";
import { providerFor } from "../common/provider-shim";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { autoNameInputs, autoNameOutputs, SageMakerResource } from "../common/resource";
import { GROUP_MEMBERS } from "./members";

/** The one provider object every ModelPackageGroup serializes into its state (no logic of its own). */
export const modelPackageGroupProvider = providerFor("ModelPackageGroup");

/**
 * Inputs: every member of CreateModelPackageGroupInput, PascalCase. ModelPackageGroupName is
 * optional (generated from the logical name when left out).
 */
export interface ModelPackageGroupArgs extends DeepInputs<CreateModelPackageGroupInput> {
    /**
     * Bring an existing resource of this name under management instead of creating it; adopted only
     * when it matches the inputs (differences are listed in the error). Default false.
     */
    adopt?: pulumi.Input<boolean>;
    /**
     * With `adopt`: what adopting does with live tags the program does not declare: "keep" them
     * (the default; preview says which) or "remove" them (docs/MODEL.md, "Adopt").
     */
    adoptTags?: pulumi.Input<"keep" | "remove">;
    /** Region of this group; default: the stack's `aws:region`, then AWS_REGION / the SDK chain. */
    region?: pulumi.Input<string>;
    /**
     * Default false: destroying a group that still holds versions fails and says how many. True:
     * the versions (including ones created outside this stack) are deleted first.
     */
    deleteVersionsOnDestroy?: pulumi.Input<boolean>;
}

/** A model registry group (type token `pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup`). */
export class ModelPackageGroup extends SageMakerResource {
    // `name` (same as ModelPackageGroupName): pass it to ModelPackage.ModelPackageGroupName.
    /** ModelPackageGroupStatus (Completed once usable). */
    declare readonly status: pulumi.Output<string>;
    /** The logical name the physical name was generated from (the state's `__logicalName`). */
    declare readonly logicalName: pulumi.Output<string>;
    /** True when ModelPackageGroupName was generated (the state's `__autoNamed`). */
    declare readonly autoNamed: pulumi.Output<boolean>;
    declare readonly deleteVersionsOnDestroy: pulumi.Output<boolean | undefined>;

    declare readonly ModelPackageGroupName: pulumi.Output<string>;
    declare readonly ModelPackageGroupDescription: pulumi.Output<string | undefined>;
    declare readonly Tags: pulumi.Output<Tag[] | undefined>;
    declare readonly ManagedConfiguration: pulumi.Output<ManagedConfiguration | undefined>;

    /** Reads an existing group into the program without managing it; `id` is the group name. */
    static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ModelPackageGroup {
        return new ModelPackageGroup(name, {}, { ...opts, id });
    }

    constructor(name: string, args: ModelPackageGroupArgs = {}, opts?: pulumi.CustomResourceOptions) {
        // `check` gets no URN: the logical name travels as an input, for auto-naming.
        super(modelPackageGroupProvider, "ModelPackageGroup", name, { ...args, ...autoNameInputs(name, opts) },
            [...Object.keys(GROUP_MEMBERS), "name", INTERNAL_KEYS.autoNamed, "status", "deleteVersionsOnDestroy"], opts);
        Object.assign(this, autoNameOutputs(this));
    }
}
