import type * as pulumi from "@pulumi/pulumi";
import { assertRegion } from "./settings";
import { isUnknown } from "./unknown";

/** What to do about each validator constraint, appended to the issue's message. */
const CONSTRAINT_FIXES: Record<string, string> = {
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
export function shapeIssueFailure(issue: { path: string; constraint: string; message: string }, ownSettings: readonly string[] = []): Failure {
    let fix = CONSTRAINT_FIXES[issue.constraint] ?? "correct the value";
    if (issue.constraint === "unknownMember" && ownSettings.length > 0) {
        fix = `${fix}; our own settings are ${ownSettings.join(", ")}`;
    }
    return { property: issue.path, constraint: issue.constraint, reason: `${issue.message} (constraint: ${issue.constraint}). Fix: ${fix}.` };
}

/** A check failure plus its constraint (used to drop duplicate reports of the same problem). */
export interface Failure extends pulumi.dynamic.CheckFailure {
    constraint: string;
}

/** The one wording of a check failure: `<property>: <problem> (constraint: <c>). Fix: <fix>.` */
export function checkFailure(property: string, constraint: string, problem: string, fix: string): Failure {
    return { property, constraint, reason: `${property}: ${problem} (constraint: ${constraint}). Fix: ${fix}.` };
}

/** Failures as the engine takes them: property and reason only. */
export function withoutConstraints(failures: readonly Failure[]): pulumi.dynamic.CheckFailure[] {
    return failures.map(({ property, reason }) => ({ property, reason }));
}

/** When a check itself throws (ill-typed inputs it did not expect): still a failure, never a crash. */
export function uncheckedFailure(kind: string, doc: string, err: unknown): Failure {
    return {
        property: "",
        constraint: "internal",
        reason: `the ${kind} inputs could not be validated (${err instanceof Error ? err.message : String(err)}). ` +
            `Fix: check the inputs' types against ${doc}.`,
    };
}

/** Our own `region` input: a region code, or left out (unknowns are not judged). */
export function regionFailure(region: unknown): Failure | undefined {
    if (region === undefined || region === null || isUnknown(region)) {
        return undefined;
    }
    if (typeof region !== "string") {
        return checkFailure("region", "type", "region must be a string", "use an AWS region code, or leave it out to use aws:region");
    }
    try {
        assertRegion(region, "region");
        return undefined;
    } catch (err) {
        return checkFailure("region", "pattern", (err as Error).message.replace(/:.*$/, ""),
            "use an AWS region code such as \"us-east-1\", or leave it out to use aws:region");
    }
}
