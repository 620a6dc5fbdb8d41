// CreateModelPackage's and UpdateModelPackage's cross-field rules: what the API reference states
// in prose (CreateModelPackageInput's and ModelPackageContainerDefinition's member documentation),
// which no shape captures. Used by the ModelPackage's check() and by the local endpoint.
import { isUnknown } from "../common/unknown";
import { isPlainObject } from "../common/values";
import { dataSourceFindings } from "./containers";
import { checkOnly, finding, present, type Finding } from "./finding";
import { tagFindings } from "./tags";

type Obj = Record<string, unknown>;

/** ModelPackageContainerDefinition.Environment: "We support up to 16 entries in the map." */
export const MAX_PACKAGE_ENV_ENTRIES = 16;

/** The rules of a CreateModelPackage request (the ModelPackage's inputs). */
export function modelPackageFindings(news: Obj): Finding[] {
    const out: Finding[] = [];
    const versioned = present(news.ModelPackageGroupName);
    const named = present(news.ModelPackageName);
    if (versioned && named) {
        out.push(finding("ModelPackageName", "exclusive",
            "ModelPackageName and ModelPackageGroupName are mutually exclusive",
            "for a version in a model group remove ModelPackageName (versions are named after their group); " +
            "for an unversioned package remove ModelPackageGroupName"));
    } else if (!versioned && !named) {
        out.push(finding("ModelPackageGroupName", "required",
            "a model package needs ModelPackageGroupName (versioned) or ModelPackageName (unversioned)",
            "set ModelPackageGroupName to a group's name or ARN (e.g. `group.name`) to register a version, " +
            "or ModelPackageName to create an unversioned package"));
    }
    if (!versioned && named) {
        for (const m of ["ModelApprovalStatus", "ApprovalDescription"]) {
            if (present(news[m])) {
                // "does not apply to unversioned models" (ModelApprovalStatus): no documented error.
                out.push(checkOnly(finding(m, "versionedOnly", `${m} applies to versioned packages only`,
                    `register the package in a group (ModelPackageGroupName instead of ModelPackageName), or remove ${m}`)));
            }
        }
        if (!present(news.InferenceSpecification) && !present(news.SourceAlgorithmSpecification)) {
            out.push(finding("InferenceSpecification", "required",
                "an unversioned package needs InferenceSpecification or SourceAlgorithmSpecification",
                "set InferenceSpecification (containers and supported instance types), or SourceAlgorithmSpecification " +
                "to package an algorithm resource"));
        }
    }
    if (versioned && present(news.CertifyForMarketplace)) {
        // "does not apply to versioned models": no documented error.
        out.push(checkOnly(finding("CertifyForMarketplace", "unversionedOnly", "CertifyForMarketplace applies to unversioned packages only",
            "remove it, or create an unversioned package (ModelPackageName without a group)")));
    }
    if (present(news.AdditionalInferenceSpecifications) && !present(news.InferenceSpecification)) {
        out.push(finding("AdditionalInferenceSpecifications", "requires",
            "additional inference specifications extend InferenceSpecification, which is not set",
            "set InferenceSpecification as well"));
    }
    const specs = news.AdditionalInferenceSpecifications;
    if (Array.isArray(specs)) {
        const names = specs.map((s) => (isPlainObject(s) ? s.Name : undefined))
            .filter((n): n is string => typeof n === "string" && !isUnknown(n));
        const dup = names.find((n, i) => names.indexOf(n) !== i);
        if (dup !== undefined) {
            out.push(finding("AdditionalInferenceSpecifications", "unique",
                `two additional inference specifications are named "${dup}"`, "give each one a distinct Name"));
        }
    }
    out.push(...specificationFindings("InferenceSpecification", news.InferenceSpecification));
    out.push(...specificationListFindings("AdditionalInferenceSpecifications", specs));
    out.push(...tagFindings(news.Tags));
    return out;
}

/** The rules of an UpdateModelPackage request: its new specifications' containers. */
export function modelPackageUpdateFindings(input: Obj): Finding[] {
    return [
        ...specificationFindings("InferenceSpecification", input.InferenceSpecification),
        ...specificationListFindings("AdditionalInferenceSpecificationsToAdd", input.AdditionalInferenceSpecificationsToAdd),
    ];
}

function specificationListFindings(path: string, specs: unknown): Finding[] {
    return Array.isArray(specs) ? specs.flatMap((s, i) => specificationFindings(`${path}[${i}]`, s)) : [];
}

/** An InferenceSpecification or AdditionalInferenceSpecificationDefinition: each of its Containers. */
function specificationFindings(path: string, spec: unknown): Finding[] {
    if (!isPlainObject(spec) || !Array.isArray(spec.Containers)) {
        return [];
    }
    return spec.Containers.flatMap((c, i) => (isPlainObject(c) ? packageContainerFindings(`${path}.Containers[${i}]`, c) : []));
}

function packageContainerFindings(path: string, c: Obj): Finding[] {
    const out = dataSourceFindings(path, c);
    if (isPlainObject(c.Environment)) {
        const entries = Object.keys(c.Environment).length;
        if (entries > MAX_PACKAGE_ENV_ENTRIES) {
            out.push(finding(`${path}.Environment`, "max", `${entries} entries is above the ${MAX_PACKAGE_ENV_ENTRIES} a model package container supports`,
                `keep at most ${MAX_PACKAGE_ENV_ENTRIES} variables (pass more settings through a file in the model artifacts)`));
        }
    }
    return out;
}
