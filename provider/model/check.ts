import type * as pulumi from "@pulumi/pulumi";
import { resolveAutoName } from "../common/auto-name";
import { regionFailure, shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import { isUnknown } from "../common/unknown";
import type { ProviderSettings } from "../common/settings";
import { checkShape } from "../shapes/validation-mode";
import { crossFieldFailures } from "./rules";
import { NOT_SENT, OWN_INPUTS } from "./members";

type Inputs = Record<string, unknown>;

/** Our own camelCase settings, named in the message for a misspelt member. */
const OWN_SETTINGS = [OWN_INPUTS.region, OWN_INPUTS.logicalName];

/**
 * The Model's `check`: decides the physical name once, then validates with the shared shape
 * validator and the cross-field rules SageMaker applies at create time. Never throws: every
 * problem, ill-typed values included, comes back as a CheckFailure naming path, constraint and fix.
 */
export function checkModel(olds: Inputs, news: Inputs, settings?: ProviderSettings): pulumi.dynamic.CheckResult {
    const inputs: Inputs = { ...news };
    const failures: Failure[] = [];
    try {
        const naming = resolveAutoName(olds ?? {}, inputs, "ModelName", "Model");
        if (naming) {
            failures.push(naming);
        }
        const region = regionFailure(inputs[OWN_INPUTS.region]);
        if (region) {
            failures.push(region);
        }
        failures.push(...crossFieldFailures(inputs));
        for (const issue of checkShape(settings, `Model "${String(inputs.ModelName)}"`, "CreateModelInput", inputs, { isUnknown, ignoreMembers: NOT_SENT })) {
            failures.push(shapeIssueFailure(issue, OWN_SETTINGS));
        }
    } catch (err) {
        failures.push(uncheckedFailure("Model", "docs/MODEL.md", err));
    }
    return { inputs, failures: withoutConstraints(dedupe(failures)) };
}

/** One failure per (path, constraint): the cross-field rules come first and carry the better advice. */
function dedupe(failures: Failure[]): Failure[] {
    const seen = new Set<string>();
    return failures.filter((f) => {
        const key = `${f.property}\u0000${f.constraint}`;
        if (seen.has(key)) {
            return false;
        }
        seen.add(key);
        return true;
    });
}
