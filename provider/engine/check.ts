import type * as pulumi from "@pulumi/pulumi";
import { AUTO_NAME_KEYS, resolveAutoName } from "../common/auto-name";
import { shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import { resolveRegion, withDeploymentRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { getShape } from "../shapes/validate";
import { checkShape } from "../shapes/validation-mode";
import { closestValues } from "../shapes/enums";
import { isListedRegion, isRegionName, listedRegions } from "../identity/region";
import { checkFailure } from "../common/check-failures";
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

/**
 * checkInputs, then the region the SDK will send the resource's calls to (common/region.ts): none
 * at all fails the preview here, naming the keys to set, instead of `pulumi up` failing with the
 * SDK's bare "Region is missing"; a well-formed region no partition lists is only a warning (new
 * regions appear before the SDK's data lists them), naming the closest listed one.
 */
export async function checkResource(spec: KindSpec, settings: ProviderSettings, olds: Props | undefined, news: Props): Promise<pulumi.dynamic.CheckResult> {
    const result = checkInputs(spec, settings, olds, news);
    if (settings.configError !== undefined) {
        return result;
    }
    const found = await resolveRegion(settings, news);
    if (found === undefined) {
        const profile = settings.profile ?? process.env.AWS_PROFILE ?? "default";
        const failure = checkFailure("region", "required",
            `no AWS region is set for this ${spec.kind}: not its \`region\`, the stack's aws:region, AWS_REGION or AWS_DEFAULT_REGION, nor profile "${profile}" in the shared config file`,
            "run `pulumi config set aws:region <region>` (e.g. us-east-1), or set the resource's `region`");
        return { ...result, failures: [...(result.failures ?? []), { property: failure.property, reason: failure.reason }] };
    }
    if (found !== "unknown" && isRegionName(found.region) && !isListedRegion(found.region)) {
        const [closest] = closestValues(found.region, listedRegions(), 1);
        const logical = news[AUTO_NAME_KEYS.logicalName];
        const name = typeof logical === "string" ? ` "${logical}"` : "";
        engineWarning(`${spec.kind}${name}: region "${found.region}" (${REGION_FROM[found.source]}) is not a region any AWS partition lists ` +
            `(constraint: known region); if it is a typo, the closest listed region is "${closest}". Fix: correct ${REGION_KEY[found.source]}, ` +
            "or keep it if it is a region newer than this SDK's partition data.");
    }
    return result;
}

const REGION_FROM = { resource: "the resource's `region`", stack: "the stack's aws:region", environment: "AWS_REGION / AWS_DEFAULT_REGION", profile: "the AWS profile's region" } as const;
const REGION_KEY = { resource: "the resource's `region`", stack: "it with `pulumi config set aws:region <region>`", environment: "AWS_REGION", profile: "the profile's `region` in the shared config file" } as const;

/** Our settings a misspelt member may have meant, named in the unknown-member failure (a user's, never an internal one). */
function settingNames(spec: KindSpec): string[] {
    return [...Object.entries(spec.own).filter(([, own]) => !own.internal).map(([k]) => k),
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
