// The ModelPackage's cross-field rules live in provider/rules/model-package.ts, shared with the local endpoint.
import type { Failure } from "../common/check-failures";
import { ruleFailures } from "../rules/wording";

/** CreateModelPackage's cross-field rules as check failures. */
export function crossFieldFailures(news: Record<string, unknown>): Failure[] {
    return ruleFailures("CreateModelPackage", news);
}
