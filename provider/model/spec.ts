import type { CreateModelInput, DescribeModelOutput } from "@aws-sdk/client-sagemaker";
import { sdk } from "../aws/client";
import type { KindSpec, MemberSpec, Props } from "../engine/kind";
import { COMMON_SETTINGS } from "../engine/own-settings";
import { toPlain } from "../common/values";
import { crossFieldFailures } from "./rules";

/**
 * The Model, declared: for every member of the SDK's CreateModelInput, how a change is applied and
 * how refresh reads it back. A model is immutable except its tags (there is no UpdateModel), so
 * every other member replaces it, and refresh keeps the declared form while DescribeModel still
 * matches it. The `satisfies` below fails the build when an SDK upgrade adds a member not listed.
 */

/** What SageMaker fills in for a container left without them. */
const CONTAINER_DEFAULTS = { Mode: "SingleModel" };

const replace = (extra: Partial<MemberSpec> = {}): MemberSpec => ({ change: { type: "replace" }, refresh: "declared", ...extra });

export const MODEL_MEMBERS: Record<keyof CreateModelInput, MemberSpec> = {
    ModelName: replace(),
    PrimaryContainer: replace({ secrets: true, defaults: CONTAINER_DEFAULTS }),
    Containers: replace({ secrets: true, defaults: [CONTAINER_DEFAULTS] }),
    InferenceExecutionConfig: replace({ defaults: { Mode: "Serial" } }),
    ExecutionRoleArn: replace(),
    Tags: { change: { type: "tags" }, refresh: "live" },
    VpcConfig: replace(),
    EnableNetworkIsolation: replace({ defaults: false }),
};

/**
 * The `model` output: DescribeModel's answer without the containers' Environment, whose values
 * may be secrets (they stay in PrimaryContainer/Containers, which Pulumi keeps secret when the
 * input was secret).
 */
export function publicDescription(d: DescribeModelOutput | undefined): Props | undefined {
    if (!d) {
        return undefined;
    }
    const { $metadata: _metadata, ...rest } = d as DescribeModelOutput & { $metadata?: unknown };
    const copy = toPlain(rest) as Props;
    const strip = (c: unknown) => {
        if (c && typeof c === "object") {
            delete (c as Props).Environment;
        }
    };
    strip(copy.PrimaryContainer);
    if (Array.isArray(copy.Containers)) {
        copy.Containers.forEach(strip);
    }
    return copy;
}

export const modelSpec: KindSpec<DescribeModelOutput> = {
    kind: "Model",
    doc: "docs/MODEL.md",
    createShape: "CreateModelInput",
    members: MODEL_MEMBERS,
    own: COMMON_SETTINGS,
    name: { member: "ModelName", generated: true },
    computedOutputs: ["arn", "name", "region", "creationTime", "model"],
    label: (props, id) => `Model "${String(id ?? props.ModelName)}"`,
    rules: crossFieldFailures,
    lostCreate: "by-name",
    api: {
        operations: { create: "CreateModel", describe: "DescribeModel", delete: "DeleteModel" },
        async create(client, request) {
            const out = await client.send(new (sdk().CreateModelCommand)(request as unknown as CreateModelInput));
            return { id: String(request.ModelName), arn: out.ModelArn };
        },
        describe: (client, id) => client.send(new (sdk().DescribeModelCommand)({ ModelName: id })),
        async delete(client, id) {
            await client.send(new (sdk().DeleteModelCommand)({ ModelName: id }));
        },
        live: (d) => toPlain({
            ModelName: d.ModelName,
            PrimaryContainer: d.PrimaryContainer,
            Containers: d.Containers,
            InferenceExecutionConfig: d.InferenceExecutionConfig,
            ExecutionRoleArn: d.ExecutionRoleArn,
            VpcConfig: d.VpcConfig,
            EnableNetworkIsolation: d.EnableNetworkIsolation,
        }) as Props,
        computed: (d, inputs, region, fallback) => ({
            arn: d?.ModelArn ?? fallback.arn,
            name: inputs.ModelName,
            region,
            creationTime: d?.CreationTime ? d.CreationTime.toISOString() : fallback.creationTime,
            model: publicDescription(d) ?? fallback.model,
        }),
        arn: (d) => d.ModelArn,
        creationTime: (d) => d.CreationTime,
    },
    hooks: {},
};
