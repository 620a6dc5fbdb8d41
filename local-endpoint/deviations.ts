// Behaviour switches: ways the endpoint can behave unlike SageMaker, one per service assumption
// of the contract suite (tests/contract), off by default. Each exists so a test can prove that the
// suite notices the violation (tests/integration/contract). Several copy what a third-party
// emulator does (moto 5.2.5: duplicate names overwrite, AddTags appends, Update resets members).
import { operationInputShape, validateShape, type ShapeIssue } from "../provider/shapes/validate";
import { ruleFindings } from "../provider/rules";
import { ApiError, validationError } from "./protocol";
import { arnFor, type OperationContext, type OperationHandler } from "./operations/context";
import type { Json, PackageRecord, Tag } from "./store";

type Wrap = (next: OperationHandler) => OperationHandler;

interface Deviation {
  /** What the endpoint then does, for docs and errors. */
  says: string;
  /** Operation -> a handler around the real one. */
  wrap?: Record<string, Wrap>;
  /** A validation failure of this class is let through (the request then runs). */
  excuses?: (operation: string, input: Json) => boolean;
}

const lower = (s: unknown) => String(s ?? "").toLowerCase();
const missing = (err: unknown) => err instanceof ApiError && /does not exist|could not find/i.test(err.message);

/**
 * A not-found error answered as an unrelated ValidationException (the SDK cannot tell it is "gone").
 * Describe switches apply to names never created only, so a deletion checked by absence still sees it.
 */
function hideNotFound(when: (input: Json, ctx: OperationContext) => boolean = () => true): Wrap {
  return (next) => (input, ctx) => {
    try {
      return next(input, ctx);
    } catch (err) {
      if (missing(err) && when(input, ctx)) throw validationError("Request could not be processed.");
      throw err;
    }
  };
}

/** Names created since the switch was on, per region state: "model:<lower-cased name>". */
const everCreated = new WeakMap<object, Set<string>>();
const created = (ctx: OperationContext, kind: string, name: unknown) => everCreated.get(ctx.state)?.has(`${kind}:${lower(name)}`) ?? false;

function remember(kind: string, nameOf: (input: Json) => unknown): Wrap {
  return (next) => (input, ctx) => {
    const out = next(input, ctx);
    const names = everCreated.get(ctx.state) ?? new Set<string>();
    everCreated.set(ctx.state, names.add(`${kind}:${lower(nameOf(input))}`));
    return out;
  };
}

/** The request runs only after the named record is forgotten: a second create replaces the first. */
function overwrite(forget: (input: Json, ctx: OperationContext) => void): Wrap {
  return (next) => (input, ctx) => {
    forget(input, ctx);
    return next(input, ctx);
  };
}

/** Post-process the answer. */
const answer = (edit: (out: Json, input: Json, ctx: OperationContext) => Json): Wrap => (next) => (input, ctx) => edit(next(input, ctx), input, ctx);

function packageOf(ctx: OperationContext, ref: unknown): PackageRecord | undefined {
  const r = String(ref ?? "");
  const wanted = r.startsWith("arn:") ? r.toLowerCase() : arnFor(ctx, "model-package", r);
  return ctx.state.packages[wanted];
}

function refuseTagsOn(kind: RegExp): Wrap {
  return (next) => (input, ctx) => {
    if (kind.test(String(input.ResourceArn ?? ""))) throw validationError("Tagging is not supported for this resource type.");
    return next(input, ctx);
  };
}

function listEdit(edit: (input: Json) => Json): Wrap {
  return (next) => (input, ctx) => next(edit({ ...input }), ctx);
}

/** Shape issues of a request, and whether every one is of the given class. */
function onlyIssues(operation: string, input: Json, is: (i: ShapeIssue) => boolean): boolean {
  const shape = operationInputShape(operation);
  const issues = shape ? validateShape(shape, input) : [];
  return issues.length > 0 && issues.every(is);
}

