import { randomUUID } from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import { ruleFailures } from "../rules/wording";
import { checkFailure as fail, regionFailure, shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import type { ProviderSettings } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { checkShape } from "../shapes/validation-mode";
import { DEFAULT_STATUS_TIMEOUT_MINUTES, EXTRA_API_MEMBERS, OWN_SETTINGS } from "./fields";
import { replaceReasons } from "./package-diff";
import { isAbsent } from "../common/values";

type Props = Record<string, unknown>;

/** Keys the engine adds, never sent to AWS. */
const ENGINE_KEYS = ["__provider"];

/** Set, or not known yet (an unknown counts as set: it will be a value at deploy time). */
function given(v: unknown): boolean {
    return !isAbsent(v);
}

/** CreateModelPackage's cross-field rules (provider/rules/model-package.ts) as check failures. */
export function crossFieldFailures(news: Props): Failure[] {
    return ruleFailures("CreateModelPackage", news);
}

function ownSettingFailures(news: Props): Failure[] {
    const failures: Failure[] = [];
    const timeout = news.statusTimeoutMinutes;
    if (given(timeout) && !isUnknown(timeout) &&
        (typeof timeout !== "number" || !Number.isFinite(timeout) || timeout <= 0 || timeout > 24 * 60)) {
        failures.push(fail("statusTimeoutMinutes", "range", "statusTimeoutMinutes must be a number of minutes above 0 and at most 1440",
            `use e.g. 60, or leave it out for the default ${DEFAULT_STATUS_TIMEOUT_MINUTES}`));
    }
    const region = regionFailure(news.region);
    if (region) {
        failures.push(region);
    }
    return failures;
}

/**
 * Validates the inputs against the SDK shape and the API's prose rules, and fixes the
 * ClientToken once so every retry of the create call is idempotent. Never throws: a problem
 * becomes a check failure the engine prints against the property.
 */
export function checkModelPackage(settings: ProviderSettings, olds: Props, news: Props): pulumi.dynamic.CheckResult {
    const inputs: Props = { ...news };
    const failures: Failure[] = [];
    try {
        failures.push(...crossFieldFailures(inputs), ...ownSettingFailures(inputs));
        const ignore = [...OWN_SETTINGS, ...EXTRA_API_MEMBERS, ...ENGINE_KEYS];
        for (const issue of checkShape(settings, "ModelPackage", "CreateModelPackageInput", inputs, { isUnknown, ignoreMembers: ignore })) {
            failures.push(shapeIssueFailure(issue, [...OWN_SETTINGS, ...EXTRA_API_MEMBERS]));
        }
        if (given(inputs.ApprovalDescription)) {
            for (const issue of checkShape(settings, "ModelPackage", "ApprovalDescription", inputs.ApprovalDescription, { isUnknown, rootPath: "ApprovalDescription" })) {
                failures.push(shapeIssueFailure(issue));
            }
        }
        if (isAbsent(inputs.ClientToken)) {
            const previous = (olds ?? {}).ClientToken;
            const keep = typeof previous === "string" && replaceReasons(olds, inputs, settings).length === 0;
            // A replacement gets a fresh token: reusing the old one would return the old package.
            inputs.ClientToken = keep ? previous : randomUUID();
        }
    } catch (err) {
        failures.push(uncheckedFailure("ModelPackage", "docs/MODEL-PACKAGE.md", err));
    }
    return { inputs, failures: withoutConstraints(failures) };
}
