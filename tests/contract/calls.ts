// Every request an assumption sends, with the answer it got, so a failing assumption can show
// the request and the relevant part of the raw answer (not a folded or re-shaped copy of it).
import type { SageMakerClient, ServiceInputTypes, ServiceOutputTypes } from "@aws-sdk/client-sagemaker";
import type { Command } from "@smithy/types";

export interface Call {
    operation: string;
    input: unknown;
    output?: unknown;
    error?: { name: string; message: string; status?: number };
}

/** The assumption does not hold: `message` says what the endpoint did; `call` is the evidence. */
export class Refuted extends Error {
    constructor(message: string, readonly call?: Call) {
        super(message);
    }
}

export class Calls {
    readonly log: Call[] = [];

    constructor(private readonly client: SageMakerClient) {}

    /** Sends the command and records request and answer; SDK errors propagate with the call attached. */
    async send<I extends ServiceInputTypes, O extends ServiceOutputTypes>(command: Command<ServiceInputTypes, I, ServiceOutputTypes, O, unknown>): Promise<O> {
        const call: Call = { operation: command.constructor.name.replace(/Command$/, ""), input: command.input };
        this.log.push(call);
        try {
            const output = await this.client.send(command as never) as O;
            const { $metadata: _meta, ...rest } = output;
            call.output = rest;
            return output;
        } catch (e) {
            const err = e as Error & { $metadata?: { httpStatusCode?: number } };
            call.error = { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
            throw Object.assign(err, { call });
        }
    }

    get last(): Call | undefined {
        return this.log[this.log.length - 1];
    }
}

/** The call an error came from, if Calls.send threw it. */
export const callOf = (err: unknown): Call | undefined => (err as { call?: Call } | undefined)?.call;

/** Fails the assumption unless `condition` holds. */
export function expect(condition: unknown, message: string, call?: Call): asserts condition {
    if (!condition) throw new Refuted(message, call);
}

/** The error a call fails with; the assumption fails when the call succeeds. */
export async function refused(call: Promise<unknown>, what: string, calls: Calls): Promise<Error & { name: string; message: string }> {
    try {
        await call;
    } catch (e) {
        return e as Error;
    }
    throw new Refuted(`${what} succeeded, but SageMaker refuses it`, calls.last);
}

/** JSON for a report line: dates as ISO strings, long answers cut. */
export function show(value: unknown, max = 600): string {
    const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v)) ?? String(value);
    return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * The call with its answer narrowed to the members that decide the assumption (in a list answer,
 * those of each summary), so a report line shows them rather than the first 600 characters.
 */
export function relevant(call: Call | undefined, ...members: string[]): Call | undefined {
    if (!call || call.error || typeof call.output !== "object" || call.output === null) return call;
    const pick = (o: Record<string, unknown>) => Object.fromEntries(members.map((m) => [m, o[m] ?? "(absent)"]));
    const out = call.output as Record<string, unknown>;
    const list = Object.keys(out).find((k) => k.endsWith("SummaryList") || k === "Models" || k === "Tags");
    return { ...call, output: list && Array.isArray(out[list]) && !members.includes(list)
        ? { ...out, [list]: (out[list] as Record<string, unknown>[]).map(pick) } : pick(out) };
}