export const DEVIATIONS = {
  // models
  "model-arn-keeps-case": { says: "CreateModel returns an ARN with the name's letter case", wrap: {
    CreateModel: answer((out, input) => ({ ...out, ModelArn: String(out.ModelArn).replace(/model\/.*$/, `model/${String(input.ModelName)}`) })) } },
  "create-model-overwrites": { says: "CreateModel of an existing name replaces that model", wrap: {
    CreateModel: overwrite((input, ctx) => delete ctx.state.models[lower(input.ModelName)]) } },
  "delete-model-ignored": { says: "DeleteModel of an existing model answers success and keeps it", wrap: {
    DeleteModel: (next) => (input, ctx) => (ctx.state.models[lower(input.ModelName)] ? {} : next(input, ctx)) } },
  // not-found answers
  "missing-model-describe": { says: "DescribeModel of a name never created answers an unrelated ValidationException", wrap: {
    CreateModel: remember("model", (i) => i.ModelName),
    DescribeModel: hideNotFound((i, ctx) => !created(ctx, "model", i.ModelName)) } },
  "missing-model-delete": { says: "DeleteModel of a missing model answers an unrelated ValidationException", wrap: { DeleteModel: hideNotFound() } },
  "missing-group-describe": { says: "DescribeModelPackageGroup of a name never created answers an unrelated ValidationException", wrap: {
    CreateModelPackageGroup: remember("group", (i) => i.ModelPackageGroupName),
    DescribeModelPackageGroup: hideNotFound((i, ctx) => !created(ctx, "group", i.ModelPackageGroupName)) } },
  "missing-group-delete": { says: "DeleteModelPackageGroup of a missing group answers an unrelated ValidationException",
    wrap: { DeleteModelPackageGroup: hideNotFound() } },
  "missing-package-describe": { says: "DescribeModelPackage of a package name never created answers an unrelated ValidationException", wrap: {
    CreateModelPackage: remember("package", (i) => i.ModelPackageName),
    DescribeModelPackage: hideNotFound((i, ctx) => !String(i.ModelPackageName).startsWith("arn:") && !created(ctx, "package", i.ModelPackageName)) } },
  "missing-package-delete": { says: "DeleteModelPackage of a missing package answers an unrelated ValidationException",
    wrap: { DeleteModelPackage: hideNotFound() } },
  "missing-version-arn-describe": { says: "DescribeModelPackage of a version ARN beyond its group's last version answers an unrelated ValidationException",
    wrap: { DescribeModelPackage: hideNotFound((i, ctx) => {
      const m = /^arn:[^/]*:model-package\/([^/]+)\/(\d+)$/.exec(String(i.ModelPackageName));
      return m !== null && Number(m[2]) > (ctx.state.groupVersions[m[1].toLowerCase()] ?? 0);
    }) } },
  // tags
  "add-tags-appends": { says: "AddTags appends, so a key can appear twice", wrap: {
    AddTags: (next) => (input, ctx) => {
      const key = () => Object.keys(ctx.state.tags).find((a) => a.toLowerCase() === lower(input.ResourceArn));
      const before = [...(ctx.state.tags[key() ?? ""] ?? [])];
      const out = next(input, ctx);
      const arn = key();
      if (arn) ctx.state.tags[arn] = [...before, ...(input.Tags as Tag[])];
      return out;
    } } },
  "delete-tags-first-key-only": { says: "DeleteTags removes only the first of the keys it is sent", wrap: {
    DeleteTags: (next) => (input, ctx) => next({ ...input, TagKeys: (input.TagKeys as string[]).slice(0, 1) }, ctx) } },
  "create-model-drops-last-tag": { says: "CreateModel stores its Tags without the last one", wrap: {
    CreateModel: (next) => (input, ctx) => next(Array.isArray(input.Tags) ? { ...input, Tags: input.Tags.slice(0, -1) } : input, ctx) } },
  "tags-refused-on-group": { says: "tag calls on a model package group ARN are refused", wrap: Object.fromEntries(
    ["AddTags", "DeleteTags", "ListTags"].map((op) => [op, refuseTagsOn(/:model-package-group\//)])) },
  "tags-refused-on-version": { says: "tag calls on a versioned model package ARN are refused", wrap: Object.fromEntries(
    ["AddTags", "DeleteTags", "ListTags"].map((op) => [op, refuseTagsOn(/:model-package\/[^/]+\/\d+$/)])) },
  "tags-refused-on-unversioned-package": { says: "tag calls on an unversioned model package ARN are refused", wrap: Object.fromEntries(
    ["AddTags", "DeleteTags", "ListTags"].map((op) => [op, refuseTagsOn(/:model-package\/[^/]+$/)])) },
  // groups
  "create-group-overwrites": { says: "CreateModelPackageGroup of an existing name replaces that group", wrap: {
    CreateModelPackageGroup: overwrite((input, ctx) => delete ctx.state.groups[lower(input.ModelPackageGroupName)]) } },
  "delete-group-ignored": { says: "DeleteModelPackageGroup of an empty group answers success and keeps it", wrap: {
    DeleteModelPackageGroup: (next) => (input, ctx) => {
      const group = lower(String(input.ModelPackageGroupName).replace(/^arn:.*\//, ""));
      const empty = ctx.state.groups[group] && !Object.values(ctx.state.packages).some((p) => lower(p.groupName) === group);
      return empty ? {} : next(input, ctx);
    } } },
  "delete-group-with-versions-allowed": { says: "DeleteModelPackageGroup deletes a group with versions, and the versions", wrap: {
    DeleteModelPackageGroup: (next) => (input, ctx) => {
      const group = lower(String(input.ModelPackageGroupName).replace(/^arn:.*\//, ""));
      for (const [arn, p] of Object.entries(ctx.state.packages)) if (lower(p.groupName) === group) delete ctx.state.packages[arn];
      return next(input, ctx);
    } } },
  // packages
  "package-status-details-missing": { says: "DescribeModelPackage returns no ModelPackageStatusDetails", wrap: {
    DescribeModelPackage: answer((out) => ({ ...out, ModelPackageStatusDetails: undefined })) } },
  "version-numbers-off-by-one": { says: "DescribeModelPackage reports ModelPackageVersion one above the ARN's", wrap: {
    DescribeModelPackage: answer((out) => (typeof out.ModelPackageVersion === "number" ? { ...out, ModelPackageVersion: out.ModelPackageVersion + 1 } : out)) } },
  "update-package-resets-unsent": { says: "UpdateModelPackage resets the description and metadata it is not sent", wrap: {
    UpdateModelPackage: (next) => (input, ctx) => {
      const pkg = packageOf(ctx, input.ModelPackageArn);
      if (pkg && input.CustomerMetadataProperties === undefined) pkg.request = { ...pkg.request, CustomerMetadataProperties: undefined, ModelPackageDescription: undefined };
      return next(input, ctx);
    } } },
  "update-metadata-replaces": { says: "UpdateModelPackage replaces CustomerMetadataProperties instead of merging", wrap: {
    UpdateModelPackage: (next) => (input, ctx) => {
      const pkg = packageOf(ctx, input.ModelPackageArn);
      if (pkg && input.CustomerMetadataProperties !== undefined) pkg.request = { ...pkg.request, CustomerMetadataProperties: undefined };
      return next(input, ctx);
    } } },
  "client-token-ignored": { says: "CreateModelPackage ignores ClientToken", wrap: {
    CreateModelPackage: (next) => (input, ctx) => next({ ...input, ClientToken: undefined }, ctx) } },
  "create-unversioned-overwrites": { says: "CreateModelPackage of an existing unversioned name replaces that package", wrap: {
    CreateModelPackage: overwrite((input, ctx) => {
      if (typeof input.ModelPackageName === "string") delete ctx.state.packages[packageOf(ctx, input.ModelPackageName)?.arn ?? ""];
    }) } },
  "delete-package-ignored": { says: "DeleteModelPackage of an unversioned package answers success and keeps it", wrap: {
    DeleteModelPackage: (next) => (input, ctx) => (packageOf(ctx, input.ModelPackageName)?.groupName === undefined && packageOf(ctx, input.ModelPackageName)
      ? {} : next(input, ctx)) } },
  // lifecycle stage
  "package-drops-model-life-cycle": { says: "CreateModelPackage does not store ModelLifeCycle", wrap: {
    CreateModelPackage: (next) => (input, ctx) => next({ ...input, ModelLifeCycle: undefined }, ctx) } },
  "update-ignores-model-life-cycle": { says: "UpdateModelPackage ignores ModelLifeCycle", wrap: {
    UpdateModelPackage: (next) => (input, ctx) => next({ ...input, ModelLifeCycle: undefined }, ctx) } },
  // what the registry lookups rely on
  "describe-by-group-version-refused": { says: "DescribeModelPackage with IncludedData MetadataOnly does not find a version by <group>/<version>", wrap: {
    DescribeModelPackage: (next) => (input, ctx) => {
      const name = String(input.ModelPackageName);
      if (input.IncludedData === "MetadataOnly" && !name.startsWith("arn:") && name.includes("/")) throw validationError(`ModelPackage ${name} does not exist.`);
      return next(input, ctx);
    } } },
  "describe-by-version-arn-refused": { says: "DescribeModelPackage with IncludedData MetadataOnly does not find a version by its ARN", wrap: {
    DescribeModelPackage: (next) => (input, ctx) => {
      const name = String(input.ModelPackageName);
      if (input.IncludedData === "MetadataOnly" && /^arn:.*:model-package\/[^/]+\/\d+$/.test(name)) throw validationError(`ModelPackage ${name} does not exist.`);
      return next(input, ctx);
    } } },
  "list-packages-ignores-group": { says: "ListModelPackages ignores ModelPackageGroupName (lists every versioned package)", wrap: {
    ListModelPackages: listEdit((i) => (i.ModelPackageGroupName === undefined ? i : { ...i, ModelPackageGroupName: undefined, ModelPackageType: "Versioned" })) } },
  "list-packages-ignores-approval": { says: "ListModelPackages ignores ModelApprovalStatus", wrap: {
    ListModelPackages: listEdit((i) => ({ ...i, ModelApprovalStatus: undefined })) } },
  "list-packages-ignores-created-after": { says: "ListModelPackages ignores CreationTimeAfter", wrap: {
    ListModelPackages: listEdit((i) => ({ ...i, CreationTimeAfter: undefined })) } },
  "list-packages-ignores-created-before": { says: "ListModelPackages ignores CreationTimeBefore", wrap: {
    ListModelPackages: listEdit((i) => ({ ...i, CreationTimeBefore: undefined })) } },
  "list-packages-ignores-sort-order": { says: "ListModelPackages ignores SortOrder (always oldest first)", wrap: {
    ListModelPackages: listEdit((i) => ({ ...i, SortOrder: "Ascending" })) } },
  "list-packages-ignores-max-results": { says: "ListModelPackages ignores MaxResults (one page of up to 100)", wrap: {
    ListModelPackages: listEdit((i) => ({ ...i, MaxResults: 100 })) } },
  "list-packages-ignores-group-arn": { says: "ListModelPackages matches ModelPackageGroupName as a name only: a group ARN lists nothing", wrap: {
    ListModelPackages: (next) => (input, ctx) => (String(input.ModelPackageGroupName ?? "").startsWith("arn:") ? { ModelPackageSummaryList: [] } : next(input, ctx)) } },
  "describe-group-by-arn-refused": { says: "DescribeModelPackageGroup does not find a group by its ARN", wrap: {
    DescribeModelPackageGroup: (next) => (input, ctx) => {
      if (String(input.ModelPackageGroupName).startsWith("arn:")) throw validationError(`ModelPackageGroup ${String(input.ModelPackageGroupName)} does not exist.`);
      return next(input, ctx);
    } } },
  "package-summary-lacks-approval": { says: "ListModelPackages summaries carry no ModelApprovalStatus", wrap: {
    ListModelPackages: answer((out) => ({ ...out,
      ModelPackageSummaryList: (out.ModelPackageSummaryList as Json[]).map((s) => ({ ...s, ModelApprovalStatus: undefined })) })) } },
  // validation
  "accept-too-long": { says: "a string longer than its maximum is accepted",
    excuses: (op, input) => onlyIssues(op, input, (i) => i.constraint === "max" && i.message.includes("length")) },
  "accept-bad-pattern": { says: "a value that does not match its pattern is accepted",
    excuses: (op, input) => onlyIssues(op, input, (i) => i.constraint === "pattern" && !(i.aws ?? "").startsWith("Map keys")) },
  "accept-bad-enum": { says: "a value outside its enum is accepted",
    excuses: (op, input) => onlyIssues(op, input, (i) => i.constraint === "enum") },
  "accept-missing-required": { says: "a request without a required member is accepted (a missing name becomes \"unnamed\")",
    excuses: (op, input) => onlyIssues(op, input, (i) => i.constraint === "required"),
    wrap: { CreateModel: (next) => (input, ctx) => next(input.ModelName === undefined ? { ...input, ModelName: `unnamed-${ctx.now}` } : input, ctx) } },
  "accept-too-many-items": { says: "a list above its maximum size is accepted",
    excuses: (op, input) => onlyIssues(op, input, (i) => i.constraint === "max" && i.message.includes(" items ")) },
  "accept-bad-map-key": { says: "a map key that does not match its pattern is accepted",
    excuses: (op, input) => onlyIssues(op, input, (i) => (i.aws ?? "").startsWith("Map keys")) },
  "accept-conflicting-members": { says: "a request breaking a cross-member rule (PrimaryContainer with Containers) is accepted",
    excuses: (op, input) => !onlyIssues(op, input, () => true) && ruleFindings(op, input, { service: true }).length > 0 },
  // not an assumption: what the contract suite's clean-up must survive (tests/integration/contract)
  "list-ignores-name-filter": { says: "ListModels, ListModelPackageGroups and ListModelPackages ignore NameContains", wrap: Object.fromEntries(
    ["ListModels", "ListModelPackageGroups", "ListModelPackages"].map((op) => [op, listEdit((i) => ({ ...i, NameContains: undefined }))])) },
} satisfies Record<string, Deviation>;

export type DeviationName = keyof typeof DEVIATIONS;

export function isDeviation(name: string): name is DeviationName {
  return Object.prototype.hasOwnProperty.call(DEVIATIONS, name);
}

/** The handler for an operation with the active deviations around it. */
export function deviate(active: readonly string[], operation: string, handler: OperationHandler): OperationHandler {
  return active.reduce<OperationHandler>((next, name) => {
    const wrap = isDeviation(name) ? (DEVIATIONS[name] as Deviation).wrap?.[operation] : undefined;
    return wrap ? wrap(next) : next;
  }, handler);
}

/** The validation error to answer, or undefined when an active deviation lets the request through. */
export function excuse(active: readonly string[], operation: string, input: Json, err: ApiError | undefined): ApiError | undefined {
  if (!err) return undefined;
  return active.some((name) => isDeviation(name) && (DEVIATIONS[name] as Deviation).excuses?.(operation, input)) ? undefined : err;
}
