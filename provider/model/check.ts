import type * as pulumi from "@pulumi/pulumi";
import { autoName } from "../common/naming";
import { assertRegion } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { validateShape } from "../shapes/validate";
import { crossFieldFailures, type Failure } from "./rules";
import { NOT_SENT, OWN_INPUTS } from "./members";

type Inputs = Record<string, unknown>;

const FIXES: Record<string, string> = {
    required: "set it",
    type: "use a value of the expected type",
    min: "use a longer value or more items",
    max: "use a shorter value or fewer items",
    pattern: "change the value so it matches the pattern",
    enum: "use one of the listed values",
    unknownMember: "remove it or correct the spelling (members use the SDK's PascalCase names; our own settings are region and logicalName)",
};

/**
 * The Model's `check`: decides the physical name once, then validates with the shared shape
 * validator and the cross-field rules SageMaker applies at create time. Never throws: every
 * problem, ill-typed values included, comes back as a CheckFailure naming path, constraint and fix.
 */
export function checkModel(olds: Inputs, news: Inputs): pulumi.dynamic.CheckResult {
    const inputs: Inputs = { ...news };
    const failures: Failure[] = [];
    try {
        nameModel(olds ?? {}, inputs, failures);
        checkRegion(inputs[OWN_INPUTS.region], failures);
        failures.push(...crossFieldFailures(inputs));
        for (const issue of validateShape("CreateModelInput", inputs, { isUnknown, ignoreMembers: NOT_SENT })) {
            failures.push({
                property: issue.path,
                constraint: issue.constraint,
                reason: `${issue.message} (constraint: ${issue.constraint}). Fix: ${FIXES[issue.constraint] ?? "correct the value"}.`,
            });
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

/**
 * ModelName: the user's, else the one generated earlier (olds), else a new one from the logical
 * name. The engine calls check with empty olds when it replaces, so a replacement gets a new name.
 */
function nameModel(olds: Inputs, inputs: Inputs, failures: Failure[]): void {
    if (inputs.ModelName !== undefined && inputs.ModelName !== null) {
        inputs[OWN_INPUTS.autoNamed] = false;
        return;
    }
    inputs[OWN_INPUTS.autoNamed] = true;
    const previous = olds.ModelName;
    if (olds[OWN_INPUTS.autoNamed] === true && typeof previous === "string" && previous !== "" && !isUnknown(previous)) {
        inputs.ModelName = previous;
        return;
    }
    const logical = inputs[OWN_INPUTS.logicalName];
    if (typeof logical === "string" && logical !== "" && !isUnknown(logical)) {
        inputs.ModelName = autoName(logical);
        return;
    }
    delete inputs[OWN_INPUTS.autoNamed];
    failures.push({
        property: "ModelName",
        constraint: "required",
        reason: `ModelName is missing and there is no ${OWN_INPUTS.logicalName} to derive it from (constraint: required). ` +
            "Fix: set ModelName, or create the resource with `new Model(name, args)`, which passes the logical name.",
    });
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
