// Lookup arguments checked against the API's own constraints (the shape table the providers'
// `check` uses) before any call, and turned into the ListModelPackages request plus the filters
// applied to its answers.
import type { ModelApprovalStatus, ModelPackageStatus } from "../common/sdk-shapes";
import { sdk } from "../aws/client";
import { checkFailure, shapeIssueFailure, type Failure } from "../common/check-failures";
import { assertRegion } from "../common/settings";
import { nameOf } from "../identity/names";
import { isAbsent, isPlainObject } from "../common/values";
import { getShape, validateShape } from "../shapes/validate";
import { RegistryLookupError, type LookupName } from "./errors";
import type { VersionFilters } from "./types";

/** ListModelPackages' MaxResults maximum, from the API model (100). */
export const MAX_PAGE_SIZE = getShape(getShape("ListModelPackagesInput")!.members!.MaxResults)!.max!;

/** Where a lookup reads. */
export interface Target {
    /** ModelPackageGroupName as given (name or ARN): what ListModelPackages is sent. */
    group: string;
    /** The group's name (from an ARN, the part after `model-package-group/`). */
    groupName: string;
    region?: string;
}

/** A version query: the server-side part (the request) and what is checked on each answer. */
export interface VersionQuery {
    request: {
        ModelPackageGroupName: string;
        ModelApprovalStatus?: ModelApprovalStatus;
        CreationTimeAfter?: Date;
        CreationTimeBefore?: Date;
        SortBy: "CreationTime";
        SortOrder: "Descending";
    };
    pageSize: number;
    /** Undefined: any status. */
    status?: ModelPackageStatus;
    /** Undefined: no metadata filter (and no DescribeModelPackage per version). */
    metadata?: Record<string, string>;
    /** Undefined: any stage. */
    lifeCycle?: { Stage?: string; StageStatus?: string };
}

const GROUP_MEMBERS = ["ModelPackageGroupName", "region"] as const;
const FILTER_MEMBERS = [
    "ModelApprovalStatus", "CreationTimeAfter", "CreationTimeBefore", "ModelPackageStatus", "CustomerMetadataProperties", "ModelLifeCycle", "pageSize",
] as const satisfies readonly (keyof VersionFilters)[];

/** Defaults that differ between the latest-version lookup and the listing. */
export interface QueryDefaults {
    approval?: ModelApprovalStatus;
    status: ModelPackageStatus | "Any";
}

export function parseVersionQuery(lookup: LookupName, args: unknown, defaults: QueryDefaults): { target: Target; query: VersionQuery } {
    const a = asObject(lookup, args);
    const failures = unknownMembers(a, [...GROUP_MEMBERS, ...FILTER_MEMBERS]);
    const target = parseTarget(a, failures);

    const pageSize = isAbsent(a.pageSize) ? MAX_PAGE_SIZE : a.pageSize;
    if (typeof pageSize !== "number" || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        failures.push(checkFailure("pageSize", "range", `${JSON.stringify(pageSize)} is not a ListModelPackages page size`,
            `use a whole number from 1 to ${MAX_PAGE_SIZE} (the API's MaxResults range), or leave it out for ${MAX_PAGE_SIZE}`));
    }
    // ModelPackageGroupName is checked with the target.
    const request = {
        ModelApprovalStatus: a.ModelApprovalStatus ?? defaults.approval,
        CreationTimeAfter: a.CreationTimeAfter,
        CreationTimeBefore: a.CreationTimeBefore,
    };
    failures.push(...validateShape("ListModelPackagesInput", request).map((issue) => shapeIssueFailure(issue)));
    const after = toDate(a.CreationTimeAfter);
    const before = toDate(a.CreationTimeBefore);
    if (after && before && after.getTime() >= before.getTime()) {
        failures.push(checkFailure("CreationTimeAfter", "range", `${after.toISOString()} is not before CreationTimeBefore ${before.toISOString()}`,
            "make CreationTimeAfter earlier than CreationTimeBefore, or leave one out"));
    }

    const status = isAbsent(a.ModelPackageStatus) ? defaults.status : a.ModelPackageStatus;
    const statuses: string[] = Object.values(sdk().ModelPackageStatus);
    if (status !== "Any" && !statuses.includes(status as string)) {
        failures.push(checkFailure("ModelPackageStatus", "enum", `${JSON.stringify(status)} is not one of ${[...statuses, "Any"].join(" | ")}`,
            "use one of the listed values"));
    }
    if (!isAbsent(a.CustomerMetadataProperties)) {
        failures.push(...validateShape("CustomerMetadataMap", a.CustomerMetadataProperties, { rootPath: "CustomerMetadataProperties" })
            .map((issue) => shapeIssueFailure(issue)));
    }
    const lifeCycle = parseLifeCycleFilter(a.ModelLifeCycle, failures);
    throwIfAny(lookup, failures);

    return {
        target,
        query: {
            request: {
                ModelPackageGroupName: target.group,
                ...(request.ModelApprovalStatus ? { ModelApprovalStatus: request.ModelApprovalStatus as ModelApprovalStatus } : {}),
                ...(after ? { CreationTimeAfter: after } : {}),
                ...(before ? { CreationTimeBefore: before } : {}),
                SortBy: "CreationTime",
                SortOrder: "Descending",
            },
            pageSize: pageSize as number,
            ...(status !== "Any" ? { status: status as ModelPackageStatus } : {}),
            ...(isAbsent(a.CustomerMetadataProperties) ? {} : { metadata: a.CustomerMetadataProperties as Record<string, string> }),
            ...(lifeCycle ? { lifeCycle } : {}),
        },
    };
}

