// The registry's own answer for one package version: DescribeModelPackage, asked with the
// credentials and endpoint settings of the environment the preview runs in (the SDK's default
// chains: AWS_PROFILE / AWS_ACCESS_KEY_ID / SSO / IMDS, AWS_ENDPOINT_URL_SAGEMAKER), in the region of
// the package. The SDK is required inside the function: the pack loads without it being called.
import type { DescribeModelPackageOutput, SageMakerClient } from "@aws-sdk/client-sagemaker";

// The pack compiles without Node's types ("types": []); require is Node's.
declare const require: (id: string) => unknown;
type Sdk = typeof import("@aws-sdk/client-sagemaker");

export const PERMISSION = "sagemaker:DescribeModelPackage";

export type LiveAnswer =
    | { kind: "found"; approval?: string; stage?: string; stageStatus?: string; arn?: string }
    | { kind: "missing"; message: string }
    /** The registry could not be asked: why, in words a user can act on. */
    | { kind: "unreachable"; why: string };

/** Asks once per region and package; N models serving one version make one call (a map per policy run). */
export class LiveRegistry {
    private readonly answers = new Map<string, Promise<LiveAnswer>>();
    private readonly clients = new Map<string, SageMakerClient>();
    calls = 0;

    /** `name` is the ARN, or GROUP/VERSION in the caller's account. */
    ask(region: string, name: string): Promise<LiveAnswer> {
        const key = `${region}|${name.toLowerCase()}`;
        let answer = this.answers.get(key);
        if (!answer) {
            answer = this.describe(region, name);
            this.answers.set(key, answer);
        }
        return answer;
    }

    close(): void {
        for (const c of this.clients.values()) {
            c.destroy();
        }
        this.clients.clear();
    }

    private client(region: string): SageMakerClient {
        let c = this.clients.get(region);
        if (!c) {
            const sdk = require("@aws-sdk/client-sagemaker") as Sdk;
            c = new sdk.SageMakerClient({ region, maxAttempts: 3 });
            this.clients.set(region, c);
        }
        return c;
    }

    private async describe(region: string, name: string): Promise<LiveAnswer> {
        this.calls++;
        let out: DescribeModelPackageOutput;
        try {
            const sdk = require("@aws-sdk/client-sagemaker") as Sdk;
            out = await this.client(region).send(new sdk.DescribeModelPackageCommand({ ModelPackageName: name }));
        } catch (e) {
            return classify(e, region, name);
        }
        return { kind: "found", approval: out.ModelApprovalStatus, stage: out.ModelLifeCycle?.Stage, stageStatus: out.ModelLifeCycle?.StageStatus, arn: out.ModelPackageArn };
    }
}

/** An SDK error as an answer: a package that does not exist is an answer; anything else means "could not ask". */
export function classify(e: unknown, region: string, name: string): LiveAnswer {
    const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    const text = String(err?.message ?? e).slice(0, 300);
    const code = err?.name ?? "";
    if (code === "ValidationException" && /does not exist|not found/i.test(text)) {
        return { kind: "missing", message: text };
    }
    if (code === "ResourceNotFound" || code === "ResourceNotFoundException") {
        return { kind: "missing", message: text };
    }
    if (code === "CredentialsProviderError" || /credential/i.test(text) && !err?.$metadata?.httpStatusCode) {
        return { kind: "unreachable", why: `no AWS credentials in the environment that runs the preview (${text}); give it an identity allowed ${PERMISSION}` };
    }
    if (code === "AccessDeniedException" || code === "AccessDenied" || code === "UnrecognizedClientException" || code === "InvalidSignatureException"
        || code === "ExpiredTokenException" || err?.$metadata?.httpStatusCode === 403) {
        return { kind: "unreachable", why: `access denied (${code || "HTTP 403"}: ${text}); the identity running the preview needs ${PERMISSION} on ${name} in ${region}` };
    }
    if (/Throttl|TooManyRequests|RequestLimitExceeded/.test(code)) {
        return { kind: "unreachable", why: `throttled after retries (${code}); try again, or raise the ${PERMISSION} request rate` };
    }
    return { kind: "unreachable", why: `the call failed (${code || "error"}: ${text}); the preview needs network access to SageMaker in ${region} and ${PERMISSION}` };
}
