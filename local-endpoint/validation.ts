// Request validation, as SageMaker does it before an operation runs: the shapes of the API model
// first (SageMaker's framework validation), then the operation's cross-field rules, the same rule
// set the providers' check() uses (provider/rules).
import { ruleFindings } from "../provider/rules";
import { serviceMessage } from "../provider/rules/wording";
import { operationInputShape, validateShape, type ShapeIssue } from "../provider/shapes/validate";
import { ApiError, validationError } from "./protocol";
import type { Json } from "./store";

/**
 * SageMaker's wording of shape failures (the form every AWS JSON service uses):
 * `2 validation errors detected: Value at 'modelName' failed to satisfy constraint: Member must
 * have length less than or equal to 63; ...`. AWS quotes the value after "Value"; this endpoint
 * never does (values may be secrets). Failures AWS reports otherwise (wrong JSON types are a
 * SerializationException there) keep the validator's own message.
 */
export function shapeMessage(issues: readonly ShapeIssue[]): string {
  const plural = issues.length === 1 ? "" : "s";
  const each = issues.map((i) => (i.aws !== undefined && i.wirePath !== undefined
    ? `Value ${i.constraint === "required" ? "null " : ""}at '${i.wirePath}' failed to satisfy constraint: ${i.aws}`
    : i.message));
  return `${issues.length} validation error${plural} detected: ${each.join("; ")}`;
}

/** The ValidationException a request earns, or undefined when it is valid. */
export function requestError(operation: string, input: Json): ApiError | undefined {
  const issues = validateShape(operationInputShape(operation)!, input);
  if (issues.length > 0) return validationError(shapeMessage(issues));
  const findings = ruleFindings(operation, input, { service: true });
  return findings.length > 0 ? validationError(serviceMessage(findings)) : undefined;
}
