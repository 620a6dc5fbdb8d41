import type { SageMakerClient } from "@aws-sdk/client-sagemaker";

/**
 * An answer that is not a SageMaker API response: an HTML error page of a proxy or load balancer,
 * a captive portal, a wrong URL. The SDK would report it as `SyntaxError: Unexpected token '<'`
 * (or `UnknownError` for an empty body) with no hint of where it came from; this names the
 * endpoint, the HTTP status and what came back.
 */
export class TransportError extends Error {
    readonly $fault: "client" | "server";
    readonly $metadata: { httpStatusCode: number };
    constructor(readonly endpoint: string, readonly operation: string, readonly status: number, reason: string, what: string) {
        super(`the endpoint ${endpoint} answered ${operation} with HTTP ${status}${reason ? ` ${reason}` : ""} and ${what}, ` +
            "not a SageMaker API response");
        this.name = "TransportError";
        this.$fault = status >= 500 ? "server" : "client";
        // The SDK's retry classification reads the status from here: 500/502/503/504 count as transient.
        this.$metadata = { httpStatusCode: status };
    }
}

/** SageMaker's awsJson1_1 answers are JSON (`application/x-amz-json-1.1`), errors included. */
function isJsonType(contentType: string | undefined): boolean {
    return contentType !== undefined && /\bjson\b/i.test(contentType);
}

const MAX_BODY = 64 * 1024;

async function readBody(body: unknown): Promise<Buffer> {
    if (body === undefined || body === null) {
        return Buffer.alloc(0);
    }
    if (typeof body === "string" || body instanceof Uint8Array) {
        return Buffer.from(body);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
        const buf = Buffer.from(chunk);
        size += buf.length;
        if (size <= MAX_BODY) {
            chunks.push(buf);
        }
    }
    return Buffer.concat(chunks);
}

/** What came back, in a few words: `an HTML page ("502 Bad Gateway")`, `an empty body`, `a text/plain body ("...")`. */
export function describeBody(contentType: string | undefined, text: string): string {
    const trimmed = text.trim();
    if (trimmed === "") {
        return "an empty body";
    }
    const html = /html/i.test(contentType ?? "") || /^<(!doctype|html|head|body)/i.test(trimmed);
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1];
    const excerpt = (title ?? (html ? "" : trimmed)).replace(/\s+/g, " ").trim().slice(0, 80);
    const kind = html ? "an HTML page" : `a ${contentType ? `${contentType.split(";")[0]} ` : ""}body`;
    return excerpt ? `${kind} ("${excerpt}")` : kind;
}

interface HttpRequestLike { protocol?: string; hostname?: string; port?: number; path?: string }
interface HttpResponseLike { statusCode: number; reason?: string; headers: Record<string, string | undefined>; body: unknown }

function endpointOf(request: HttpRequestLike | undefined): string {
    if (!request?.hostname) {
        return "(unknown endpoint)";
    }
    return `${request.protocol ?? "https:"}//${request.hostname}${request.port ? `:${request.port}` : ""}${request.path ?? "/"}`;
}

/**
 * Turns every non-JSON answer into a TransportError before the SDK's deserializer sees it. Runs
 * inside the deserializer (deserialize step, low priority), so it gets the raw HTTP response;
 * a JSON answer, or a body that parses as JSON, goes on untouched.
 */
export function addTransportErrors(client: SageMakerClient): void {
    const { Readable } = require("stream") as typeof import("stream");
    client.middlewareStack.add(
        (next, context) => async (args) => {
            const result = await next(args);
            const response = result.response as unknown as HttpResponseLike;
            const contentType = response?.headers?.["content-type"];
            if (!response || typeof response.statusCode !== "number" || (isJsonType(contentType) && response.statusCode < 300)) {
                return result;
            }
            const body = await readBody(response.body);
            const text = body.toString("utf8");
            try {
                if (text.trim() !== "" || isJsonType(contentType)) {
                    JSON.parse(text === "" ? "{}" : text);
                    response.body = Readable.from([body]);
                    return result;
                }
            } catch {
                // not JSON: not an answer of the SageMaker API
            }
            const operation = String((context as { commandName?: string }).commandName ?? "the request").replace(/Command$/, "");
            throw new TransportError(endpointOf(args.request as HttpRequestLike), operation, response.statusCode, response.reason ?? "",
                describeBody(contentType, text));
        },
        { step: "deserialize", priority: "low", name: "sagemakerTransportErrors", override: true },
    );
}