/** ModelLifeCycle filter: Stage and/or StageStatus, each checked against the API's EntityName shape (ModelLifeCycle's members). */
function parseLifeCycleFilter(value: unknown, failures: Failure[]): { Stage?: string; StageStatus?: string } | undefined {
    if (isAbsent(value)) {
        return undefined;
    }
    if (!isPlainObject(value) || Object.keys(value).length === 0 || Object.keys(value).some((k) => k !== "Stage" && k !== "StageStatus")) {
        failures.push(checkFailure("ModelLifeCycle", "type", `${JSON.stringify(value)} is not a lifecycle filter`,
            `use { Stage: "Production" }, { StageStatus: "Approved" } or both`));
        return undefined;
    }
    const shape = getShape("ModelLifeCycle")!.members!;
    for (const k of ["Stage", "StageStatus"] as const) {
        if (!isAbsent(value[k])) {
            failures.push(...validateShape(shape[k], value[k], { rootPath: `ModelLifeCycle.${k}` }).map((issue) => shapeIssueFailure(issue)));
        }
    }
    return value as { Stage?: string; StageStatus?: string };
}

/** The largest version number the API's name pattern allows (`<group>/<1 to 9 digits>`). */
const MAX_VERSION = 999_999_999;

export function parseVersionNumber(lookup: LookupName, args: unknown): { target: Target; version: number } {
    const a = asObject(lookup, args);
    const failures = unknownMembers(a, [...GROUP_MEMBERS, "ModelPackageVersion"]);
    const target = parseTarget(a, failures);
    const version = a.ModelPackageVersion;
    if (isAbsent(version)) {
        failures.push(checkFailure("ModelPackageVersion", "required", "is required but missing", "set it to a version number of the group"));
    } else if (typeof version !== "number" || !Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
        failures.push(checkFailure("ModelPackageVersion", "type", `${JSON.stringify(version)} is not a version number`,
            `use a whole number from 1 to ${MAX_VERSION}`));
    }
    throwIfAny(lookup, failures);
    return { target, version: version as number };
}

function asObject(lookup: LookupName, args: unknown): Record<string, unknown> {
    if (!isPlainObject(args)) {
        throw new RegistryLookupError(lookup, "invalidArguments",
            `expected an object of arguments such as { ModelPackageGroupName: "my-group" }, got ${args === null ? "null" : typeof args}.`);
    }
    return args;
}

function unknownMembers(args: Record<string, unknown>, allowed: readonly string[]): Failure[] {
    return Object.keys(args).filter((k) => !allowed.includes(k) && args[k] !== undefined).map((k) =>
        checkFailure(k, "unknownMember", `is not an argument of this lookup (allowed: ${allowed.join(", ")})`,
            "remove it or correct the spelling (API members use the SDK's PascalCase names)"));
}

/** ModelPackageGroupName and region; the name's constraints come from DescribeModelPackageGroup's input shape. */
function parseTarget(args: Record<string, unknown>, failures: Failure[]): Target {
    const group = args.ModelPackageGroupName;
    for (const issue of validateShape("DescribeModelPackageGroupInput", { ModelPackageGroupName: group })) {
        const failure = shapeIssueFailure(issue);
        failures.push(issue.constraint === "pattern" || issue.constraint === "max"
            ? { ...failure, reason: failure.reason.replace(/Fix: .*$/, "Fix: use the group's name (letters, digits and hyphens, " +
                "at most 63) or its ARN (arn:aws:sagemaker:<region>:<account>:model-package-group/<name>).") }
            : failure);
    }
    if (!isAbsent(args.region)) {
        try {
            assertRegion(String(args.region), "region");
            if (typeof args.region !== "string") {
                throw new TypeError("not a string");
            }
        } catch {
            failures.push(checkFailure("region", "pattern", `${JSON.stringify(args.region)} is not an AWS region name`,
                `use a region code such as "us-east-1", or leave it out to use the stack's aws:region`));
        }
    }
    const text = typeof group === "string" ? group : "";
    return {
        group: text,
        groupName: nameOf(text),
        ...(typeof args.region === "string" ? { region: args.region } : {}),
    };
}

function throwIfAny(lookup: LookupName, failures: Failure[]): void {
    if (failures.length > 0) {
        throw new RegistryLookupError(lookup, "invalidArguments",
            `invalid arguments, nothing was looked up: ${failures.map((f) => f.reason).join(" ")}`);
    }
}

/** A timestamp argument as a Date (the validator has accepted it: Date, ISO 8601 string or epoch seconds). */
function toDate(value: unknown): Date | undefined {
    if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? undefined : value;
    }
    if (typeof value === "number" && Number.isFinite(value)) {
        return new Date(value * 1000);
    }
    if (typeof value === "string" && !Number.isNaN(Date.parse(value))) {
        return new Date(value);
    }
    return undefined;
}
