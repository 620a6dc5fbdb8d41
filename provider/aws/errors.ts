/**
 * Turns SDK errors into messages a user can act on: which resource, which operation, what AWS
 * said, and what to do. No stack traces, and known secret values are scrubbed from the text.
 */
export interface ErrorContext {
    /** e.g. `Model "my-model"` */
    resource: string;
    /** the SageMaker operation, e.g. `CreateModel` */
    operation: string;
    /** values that must never appear in a message (secret environment values...) */
    secrets?: string[];
    /**
     * `sagemaker:validation`: under `warn`, preview only warned about shape failures, so a
     * ValidationException may be one preview would have stopped; under `error` (the default) the
     * input passed preview's checks and the hint says what those do not cover instead.
     */
    validation?: "error" | "warn";
}

const HINTS: Record<string, string> = {
    ValidationException: "Fix the input named in the message: it passed preview's checks (the API model's shapes and the cross-field rules), which cannot see what SageMaker checks in the account (e.g. that a role, image or S3 object exists and is reachable).",
    AccessDeniedException: "Grant the deploying identity the SageMaker permission for this operation (see README, IAM permissions) and iam:PassRole on the execution role.",
    ThrottlingException: "SageMaker kept throttling after all retries: lower `pulumi up --parallel`, or raise `sagemaker:maxAttempts`.",
    ResourceLimitExceeded: "An account quota is reached: delete unused resources or request a quota increase.",
    ResourceInUse: "The resource is in use: remove what depends on it first.",
    ConflictException: "Another change is in progress on this resource: retry `pulumi up` when it finishes.",
    UnrecognizedClientException: "The credentials are not valid for this account/region: check AWS_PROFILE / aws:profile.",
    InvalidSignatureException: "The request signature was rejected: check the system clock and the credentials.",
    ExpiredTokenException: "The session credentials expired: refresh them (e.g. `aws sso login`) and retry.",
    CredentialsProviderError: "No AWS credentials were found: set AWS_PROFILE (or `pulumi config set aws:profile NAME`), or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables.",
    TransportError: "Something other than SageMaker answered (a proxy, a load balancer or a wrong URL): check `sagemaker:endpoint` / AWS_ENDPOINT_URL_SAGEMAKER, the region, and HTTPS_PROXY / NO_PROXY.",
};

/** Where preview did not run the check (shape failures only warned): the one place the hint points to preview. */
const UNCHECKED_VALIDATION_HINT = "Fix the input named in the message; `pulumi preview` runs the same checks and stops at shape failures when `sagemaker:validation` is `error` " +
    "(it is `warn` here: run `pulumi config set sagemaker:validation error`).";

/** Node's socket error codes, and the SDK's names for a request that got no answer in time. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "EPIPE", "TimeoutError", "RequestTimeout"]);

export function errorCode(err: unknown): string | undefined {
    if (err && typeof err === "object") {
        const e = err as { name?: unknown; code?: unknown; Code?: unknown };
        for (const c of [e.code, e.name, e.Code]) {
            if (typeof c === "string" && c !== "Error") {
                return c;
            }
        }
    }
    return undefined;
}

/** SageMaker reports most missing resources as a ValidationException with this wording. */
export function isNotFound(err: unknown): boolean {
    const code = errorCode(err);
    if (code === "ResourceNotFound" || code === "ResourceNotFoundException") {
        return true;
    }
    const message = err instanceof Error ? err.message : "";
    return code === "ValidationException" && /could not find|does not exist|not found/i.test(message);
}

export function isAlreadyExists(err: unknown): boolean {
    const message = err instanceof Error ? err.message : "";
    return /already exist/i.test(message);
}

/**
 * A create whose response may have been lost: the connection failed, or a retry of it found the
 * name taken (the first attempt was applied, its answer never arrived). The caller then describes
 * the resource and adopts it only if it was created during this call and matches the inputs.
 */
export function isLostCreate(err: unknown): boolean {
    const attempts = (err as { $metadata?: { attempts?: number } } | undefined)?.$metadata?.attempts ?? 1;
    return isNetworkError(err) || (isAlreadyExists(err) && attempts > 1);
}

/** How far AWS's clock may be ahead of ours when deciding whether a resource is the one we just created. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether a resource created at `created` may be the one a create call that began at `started` made. */
export function createdSince(created: Date | undefined, started: number): boolean {
    return created !== undefined && created.getTime() >= started - CLOCK_SKEW_MS;
}

/**
 * The request got no answer: the connection failed or timed out. Decided by error codes only:
 * an answer (anything with an HTTP status) is never a lost connection, whatever its message says
 * (a ValidationException about EnableNetworkIsolation, a "timeout" in a description).
 */
export function isNetworkError(err: unknown): boolean {
    if (answered(err)) {
        return false;
    }
    // errorCode reads Node's `code` first, so socket errors are found by it too.
    const code = errorCode(err);
    return (code !== undefined && NETWORK_CODES.has(code)) || (err instanceof Error && err.message === "socket hang up");
}

/** An HTTP answer came back (a service error or a TransportError carry its status). */
function answered(err: unknown): boolean {
    return typeof (err as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode === "number";
}

function scrub(text: string, secrets: readonly string[] | undefined): string {
    let out = text;
    for (const s of secrets ?? []) {
        if (s.length >= 3) {
            out = out.split(s).join("[secret]");
        }
    }
    return out;
}

/**
 * Every error the providers build for a user. Pulumi's dynamic-provider host prints a failed
 * read/delete/diff/check as `${err}: ${err.stack}` on top of reporting the error on the resource,
 * which printed the message twice in one line (`Error: X: X`, the stack being the message). Here
 * `${err}` is the message alone and the stack is empty: the host's line reads `X:` and the
 * message appears once. The SDK's stack is never shown: it is noise to users.
 */
export function userError(message: string): Error {
    const err = new Error(message);
    err.stack = "";
    Object.defineProperty(err, "toString", { value: () => err.message, enumerable: false });
    return err;
}

/** An update found the resource gone (deleted outside Pulumi): how to bring the state back in line. */
export function goneError(resource: string, region: string): Error {
    return userError(`${resource} no longer exists in ${region}: run \`pulumi refresh\` to drop it from the state, then \`pulumi up\` to recreate it.`);
}

/** Builds the Error the engine shows; the original is not chained (its stack is noise to users). */
export function describeAwsError(err: unknown, ctx: ErrorContext): Error {
    const code = errorCode(err) ?? "Error";
    const raw = err instanceof Error ? err.message : String(err);
    const hint = code === "ValidationException" && ctx.validation === "warn" ? UNCHECKED_VALIDATION_HINT : HINTS[code] ?? (isNetworkError(err)
        ? "The SageMaker endpoint could not be reached: check the region, `sagemaker:endpoint` / AWS_ENDPOINT_URL_SAGEMAKER, and the network."
        : "");
    const message = `${ctx.resource}: SageMaker ${ctx.operation} failed: ${code}: ${raw}${hint ? ` — ${hint}` : ""}`;
    return userError(scrub(message, ctx.secrets));
}
