import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { sdk } from "../aws/client";
import { toPlain } from "../common/values";
import type { Created, KindSpec, Props } from "./kind";

/**
 * The kind's declared calls, sent with the SDK's own commands (`<Operation>Command`, required at
 * call time). Errors are the SDK's; callers translate them.
 */

function send(client: SageMakerClient, operation: string, input: Props): Promise<Props> {
    const Command = (sdk() as unknown as Record<string, (new (input: Props) => never) | undefined>)[`${operation}Command`];
    if (!Command) {
        throw new Error(`the installed @aws-sdk/client-sagemaker has no ${operation}Command`);
    }
    return client.send(new Command(input)) as unknown as Promise<Props>;
}

export type Operation = "create" | "describe" | "delete" | "update";

/** The SageMaker operation of a kind: `CreateModel`, `DescribeModelPackageGroup`, the declared update call. */
export function operation(spec: KindSpec, op: Operation): string {
    if (op === "update") {
        return spec.api.update!;
    }
    return `${op.charAt(0).toUpperCase()}${op.slice(1)}${spec.kind}`;
}

/** The shape check validates: the create call's input. */
export function createShape(spec: KindSpec): string {
    return `${operation(spec, "create")}Input`;
}

/** The create-input members as the description reports them (JSON-safe, Tags and ignored members aside). */
export function liveOf<D>(spec: KindSpec<D>, d: D): Props {
    if (spec.api.live) {
        return spec.api.live(d);
    }
    const described = d as unknown as Props;
    const out: Props = {};
    for (const [member, m] of Object.entries(spec.members)) {
        if (m.change.type !== "tags" && m.change.type !== "ignore" && described[member] !== undefined && described[member] !== null) {
            out[member] = described[member];
        }
    }
    return toPlain(out) as Props;
}

/** How messages name a resource: `Model "churn"`. */
export function labelOf(spec: KindSpec, props: Props, id?: string): string {
    return spec.label ? spec.label(props, id) : `${spec.kind} "${String(id ?? props[spec.name.member])}"`;
}

/** Where answers hold the ARN: `ModelArn`, `ModelPackageArn`, `ModelPackageGroupArn`. */
function arnMember(spec: KindSpec): string {
    return `${spec.kind}Arn`;
}

export async function sendCreate(spec: KindSpec, client: SageMakerClient, request: Props): Promise<Created> {
    const out = await send(client, operation(spec, "create"), request);
    const arn = typeof out[arnMember(spec)] === "string" ? out[arnMember(spec)] as string : undefined;
    return { id: spec.api.idIsArn ? arn! : String(request[spec.name.member]), arn };
}

export function sendDescribe<D>(spec: KindSpec<D>, client: SageMakerClient, id: string): Promise<D> {
    return send(client, operation(spec, "describe"), { [spec.name.member]: id }) as Promise<D>;
}

export async function sendDelete(spec: KindSpec, client: SageMakerClient, id: string): Promise<void> {
    await send(client, operation(spec, "delete"), { [spec.name.member]: id });
}

export async function sendUpdate(spec: KindSpec, client: SageMakerClient, id: string, request: Props): Promise<void> {
    await send(client, operation(spec, "update"), { ...request, [spec.api.updateIdMember ?? spec.name.member]: id });
}

/** The ARN in a description. */
export function arnOf<D>(spec: KindSpec<D>, d: D): string | undefined {
    const arn = (d as unknown as Props)[arnMember(spec as KindSpec)];
    return typeof arn === "string" ? arn : undefined;
}

/** When SageMaker created it. */
export function creationTimeOf<D>(d: D): Date | undefined {
    const t = (d as unknown as Props).CreationTime;
    return t instanceof Date ? t : undefined;
}

/** Outputs every kind computes, then the kind's own. */
export function computedOutputs<D>(spec: KindSpec<D>, d: D | undefined, inputs: Props, region: string, fallback: Props): Props {
    const created = d === undefined ? undefined : creationTimeOf(d);
    return {
        arn: (d === undefined ? undefined : arnOf(spec, d)) ?? fallback.arn,
        creationTime: created ? created.toISOString() : fallback.creationTime,
        region,
        ...spec.api.outputs(d, inputs, fallback),
    };
}
