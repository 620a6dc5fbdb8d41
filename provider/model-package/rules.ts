import { checkFailure as fail, type Failure } from "../common/check-failures";
import { isUnknown } from "../common/unknown";
import { isAbsent } from "../common/values";

type Props = Record<string, unknown>;

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
