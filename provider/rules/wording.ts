// The two wordings of a finding: check()'s, for a Pulumi user (path, constraint, fix), and the
// local endpoint's, as SageMaker words a ValidationException.
import { checkFailure, type Failure } from "../common/check-failures";
import type { Finding } from "./finding";
import { ruleFindings } from "./index";

/** A finding as a check failure: `<path>: <problem> (constraint: <c>). Fix: <fix>.` */
export function toCheckFailure(f: Finding): Failure {
    return checkFailure(f.path, f.constraint, f.problem, f.fix);
}

/** The check failures of an operation's rules on a resource's inputs. */
export function ruleFailures(operation: string, inputs: Record<string, unknown>): Failure[] {
    return ruleFindings(operation, inputs).map(toCheckFailure);
}

/** What the local endpoint answers: `<path>: <problem>` for each finding, joined as one message. */
export function serviceMessage(findings: readonly Finding[]): string {
    return findings.map((f) => `${f.path}: ${f.problem}`).join("; ");
}
