// The Model's cross-field rules live in provider/rules/model.ts, shared with the local endpoint.
import type { Failure } from "../common/check-failures";
import { ruleFailures } from "../rules/wording";

export { MAX_CONTAINERS, MAX_ENV_ENTRY_BYTES, MAX_ENV_TOTAL_BYTES, METRIC_PUBLISH_FREQUENCIES } from "../rules/model";

/** CreateModel's cross-field rules as check failures. */
export function crossFieldFailures(inputs: Record<string, unknown>): Failure[] {
    return ruleFailures("CreateModel", inputs);
}
