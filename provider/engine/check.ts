import type * as pulumi from "@pulumi/pulumi";
import { AUTO_NAME_KEYS, resolveAutoName } from "../common/auto-name";
import { shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import { withDeploymentRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { getShape } from "../shapes/validate";
import { checkShape } from "../shapes/validation-mode";
import { engineWarning } from "./log";
import { sdk } from "../aws/client";
import { ENGINE_KEYS, operationOf, type KindSpec, type Props } from "./kind";
import { createRequest } from "./request";
import { isAbsent } from "../common/values";

/**
 * `check` for every kind. Never throws: every problem, ill-typed values included, comes back as
 * a CheckFailure naming the property path, the constraint and the fix, so `pulumi preview` shows
 * it before anything is deployed. In order:
 * - a malformed stack config fails every check with its one message;
 * - the physical name is decided once (generated from the logical name, then kept);
 * - our own settings, the cross-field rules, then the API model's shapes;
 * - the kind's preparation (e.g. a ClientToken), and the deployment region recorded in the inputs.
 */
export function checkInputs(spec: KindSpec, settings: ProviderSettings, olds: Props | undefined, news: Props): pulumi.dynamic.CheckResult {
    if (settings.configError !== undefined) {
        return { inputs: news, failures: [{ property: "", reason: settings.configError }] };
    }
    const inputs: Props = { ...news };
    const failures: Failure[] = [];
    try {
        if (spec.name.generated) {
            const naming = resolveAutoName(olds ?? {}, inputs, spec.name.member, spec.kind);
            if (naming) {
                failures.push(naming);
            }
        }
        for (const [key, own] of Object.entries(spec.own)) {
            const value = inputs[key];
            const failure = isAbsent(value) || isUnknown(value) ? undefined : own.validate?.(value);
            if (failure) {
                failures.push(failure);
            }
        }
        failures.push(...spec.rules(inputs));
        failures.push(...shapeFailures(spec, settings, inputs));
        spec.hooks.prepare?.(settings, olds ?? {}, inputs, createRequest(spec, inputs));
    } catch (err) {
        failures.push(uncheckedFailure(spec.kind, spec.doc, err));
    }
    return { inputs: withDeploymentRegion(settings, inputs), failures: withoutConstraints(onePerProblem(failures)) };
}

/** Our settings a misspelt member may have meant, named in the unknown-member failure. */
function settingNames(spec: KindSpec): string[] {
    return [...Object.keys(spec.own).filter((k) => k !== AUTO_NAME_KEYS.autoNamed),
        ...Object.entries(spec.members).filter(([, m]) => m.afterCreate).map(([k]) => k)];
}

/** The create request's shape, then each member set after creation against its own shape (sagemaker:validation applies). */
function shapeFailures(spec: KindSpec, settings: ProviderSettings, inputs: Props): Failure[] {
    const afterCreate = Object.entries(spec.members).filter(([, m]) => m.afterCreate).map(([k]) => k);
    const ignore = [...Object.keys(spec.own), ...afterCreate, ...ENGINE_KEYS];
    const named = settingNames(spec);
    const commands = spec.api.commands(sdk());
    const failures = checkShape(settings, spec.kind, `${operationOf(commands.create)}Input`, inputs, { isUnknown, ignoreMembers: ignore }, engineWarning).map((i) => shapeIssueFailure(i, named));
    const updateShape = commands.update ? getShape(`${operationOf(commands.update)}Input`) : undefined;
    for (const member of afterCreate) {
        const shape = updateShape?.members?.[member];
        if (shape && !isAbsent(inputs[member])) {
            failures.push(...checkShape(settings, spec.kind, shape, inputs[member], { isUnknown, rootPath: member }, engineWarning).map((i) => shapeIssueFailure(i)));
        }
    }
    return failures;
}

/** One failure per (path, constraint): the cross-field rules come first and carry the better advice. */
function onePerProblem(failures: Failure[]): Failure[] {
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
