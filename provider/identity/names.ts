/**
 * Names and what they identify, decided once: a SageMaker ARN is parsed into what it names, and
 * names compare as SageMaker compares them.
 */

/**
 * The resource name an ARN or a name gives: `arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn`
 * -> `churn`; a name is itself. For a version ARN (`model-package/churn/3`) that is the version number:
 * see `versionOf` and `groupOfVersion`.
 */
export function nameOf(nameOrArn: string): string {
    return nameOrArn.startsWith("arn:") ? nameOrArn.slice(nameOrArn.lastIndexOf("/") + 1) : nameOrArn;
}

/** A model package version ARN's group: `arn:...:model-package/churn/3` -> `churn`; undefined for anything else. */
export function groupOfVersion(arn: string): string | undefined {
    const m = /^arn:[^:]+:sagemaker:[^:]*:[^:]*:model-package\/([^/]+)\/\d+$/.exec(arn);
    return m?.[1];
}

/** A model package version ARN's number: `arn:...:model-package/churn/3` -> 3; undefined for anything else. */
export function versionOf(arn: string): number | undefined {
    const m = /^arn:[^:]+:sagemaker:[^:]*:[^:]*:model-package\/[^/]+\/(\d+)$/.exec(arn);
    return m ? Number(m[1]) : undefined;
}

/** SageMaker names are case-insensitive: "Fraud" and "fraud" name the same resource. */
export function sameName(a: unknown, b: unknown): boolean {
    return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}

/** A version's group, by name or by ARN (`group.name` or `group.arn`), in the form two compare in: the same group either way. */
export function groupKey(group: unknown): unknown {
    return typeof group === "string" ? nameOf(group).toLowerCase() : group;
}
