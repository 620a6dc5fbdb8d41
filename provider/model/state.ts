import type { CreateModelInput, DescribeModelOutput, Tag } from "@aws-sdk/client-sagemaker";
import { sortTags, tagsEqual } from "../common/tags";
import { pick } from "../common/values";
import { mismatches, normalizeMember } from "./compare";
import { userTags } from "./diff";
import { CREATE_MODEL_MEMBERS, OWN_INPUTS } from "./members";

type Props = Record<string, unknown>;

/**
 * The CreateModel request: the SDK members only, never our own settings. An empty `Containers`
 * list means "not set" (check and diff treat it so); sending it next to PrimaryContainer would be
 * rejected ("PrimaryContainer and Containers cannot both be specified").
 */
export function createRequest(inputs: Props): CreateModelInput {
    const request = pick(inputs, CREATE_MODEL_MEMBERS);
    if (Array.isArray(request.Containers) && request.Containers.length === 0) {
        delete request.Containers;
    }
    return request as unknown as CreateModelInput;
}

/** Environment values of every container: scrubbed from every error message (they may be secrets). */
export function environmentValues(props: Props | undefined): string[] {
    const containers = [props?.PrimaryContainer, ...(Array.isArray(props?.Containers) ? props.Containers : [])];
    const values: string[] = [];
    for (const c of containers) {
        const env = c && typeof c === "object" ? (c as Props).Environment : undefined;
        if (env && typeof env === "object") {
            values.push(...Object.values(env).filter((v): v is string => typeof v === "string"));
        }
    }
    return values;
}

/** JSON-safe copy: no undefined (the engine's Struct rejects it), Dates as ISO strings. */
export function jsonSafe<T>(value: T): T {
    return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** The CreateModelInput members as DescribeModel reports them. */
export function describedMembers(d: DescribeModelOutput): Props {
    return jsonSafe({
        ModelName: d.ModelName,
        PrimaryContainer: d.PrimaryContainer,
        Containers: d.Containers,
        InferenceExecutionConfig: d.InferenceExecutionConfig,
        ExecutionRoleArn: d.ExecutionRoleArn,
        VpcConfig: d.VpcConfig,
        EnableNetworkIsolation: d.EnableNetworkIsolation,
    });
}

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
    const copy = jsonSafe(rest) as Props;
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

/** Paths where the declared inputs and the live model differ (immutable members and tags). */
export function modelMismatches(declared: Props, d: DescribeModelOutput, tags: Tag[] | undefined): string[] {
    const live = describedMembers(d);
    const paths: string[] = [];
    for (const member of CREATE_MODEL_MEMBERS) {
        if (member === "ModelName") {
            continue; // the model was found by this name (case-insensitively)
        }
        if (member === "Tags") {
            if (!tagsEqual(userTags(declared.Tags), userTags(tags))) {
                paths.push("Tags");
            }
            continue;
        }
        const want = normalizeMember(member, declared[member]);
        const have = normalizeMember(member, live[member]);
        paths.push(...mismatches(want, have, member));
        if (want === undefined && have !== undefined) {
            paths.push(member);
        }
    }
    return paths;
}

/**
 * Inputs as they are in AWS, for refresh. A member that still matches what was declared keeps
 * its declared form (SageMaker adds server-side defaults and, for model packages, the resolved
 * image), so an untouched model shows no diff while out-of-band changes do.
 */
export function inputsFromLive(previous: Props | undefined, d: DescribeModelOutput, tags: Tag[] | undefined, region: string): Props {
    const old = previous ?? {};
    const live = describedMembers(d);
    const inputs: Props = {};
    for (const member of CREATE_MODEL_MEMBERS) {
        if (member === "Tags") {
            const actual = userTags(tags) ?? [];
            inputs.Tags = tagsEqual(userTags(old.Tags), actual) ? old.Tags : (actual.length > 0 ? sortTags(actual) : undefined);
            continue;
        }
        const want = normalizeMember(member, old[member]);
        const have = normalizeMember(member, live[member]);
        const same = mismatches(want, have, member).length === 0 && (want !== undefined || have === undefined);
        inputs[member] = same && previous !== undefined ? old[member] : live[member];
    }
    inputs.ModelName = d.ModelName;
    for (const own of [OWN_INPUTS.logicalName, OWN_INPUTS.autoNamed]) {
        if (old[own] !== undefined) {
            inputs[own] = old[own];
        }
    }
    inputs[OWN_INPUTS.region] = region;
    return jsonSafe(inputs);
}

/** Outputs: the inputs plus what we compute. */
export function modelOutputs(inputs: Props, fields: { region: string; arn?: string; description?: DescribeModelOutput; previous?: Props }): Props {
    const { __provider: _provider, ...rest } = inputs;
    const d = fields.description;
    return jsonSafe({
        ...rest,
        arn: d?.ModelArn ?? fields.arn ?? fields.previous?.arn,
        name: inputs.ModelName,
        region: fields.region,
        creationTime: d?.CreationTime ? d.CreationTime.toISOString() : fields.previous?.creationTime,
        model: publicDescription(d) ?? fields.previous?.model,
    });
}
