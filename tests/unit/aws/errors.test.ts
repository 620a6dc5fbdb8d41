// Error classification and the one wording of the errors the providers build.
import * as assert from "assert";
import { describeAwsError, goneError, isLostCreate, isNetworkError, userError } from "../../../provider/aws/errors";
import { TransportError } from "../../../provider/aws/transport";

/** An error as the SDK raises it for a service answer: a name, a message and the HTTP status. */
function serviceError(name: string, message: string, httpStatusCode = 400, attempts = 1): Error {
    return Object.assign(new Error(message), { name, $fault: "client", $metadata: { httpStatusCode, attempts } });
}

/** A Node socket error as the SDK passes it on (no HTTP status: nothing answered). */
function socketError(code: string, message: string, attempts = 1): Error {
    return Object.assign(new Error(message), { code, $metadata: { attempts } });
}

describe("isNetworkError: no answer came back", () => {
    it("is true for the socket errors and the SDK's timeouts", () => {
        for (const [code, message] of [["ECONNRESET", "socket hang up"], ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:1"],
            ["ENOTFOUND", "getaddrinfo ENOTFOUND api.sagemaker.xx"], ["ETIMEDOUT", "connect ETIMEDOUT"], ["EPIPE", "write EPIPE"]]) {
            assert.ok(isNetworkError(socketError(code, message)), code);
        }
        assert.ok(isNetworkError(Object.assign(new Error("Connection timed out after 1000 ms"), { name: "TimeoutError" })));
        assert.ok(isNetworkError(new Error("socket hang up")));
    });

    it("is false for any answer, whatever its message says about networks or timeouts", () => {
        assert.ok(!isNetworkError(serviceError("ValidationException", "EnableNetworkIsolation is not supported for a model package with network access")));
        assert.ok(!isNetworkError(serviceError("ValidationException", "Value at 'modelPackageDescription' exceeds timeout settings")));
        assert.ok(!isNetworkError(serviceError("InternalFailure", "network error in the service", 500)));
        assert.ok(!isNetworkError(new TransportError("http://proxy/", "CreateModel", 504, "Gateway Timeout", "an HTML page")));
        assert.ok(!isNetworkError(new Error("the network is fine, the timeout is not")));
    });

    it("a ValidationException about network isolation on a retried create is not a lost create", () => {
        assert.ok(!isLostCreate(serviceError("ValidationException", "EnableNetworkIsolation: network isolation is required", 400, 3)));
        assert.ok(isLostCreate(socketError("ECONNRESET", "socket hang up", 2)));
        assert.ok(isLostCreate(serviceError("ValidationException", "Cannot create already existing model \"arn\".", 400, 2)));
    });
});

describe("errors built for users print their message once", () => {
    const printed = (err: Error) => `${err}: ${err.stack}`; // what Pulumi's dynamic-provider host writes for read/delete/check/diff

    for (const [what, err] of [
        ["describeAwsError", describeAwsError(serviceError("AccessDeniedException", "not allowed"), { resource: "Model \"m\"", operation: "DeleteModel" })],
        ["goneError", goneError("Model \"m\"", "us-east-1")],
        ["userError", userError("ModelPackageGroup \"g\" still holds 2 model package version(s)")],
    ] as const) {
        it(`${what}: the host's line holds the message once, and no stack`, () => {
            const line = printed(err);
            assert.strictEqual(line, `${err.message}: `);
            assert.strictEqual(line.split(err.message).length - 1, 1);
            assert.ok(!/\n\s+at /.test(line));
        });
    }

    it("describeAwsError names the resource, the operation, the code, AWS's words and the fix", () => {
        const err = describeAwsError(serviceError("AccessDeniedException", "User is not authorized"), { resource: "Model \"m\"", operation: "DeleteModel" });
        assert.match(err.message, /^Model "m": SageMaker DeleteModel failed: AccessDeniedException: User is not authorized — Grant the deploying identity/);
    });
});

describe("isNetworkError: an answer is never a lost connection, whatever its code (issue 21)", () => {
    it("an answered RequestTimeout (HTTP 408) or TimeoutError (HTTP 504) is not a network error, nor a lost create", () => {
        for (const [name, status] of [["RequestTimeout", 408], ["TimeoutError", 504], ["ECONNRESET", 400]] as const) {
            const err = serviceError(name, "the service answered", status, 2);
            assert.strictEqual(isNetworkError(err), false, name);
            assert.strictEqual(isLostCreate(err), false, name);
        }
    });

    it("the same codes without an answer are network errors", () => {
        for (const name of ["RequestTimeout", "TimeoutError"]) {
            assert.strictEqual(isNetworkError(Object.assign(new Error("no answer"), { name, $metadata: { attempts: 1 } })), true, name);
        }
    });
});
