// Model registry identities: what a ModelPackageName or ModelPackageGroupName value names.
// A versioned package is (partition, region, account, group, version). A name (`GROUP/VERSION`, a
// group name) names one in the account and region of the resource that uses it, so those parts are
// left open here and filled in by `resolve` with the resource's own. SageMaker names are
// case-insensitive (the provider keys groups the same way), so groups compare lower-cased; a version
// is a number, and one written with leading zeros is reported (whether SageMaker reads "01" as 1 is
// not documented). Sources: API model shapes VersionedArnOrName, ArnOrName, ModelPackageArn,
// ModelPackageGroupArn (scripts/api-model).
import { parseLocation } from "./index";

/** A versioned package; region and account are absent only for a name not yet resolved. */
export interface PackageVersionId {
    partition?: string;
    region?: string;
    account?: string;
    /** The group name, lower-cased. */
    group: string;
    version: number;
}

export interface GroupId {
    partition?: string;
    region?: string;
    account?: string;
    /** lower-cased */
    group: string;
}

export type PackageRef =
    | { kind: "versioned"; id: PackageVersionId }
    | { kind: "unversioned" }
    | { kind: "other"; reason: string };

const NAME = /^[a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62}$/;
const VERSION = /^[1-9][0-9]{0,8}$/;

function versioned(group: string, version: string, where: Omit<GroupId, "group">): PackageRef {
    if (!NAME.test(group)) {
        return { kind: "other", reason: `"${group.slice(0, 80)}" is not a model package group name` };
    }
    if (!VERSION.test(version)) {
        return { kind: "other", reason: `version "${version.slice(0, 20)}" is not a version number as SageMaker writes it (1 to 999999999, no leading zeros)` };
    }
    return { kind: "versioned", id: { ...where, group: group.toLowerCase(), version: Number(version) } };
}

/** What a container's ModelPackageName names: a versioned package, an unversioned one, or what it cannot be. */
export function parsePackageRef(value: string): PackageRef {
    if (value.startsWith("arn:")) {
        const arn = parseLocation(value, "arn");
        if (arn.kind !== "arn") {
            return { kind: "other", reason: arn.kind === "other" ? arn.reason : "not an ARN" };
        }
        const m = /^model-package\/(.*)$/s.exec(arn.resource);
        if (arn.service !== "sagemaker" || !m || !arn.region || !/^\d{12}$/.test(arn.account)) {
            return { kind: "other", reason: "not a model package ARN (arn:PARTITION:sagemaker:REGION:ACCOUNT:model-package/NAME[/VERSION])" };
        }
        const parts = m[1].split("/");
        const where = { partition: arn.partition, region: arn.region, account: arn.account };
        if (parts.length === 1 && NAME.test(parts[0])) {
            return { kind: "unversioned" };
        }
        return parts.length === 2 ? versioned(parts[0], parts[1], where) : { kind: "other", reason: "not a model package ARN (…:model-package/NAME or …:model-package/GROUP/VERSION)" };
    }
    if (NAME.test(value)) {
        return { kind: "unversioned" };
    }
    const parts = value.split("/");
    return parts.length === 2 ? versioned(parts[0], parts[1], {}) : { kind: "other", reason: "neither a model package name nor GROUP/VERSION" };
}

/** What a ModelPackageGroupName value names: a group by name (in the package's own account and region) or by ARN. */
export function parseGroupRef(value: string): GroupId | undefined {
    if (value.startsWith("arn:")) {
        const arn = parseLocation(value, "arn");
        const m = arn.kind === "arn" && arn.service === "sagemaker" ? /^model-package-group\/([^/]+)$/.exec(arn.resource) : null;
        return arn.kind === "arn" && m && NAME.test(m[1]) && arn.region && /^\d{12}$/.test(arn.account)
            ? { partition: arn.partition, region: arn.region, account: arn.account, group: m[1].toLowerCase() }
            : undefined;
    }
    return NAME.test(value) ? { group: value.toLowerCase() } : undefined;
}

/** Fills what a name leaves open with the account and region of the resource that uses it. */
export function resolve<T extends GroupId>(id: T, home: { partition?: string; region?: string; account?: string }): T {
    return { ...id, partition: id.partition ?? home.partition, region: id.region ?? home.region, account: id.account ?? home.account };
}

/** One key per identity; parts still unknown are written as "?" and never equal a known part by construction of `sameVersion`. */
export function versionKey(id: PackageVersionId): string {
    return [id.partition ?? "?", id.region ?? "?", id.account ?? "?", id.group, id.version].join("|");
}

/**
 * Whether two references name the same version. Every part must be known on both sides and equal:
 * an account or region that cannot be told is never taken to match (an allow-list entry in one
 * account must not approve another account's version).
 */
export function sameVersion(a: PackageVersionId, b: PackageVersionId): boolean {
    return a.partition !== undefined && a.region !== undefined && a.account !== undefined
        && a.partition === b.partition && a.region === b.region && a.account === b.account && a.group === b.group && a.version === b.version;
}
