// The stack setting `sagemaker:validation` (`error`, the default, or `warn`): the escape hatch for
// the day AWS accepts a value before the API model or the installed SDK knows it. With `warn`,
// a shape failure is reported as a warning and the request goes to AWS, which decides.
import type { ProviderSettings } from "../common/settings";
import { validateShape, type ShapeIssue, type ValidateOptions } from "./validate";

export const VALIDATION_MODES = ["error", "warn"] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];

/** Where warnings go: the engine passes its log (engine/log.ts), tests their own. The validator does no I/O. */
export type WarningSink = (message: string) => void;

/**
 * The one conversion of shape failures under the stack's validation mode: with `error` (or no
 * setting) the issues come back to be reported as check failures; with `warn` each becomes a
 * warning and none comes back. Cross-field rules (provider/rules) are not affected.
 */
export function enforcedShapeIssues(
    settings: Pick<ProviderSettings, "validation"> | undefined,
    resource: string,
    issues: readonly ShapeIssue[],
    warn: WarningSink,
): ShapeIssue[] {
    if ((settings?.validation ?? "error") === "error") {
        return [...issues];
    }
    for (const issue of issues) {
        warn(`${resource}: ${issue.message} (constraint: ${issue.constraint}); not enforced because sagemaker:validation is "warn": ` +
            "AWS decides when the request is sent.");
    }
    return [];
}

/** validateShape, then enforcedShapeIssues: what a check() calls. */
export function checkShape(
    settings: Pick<ProviderSettings, "validation"> | undefined,
    resource: string,
    shapeName: string,
    value: unknown,
    options: ValidateOptions,
    warn: WarningSink,
): ShapeIssue[] {
    return enforcedShapeIssues(settings, resource, validateShape(shapeName, value, options), warn);
}
