// The one set of cross-field rules, by the SageMaker operation whose request they govern. check()
// applies them to a resource's inputs (the same members), the local endpoint to each request.
import type { Finding } from "./finding";
import { modelFindings } from "./model";
import { modelPackageFindings, modelPackageUpdateFindings } from "./model-package";
import { tagFindings } from "./tags";

export type { Finding } from "./finding";

type Rules = (input: Record<string, unknown>) => Finding[];

export const RULES: Readonly<Record<string, Rules>> = {
    CreateModel: modelFindings,
    CreateModelPackage: modelPackageFindings,
    UpdateModelPackage: modelPackageUpdateFindings,
    CreateModelPackageGroup: (input) => tagFindings(input.Tags),
    AddTags: (input) => tagFindings(input.Tags),
};

/**
 * The findings of an operation's rules on a request (none for an operation without rules).
 * `service: true` leaves out our check()-only rules (Finding.scope): what SageMaker itself refuses.
 */
export function ruleFindings(operation: string, input: Record<string, unknown>, opts: { service?: boolean } = {}): Finding[] {
    const all = Object.prototype.hasOwnProperty.call(RULES, operation) ? RULES[operation](input) : [];
    return opts.service ? all.filter((f) => f.scope !== "check") : all;
}
