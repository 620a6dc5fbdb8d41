import { randomUUID } from "crypto";
import type * as pulumi from "@pulumi/pulumi";
import { checkFailure as fail, regionFailure, shapeIssueFailure, uncheckedFailure, withoutConstraints, type Failure } from "../common/check-failures";
import type { ProviderSettings } from "../common/settings";
import { isUnknown } from "../common/unknown";
import { validateShape } from "../shapes/validate";
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

/**
 * The rules the API reference states in prose (CreateModelPackageInput's member documentation),
 * which no shape captures.
 */
export function crossFieldFailures(news: Props): Failure[] {
    const failures: Failure[] = [];
    const versioned = given(news.ModelPackageGroupName);
    const named = given(news.ModelPackageName);
    if (versioned && named) {
        failures.push(fail("ModelPackageName", "exclusive",
            "ModelPackageName and ModelPackageGroupName are mutually exclusive",
            "for a version in a model group remove ModelPackageName (versions are named after their group); " +
            "for an unversioned package remove ModelPackageGroupName"));
    } else if (!versioned && !named) {
        failures.push(fail("ModelPackageGroupName", "required",
            "a model package needs ModelPackageGroupName (versioned) or ModelPackageName (unversioned)",
            "set ModelPackageGroupName to a group's name or ARN (e.g. `group.name`) to register a version, " +
            "or ModelPackageName to create an unversioned package"));
    }
    if (!versioned && named) {
        for (const m of ["ModelApprovalStatus", "ApprovalDescription"]) {
            if (given(news[m])) {
                failures.push(fail(m, "versionedOnly", `${m} applies to versioned packages only`,
                    `register the package in a group (ModelPackageGroupName instead of ModelPackageName), or remove ${m}`));
            }
        }
        if (!given(news.InferenceSpecification) && !given(news.SourceAlgorithmSpecification)) {
            failures.push(fail("InferenceSpecification", "required",
                "an unversioned package needs InferenceSpecification or SourceAlgorithmSpecification",
                "set InferenceSpecification (containers and supported instance types), or SourceAlgorithmSpecification " +
                "to package an algorithm resource"));
        }
    }
    if (versioned && given(news.CertifyForMarketplace)) {
        failures.push(fail("CertifyForMarketplace", "unversionedOnly", "CertifyForMarketplace applies to unversioned packages only",
            "remove it, or create an unversioned package (ModelPackageName without a group)"));
    }
    if (given(news.AdditionalInferenceSpecifications) && !given(news.InferenceSpecification)) {
        failures.push(fail("AdditionalInferenceSpecifications", "requires",
            "additional inference specifications extend InferenceSpecification, which is not set",
            "set InferenceSpecification as well"));
    }
    const specs = news.AdditionalInferenceSpecifications;
    if (Array.isArray(specs)) {
        const names = specs.map((s) => (s && typeof s === "object" ? (s as { Name?: unknown }).Name : undefined))
            .filter((n): n is string => typeof n === "string" && !isUnknown(n));
        const dup = names.find((n, i) => names.indexOf(n) !== i);
        if (dup !== undefined) {
            failures.push(fail("AdditionalInferenceSpecifications", "unique",
                `two additional inference specifications are named "${dup}"`, "give each one a distinct Name"));
        }
    }
    return failures;
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
        for (const issue of validateShape("CreateModelPackageInput", inputs, { isUnknown, ignoreMembers: ignore })) {
            failures.push(shapeIssueFailure(issue, [...OWN_SETTINGS, ...EXTRA_API_MEMBERS]));
        }
        if (given(inputs.ApprovalDescription)) {
            for (const issue of validateShape("ApprovalDescription", inputs.ApprovalDescription, { isUnknown, rootPath: "ApprovalDescription" })) {
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
