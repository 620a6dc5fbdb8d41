import type * as pulumi from "@pulumi/pulumi";
import type { ShapeIssue } from "../shapes/validate";

/** What to do about each validator constraint, appended to the issue's message. */
export const CONSTRAINT_FIXES: Record<string, string> = {
    required: "set it",
    type: "use a value of the expected type",
    min: "use a longer value or more items",
    max: "use a shorter value or fewer items",
    pattern: "change the value so it matches the pattern",
    enum: "use one of the listed values",
    unknownMember: "remove it or correct the spelling (members use the SDK's PascalCase names)",
};

/**
 * A validator issue as a CheckFailure, worded like every other check failure:
 * `<message> (constraint: <c>). Fix: <what to do>.` `ownSettings` names a resource's camelCase
 * inputs so a misspelt one is recognisable.
 */
export function shapeIssueFailure(issue: ShapeIssue, ownSettings: readonly string[] = []): pulumi.dynamic.CheckFailure {
    let fix = CONSTRAINT_FIXES[issue.constraint] ?? "correct the value";
    if (issue.constraint === "unknownMember" && ownSettings.length > 0) {
        fix = `${fix}; our own settings are ${ownSettings.join(", ")}`;
    }
    return { property: issue.path, reason: `${issue.message} (constraint: ${issue.constraint}). Fix: ${fix}.` };
}
