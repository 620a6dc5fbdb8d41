// CreateModelPackage, DescribeModelPackage, UpdateModelPackage, DeleteModelPackage, ListModelPackages.
import { conflict, epochSeconds, validationError } from "../protocol";
import type { Json, PackageRecord } from "../store";
import { arnFor, filterAndSort, nameFromArnOrName, OperationContext, OperationHandler, paginate, setTags, withoutMembers } from "./context";
import { findGroup } from "./model-package-groups";
import { sameName } from "../../provider/identity/names";
import { stableJson } from "../../provider/identity/stable-json";

const MAX_ADDITIONAL_INFERENCE_SPECIFICATIONS = 15;

/** Members that Describe reports under their own name or not at all. */
const NOT_ECHOED = ["Tags", "ClientToken", "ModelPackageName", "ModelPackageGroupName", "ModelApprovalStatus"];

/** Pending for the first half of the delay, InProgress for the second, then Completed or Failed. */
export function packageStatus(pkg: PackageRecord, ctx: OperationContext): { status: string; details: Json } {
  const elapsed = ctx.now - pkg.creationTime;
  const delay = ctx.packages.statusDelayMs;
  const item = (Status: string, extra: Json = {}) => ({ ValidationStatuses: [{ Name: pkg.name, Status, ...extra }] });
  if (elapsed < delay / 2) return { status: "Pending", details: item("NotStarted") };
  if (elapsed < delay) return { status: "InProgress", details: item("InProgress") };
  if (pkg.failureReason !== undefined) return { status: "Failed", details: item("Failed", { FailureReason: pkg.failureReason }) };
  return { status: "Completed", details: item("Completed") };
}

/** Accepts an ARN, an unversioned name, or `<group>/<version>`. */
function findPackage(ctx: OperationContext, ref: string): PackageRecord {
  const arn = ref.startsWith("arn:") ? ref.toLowerCase() : arnFor(ctx, "model-package", ref);
  const pkg = ctx.state.packages[arn];
  if (!pkg) throw validationError(`ModelPackage ${ref} does not exist.`);
  return pkg;
}

/** Stable JSON (sorted keys) so an identical retried request has the same fingerprint. */
const fingerprint = stableJson;

function summary(pkg: PackageRecord, ctx: OperationContext): Json {
  const out: Json = {
    ModelPackageName: pkg.name,
    ModelPackageArn: pkg.arn,
    CreationTime: epochSeconds(pkg.creationTime),
    ModelPackageStatus: packageStatus(pkg, ctx).status,
  };
  if (pkg.groupName !== undefined) {
    out.ModelPackageGroupName = pkg.groupName;
    out.ModelPackageVersion = pkg.version;
  }
  if (pkg.request.ModelPackageDescription !== undefined) out.ModelPackageDescription = pkg.request.ModelPackageDescription;
  if (pkg.approvalStatus !== undefined) out.ModelApprovalStatus = pkg.approvalStatus;
  if (pkg.request.ModelLifeCycle !== undefined) out.ModelLifeCycle = pkg.request.ModelLifeCycle;
  return out;
}

function failureFor(ctx: OperationContext, ...candidates: unknown[]): string | undefined {
  const texts = candidates.filter((c): c is string => typeof c === "string");
  return ctx.packages.failures.find((f) => texts.some((t) => f.match.test(t)))?.reason;
}

