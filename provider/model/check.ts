import type * as pulumi from "@pulumi/pulumi";
import { resolveAutoName } from "../common/auto-name";
import { shapeIssueFailure } from "../common/check-failures";
import { assertRegion } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { validateShape } from "../shapes/validate";
import { crossFieldFailures, type Failure } from "./rules";
import { NOT_SENT, OWN_INPUTS } from "./members";

type Inputs = Record<string, unknown>;

/** Our own camelCase settings, named in the message for a misspelt member. */
const OWN_SETTINGS = [OWN_INPUTS.region, OWN_INPUTS.logicalName];

/**
 * The Model's `check`: decides the physical name once, then validates with the shared shape
 * validator and the cross-field rules SageMaker applies at create time. Never throws: every
 * problem, ill-typed values included, comes back as a CheckFailure naming path, constraint and fix.
 */
export function checkModel(olds: Inputs, news: Inputs): pulumi.dynamic.CheckResult {
    const inputs: Inputs = { ...news };
    const failures: Failure[] = [];
    try {
        const naming = resolveAutoName(olds ?? {}, inputs, "ModelName", "Model");
        if (naming) {
            failures.push({ ...naming, constraint: "required" });
        }
        checkRegion(inputs[OWN_INPUTS.region], failures);
        failures.push(...crossFieldFailures(inputs));
        for (const issue of validateShape("CreateModelInput", inputs, { isUnknown, ignoreMembers: NOT_SENT })) {
            failures.push({ ...shapeIssueFailure(issue, OWN_SETTINGS), constraint: issue.constraint });
        }
    } catch (err) {
        failures.push({
            property: "",
            constraint: "internal",
            reason: `the Model inputs could not be validated (${err instanceof Error ? err.message : String(err)}). Fix: check the inputs' types against docs/MODEL.md.`,
        });
    }
    return { inputs, failures: dedupe(failures).map(({ property, reason }) => ({ property, reason })) };
}

function checkRegion(region: unknown, failures: Failure[]): void {
    if (region === undefined || region === null || isUnknown(region)) {
        return;
    }
    if (typeof region !== "string") {
        failures.push({
            property: "region",
            constraint: "type",
            reason: `region must be a string such as "us-east-1" (constraint: type). Fix: use an AWS region code, or leave it out to use aws:region.`,
        });
        return;
    }
    try {
        assertRegion(region, "region");
    } catch (err) {
        failures.push({
            property: "region",
            constraint: "pattern",
            reason: `${(err as Error).message} (constraint: pattern). Fix: use an AWS region code, or leave it out to use aws:region.`,
        });
    }
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
