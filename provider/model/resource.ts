import * as pulumi from "@pulumi/pulumi";
import type { ContainerDefinition, CreateModelInput, InferenceExecutionConfig, Tag, VpcConfig } from "../common/sdk-shapes";
import type { DeepInputs } from "../common/deep-input";
import { providerFor } from "../common/provider-shim";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { autoNameInputs, autoNameOutputs, SageMakerResource } from "../common/resource";
import { MODEL_MEMBERS } from "./members";

/**
 * The one provider object of the Model kind (its state holds `providerText("Model")`, which the host
 * turns into such an object). It holds no logic of its own (see docs/ARCHITECTURE.md).
 */
export const modelProvider = providerFor("Model");

/**
 * Inputs: every member of the SDK's CreateModelInput, PascalCase, each a deep Pulumi input.
 * `ModelName` is optional (generated from the logical name when left out).
 */
export interface ModelArgs extends DeepInputs<CreateModelInput> {
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
    /** Region of this model; default: the stack's `aws:region`, then AWS_REGION / the SDK chain. */
    region?: pulumi.Input<string>;
}

/** A SageMaker model (type token `pulumi-nodejs:dynamic/sagemaker:Model`). */
export class Model extends SageMakerResource {
    /** The logical name the physical name was generated from (the state's `__logicalName`). */
    declare readonly logicalName: pulumi.Output<string>;
    /** True when ModelName was generated (the state's `__autoNamed`). */
    declare readonly autoNamed: pulumi.Output<boolean>;

    declare readonly ModelName: pulumi.Output<string>;
    declare readonly PrimaryContainer: pulumi.Output<ContainerDefinition | undefined>;
    declare readonly Containers: pulumi.Output<ContainerDefinition[] | undefined>;
    declare readonly InferenceExecutionConfig: pulumi.Output<InferenceExecutionConfig | undefined>;
    declare readonly ExecutionRoleArn: pulumi.Output<string | undefined>;
    declare readonly Tags: pulumi.Output<Tag[] | undefined>;
    declare readonly VpcConfig: pulumi.Output<VpcConfig | undefined>;
    declare readonly EnableNetworkIsolation: pulumi.Output<boolean | undefined>;

    /** Reads an existing model into the program without managing it; `id` is the model name. */
    static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): Model {
        return new Model(name, {}, { ...opts, id });
    }

    constructor(name: string, args: ModelArgs = {}, opts?: pulumi.CustomResourceOptions) {
        // `check` gets no URN: the logical name travels as an input, for auto-naming.
        super(modelProvider, "Model", name, { ...args, ...autoNameInputs(name, opts) }, [...Object.keys(MODEL_MEMBERS), INTERNAL_KEYS.autoNamed], opts);
        // Not in the state: it would only repeat ModelName there.
        (this as { name: pulumi.Output<string> }).name = this.ModelName;
        Object.assign(this, autoNameOutputs(this));
    }
}