export const modelPackageOperations: Record<string, OperationHandler> = {
  CreateModelPackage(input, ctx) {
    const token = input.ClientToken as string | undefined;
    const print = fingerprint(withoutMembers(input, "ClientToken"));
    if (token !== undefined) {
      const seen = ctx.state.clientTokens[token];
      if (seen && seen.fingerprint === print) return { ModelPackageArn: seen.arn };
      if (seen) throw conflict(`ClientToken ${token} was already used with different parameters.`);
    }
    const unversionedName = input.ModelPackageName as string | undefined;
    const groupRef = input.ModelPackageGroupName as string | undefined;
    // Exactly one of the two: provider/rules/model-package.ts, applied before this runs.
    let record: PackageRecord;
    const base = { creationTime: ctx.now, seq: ctx.store.nextSeq(), request: withoutMembers(input, ...NOT_ECHOED) };
    if (groupRef !== undefined) {
      const group = findGroup(ctx, groupRef);
      const version = (ctx.state.groupVersions[group.name.toLowerCase()] ?? 0) + 1;
      ctx.state.groupVersions[group.name.toLowerCase()] = version;
      record = {
        ...base, name: group.name, groupName: group.name, version,
        arn: arnFor(ctx, "model-package", `${group.name}/${version}`),
        approvalStatus: (input.ModelApprovalStatus as string | undefined) ?? "PendingManualApproval",
      };
    } else {
      const arn = arnFor(ctx, "model-package", unversionedName!);
      if (ctx.state.packages[arn]) throw validationError(`Model Package already exists: ${arn}`);
      record = { ...base, name: unversionedName!, arn, approvalStatus: input.ModelApprovalStatus as string | undefined };
    }
    record.failureReason = failureFor(ctx, unversionedName, record.groupName, input.ModelPackageDescription);
    ctx.state.packages[record.arn] = record;
    setTags(ctx, record.arn, input.Tags);
    if (token !== undefined) ctx.state.clientTokens[token] = { fingerprint: print, arn: record.arn };
    return { ModelPackageArn: record.arn };
  },

  DescribeModelPackage(input, ctx) {
    const pkg = findPackage(ctx, input.ModelPackageName as string);
    const { status, details } = packageStatus(pkg, ctx);
    const out: Json = { ...pkg.request, ...summary(pkg, ctx), ModelPackageStatus: status, ModelPackageStatusDetails: details };
    if (pkg.approvalDescription !== undefined) out.ApprovalDescription = pkg.approvalDescription;
    if (pkg.lastModifiedTime !== undefined) out.LastModifiedTime = epochSeconds(pkg.lastModifiedTime);
    return out;
  },

  UpdateModelPackage(input, ctx) {
    const pkg = findPackage(ctx, input.ModelPackageArn as string);
    // Work on a copy and commit at the end, so a rejected update changes nothing.
    const request = { ...pkg.request };
    for (const replaced of ["ModelPackageRegistrationType", "InferenceSpecification", "SourceUri", "ModelCard", "ModelLifeCycle"]) {
      if (input[replaced] !== undefined) request[replaced] = input[replaced];
    }
    const toRemove = (input.CustomerMetadataPropertiesToRemove as string[] | undefined) ?? [];
    if (input.CustomerMetadataProperties !== undefined || toRemove.length) {
      const metadata: Json = { ...(request.CustomerMetadataProperties as Json | undefined), ...(input.CustomerMetadataProperties as Json | undefined) };
      for (const key of toRemove) delete metadata[key];
      if (Object.keys(metadata).length) request.CustomerMetadataProperties = metadata;
      else delete request.CustomerMetadataProperties;
    }
    const toAdd = (input.AdditionalInferenceSpecificationsToAdd as Json[] | undefined) ?? [];
    if (toAdd.length) {
      const existing = (request.AdditionalInferenceSpecifications as Json[] | undefined) ?? [];
      const names = new Set(existing.map((s) => s.Name));
      for (const spec of toAdd) {
        if (names.has(spec.Name)) throw validationError(`AdditionalInferenceSpecification ${String(spec.Name)} already exists on ${pkg.arn}.`);
        names.add(spec.Name);
      }
      if (existing.length + toAdd.length > MAX_ADDITIONAL_INFERENCE_SPECIFICATIONS) {
        throw validationError(`A model package can have at most ${MAX_ADDITIONAL_INFERENCE_SPECIFICATIONS} AdditionalInferenceSpecifications.`);
      }
      request.AdditionalInferenceSpecifications = [...existing, ...toAdd];
    }
    pkg.request = request;
    if (input.ModelApprovalStatus !== undefined) pkg.approvalStatus = input.ModelApprovalStatus as string;
    if (input.ApprovalDescription !== undefined) pkg.approvalDescription = input.ApprovalDescription as string;
    pkg.lastModifiedTime = ctx.now;
    return { ModelPackageArn: pkg.arn };
  },

  DeleteModelPackage(input, ctx) {
    const pkg = findPackage(ctx, input.ModelPackageName as string);
    delete ctx.state.packages[pkg.arn];
    delete ctx.state.tags[pkg.arn];
    return {};
  },

  ListModelPackages(input, ctx) {
    let packages = Object.values(ctx.state.packages);
    if (typeof input.ModelPackageGroupName === "string") {
      const group = nameFromArnOrName(input.ModelPackageGroupName);
      packages = packages.filter((p) => sameName(p.groupName, group));
    } else {
      // AWS: UNVERSIONED is the default when no ModelPackageType is given.
      const type = (input.ModelPackageType as string | undefined) ?? "Unversioned";
      if (type !== "Both") packages = packages.filter((p) => (p.groupName !== undefined) === (type === "Versioned"));
    }
    if (input.ModelApprovalStatus !== undefined) packages = packages.filter((p) => p.approvalStatus === input.ModelApprovalStatus);
    // AWS: ListModelPackages sorts Ascending unless SortOrder says otherwise (ListModels: Descending).
    const { page, NextToken } = paginate(filterAndSort(packages, { SortOrder: "Ascending", ...input }), input);
    return { ModelPackageSummaryList: page.map((p) => summary(p, ctx)), ...(NextToken ? { NextToken } : {}) };
  },
};
