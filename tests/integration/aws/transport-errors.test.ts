// Answers that are not SageMaker's (an HTML error page, an empty 5xx, a captive portal's 200):
// one clear error naming the endpoint and the status, and no retry that cannot help.
// A tiny HTTP server plays the proxy; the client is the provider's own (createSageMakerClient).
import * as assert from "assert";
import * as http from "http";
import type { AddressInfo } from "net";
import { DescribeModelCommand } from "@aws-sdk/client-sagemaker";
import { createSageMakerClient } from "../../../provider/aws/client";
import { describeAwsError } from "../../../provider/aws/errors";

interface Answer { status: number; reason?: string; contentType?: string; body: string }

const PROXY_502: Answer = { status: 502, reason: "Bad Gateway", contentType: "text/html",
    body: "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr>nginx</body></html>" };

/** A server that gives the same answer to every request and counts them. */
async function answering(answer: Answer): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
    let requests = 0;
    const server = http.createServer((req, res) => {
        requests++;
        req.resume();
        res.writeHead(answer.status, answer.reason, answer.contentType ? { "content-type": answer.contentType } : {});
        res.end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests: () => requests,
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}

async function describeThrough(answer: Answer, maxAttempts = 8): Promise<{ err: Error & { name: string }; requests: number; url: string }> {
    const server = await answering(answer);
    try {
        // A fresh settings object per server: the client cache is keyed by endpoint.
        const client = createSageMakerClient({ region: "us-east-1", endpoint: server.url, maxAttempts, retryBaseDelayMs: 1 });
        process.env.AWS_ACCESS_KEY_ID ??= "test";
        process.env.AWS_SECRET_ACCESS_KEY ??= "test";
        const err = await client.send(new DescribeModelCommand({ ModelName: "m" })).then(() => assert.fail("expected an error"), (e: Error) => e);
        return { err, requests: server.requests(), url: server.url };
    } finally {
        await server.close();
    }
}

describe("transport errors: answers that are not SageMaker's", function () {
    this.timeout(60_000);
    it("an HTML 502 page: one TransportError naming the endpoint, the status and the page's title; one retry, not eight", async () => {
        const { err, requests, url } = await describeThrough(PROXY_502);
        assert.strictEqual(err.name, "TransportError");
        assert.strictEqual(err.message, `the endpoint ${url}/ answered DescribeModel with HTTP 502 Bad Gateway and an HTML page ("502 Bad Gateway"), ` +
            "not a SageMaker API response");
        assert.strictEqual(requests, 2);
    });

    it("as the provider reports it: resource, operation, what answered, and what to check", async () => {
        const { err, url } = await describeThrough(PROXY_502);
        const shown = describeAwsError(err, { resource: "Model \"m\"", operation: "DescribeModel" }).message;
        assert.ok(shown.startsWith(`Model "m": SageMaker DescribeModel failed: TransportError: the endpoint ${url}/ answered DescribeModel with HTTP 502`), shown);
        assert.match(shown, /— Something other than SageMaker answered .*AWS_ENDPOINT_URL_SAGEMAKER/);
        assert.ok(!/SyntaxError|Unexpected token/.test(shown), shown);
    });

    it("a 404 HTML page (a wrong URL) is not retried at all", async () => {
        const { err, requests } = await describeThrough({ status: 404, reason: "Not Found", contentType: "text/html", body: "<html><body><h1>Not Found</h1></body></html>" });
        assert.strictEqual(err.name, "TransportError");
        assert.match(err.message, /HTTP 404 Not Found and an HTML page \("Not Found"\)/);
        assert.strictEqual(requests, 1);
    });

    it("a 200 that is not JSON (a captive portal) is a TransportError, not a SyntaxError", async () => {
        const { err, requests } = await describeThrough({ status: 200, reason: "OK", contentType: "text/html", body: "<!doctype html><title>Sign in to Wi-Fi</title>" });
        assert.strictEqual(err.name, "TransportError");
        assert.match(err.message, /HTTP 200 OK and an HTML page \("Sign in to Wi-Fi"\)/);
        assert.strictEqual(requests, 1);
    });

    it("an empty 503 says so, retried once", async () => {
        const { err, requests } = await describeThrough({ status: 503, reason: "Service Unavailable", body: "" });
        assert.strictEqual(err.name, "TransportError");
        assert.match(err.message, /HTTP 503 Service Unavailable and an empty body/);
        assert.strictEqual(requests, 2);
    });

    it("a JSON error answer is still SageMaker's own exception, retried as the SDK decides", async () => {
        const { err, requests } = await describeThrough({ status: 400, contentType: "application/x-amz-json-1.1",
            body: JSON.stringify({ __type: "ValidationException", message: "Could not find model \"m\"." }) });
        assert.strictEqual(err.name, "ValidationException");
        assert.strictEqual(err.message, "Could not find model \"m\".");
        assert.strictEqual(requests, 1);
        const throttled = await describeThrough({ status: 400, contentType: "application/x-amz-json-1.1",
            body: JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }) }, 3);
        assert.strictEqual(throttled.err.name, "ThrottlingException");
        assert.strictEqual(throttled.requests, 3, "throttling keeps its full retry budget");
    });
});
