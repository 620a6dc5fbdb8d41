// awsJson1_1 wire details: error bodies the SDK turns into its typed exceptions, request metadata.
import * as http from "http";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** An AWS-shaped error. `code` becomes `__type`; the SDK maps it to its exception class by name. */
export class ApiError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
  }
}

export const validationError = (message: string) => new ApiError("ValidationException", 400, message);
export const resourceNotFound = (message: string) => new ApiError("ResourceNotFound", 400, message);
export const conflict = (message: string) => new ApiError("ConflictException", 400, message);
export const throttling = () => new ApiError("ThrottlingException", 400, "Rate exceeded");
export const internalFailure = () => new ApiError("InternalFailure", 500, "We encountered an internal error. Please try again.");

/**
 * Modeled SageMaker exceptions carry a `Message` member; generic AWS errors use `message`.
 * Sending both lets the SDK fill `err.message` and the modeled `Message` field alike.
 */
export function errorBody(err: ApiError): string {
  return JSON.stringify({ __type: err.code, message: err.message, Message: err.message });
}

/** Region from the SigV4 credential scope: `Credential=AKID/20240101/us-east-1/sagemaker/aws4_request`. */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/.exec(header ?? "");
  return match?.[1];
}

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** awsJson1_1 timestamps are epoch seconds. */
export const epochSeconds = (ms: number) => ms / 1000;
