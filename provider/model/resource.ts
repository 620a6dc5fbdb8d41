import * as pulumi from "@pulumi/pulumi";
import type {
    ContainerDefinition, CreateModelInput, DescribeModelOutput, InferenceExecutionConfig, Tag, VpcConfig,
} from "@aws-sdk/client-sagemaker";
import type { DeepInputs } from "../common/deep-input";
import { providerFor } from "../common/provider-shim";
import { SageMakerResource } from "../common/resource";
import { MODEL_MEMBERS } from "./members";

/**
 * The one provider object every Model serializes into its state. It holds no logic of its own
 * (see docs/ARCHITECTURE.md), so the serialized text stays small and credential-free.
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
    /** Region of this model; default: the stack's `aws:region`, then AWS_REGION / the SDK chain. */
    region?: pulumi.Input<string>;
}

/** DescribeModel's answer as stored in state: dates as ISO strings, containers without Environment. */
export type ModelDescription = Omit<DescribeModelOutput, "CreationTime" | "$metadata" | "PrimaryContainer" | "Containers"> & {
    CreationTime?: string;
    PrimaryContainer?: Omit<ContainerDefinition, "Environment">;
    Containers?: Omit<ContainerDefinition, "Environment">[];
};

/** A SageMaker model (type token `pulumi-nodejs:dynamic/sagemaker:Model`). */
export class Model extends SageMakerResource {
    /** The DescribeModel output (containers' Environment left out: it may hold secrets). */
    declare readonly model: pulumi.Output<ModelDescription>;
    /** The logical name the physical name was generated from. */
    declare readonly logicalName: pulumi.Output<string>;
    /** True when ModelName was generated. */
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
        super(modelProvider, "Model", name, { ...args, logicalName: name }, [...Object.keys(MODEL_MEMBERS), "autoNamed", "model"], opts);
    }
}
