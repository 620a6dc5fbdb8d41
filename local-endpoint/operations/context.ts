// What every operation handler receives, and helpers they share (ARNs, listing, pagination).
import type { Json, RegionState, Store, Tag } from "../store";
import { nameOf } from "../../provider/identity/names";
import { partitionOf } from "../../provider/identity/region";
import { validationError } from "../protocol";

export interface PackageBehaviour {
  statusDelayMs: number;
  failures: { match: RegExp; reason: string }[];
}

export interface OperationContext {
  region: string;
  accountId: string;
  store: Store;
  state: RegionState;
  now: number;
  packages: PackageBehaviour;
}

export type OperationHandler = (input: Json, ctx: OperationContext) => Json;

/** SageMaker lower-cases resource names inside ARNs; names themselves keep their case. */
export function arnFor(ctx: OperationContext, resourceType: string, name: string): string {
  return `arn:${partitionOf(ctx.region) ?? "aws"}:sagemaker:${ctx.region}:${ctx.accountId}:${resourceType}/${name.toLowerCase()}`;
}

/** A group's or model's name from its ARN or its name (provider/identity/names.ts). */
export const nameFromArnOrName = nameOf;

export function toMillis(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return value * 1000;
  if (value instanceof Date) return value.getTime();
  return Date.parse(String(value));
}

interface Listable { name: string; creationTime: number; seq: number }

/** NameContains, CreationTime filters and SortBy/SortOrder as the List* operations define them. */
export function filterAndSort<T extends Listable>(items: T[], input: Json): T[] {
  const contains = typeof input.NameContains === "string" ? input.NameContains.toLowerCase() : undefined;
  const after = toMillis(input.CreationTimeAfter);
  const before = toMillis(input.CreationTimeBefore);
  const byName = input.SortBy === "Name";
  const descending = input.SortOrder !== "Ascending";
  return items
    .filter((i) => (contains === undefined || i.name.toLowerCase().includes(contains))
      && (after === undefined || i.creationTime > after)
      && (before === undefined || i.creationTime < before))
    .sort((a, b) => {
      const primary = byName ? a.name.localeCompare(b.name) : a.creationTime - b.creationTime;
      const order = primary !== 0 ? primary : a.seq - b.seq;
      return descending ? -order : order;
    });
}

/** Opaque offset tokens; a token from another listing or a tampered one is a ValidationException. */
export function paginate<T>(items: T[], input: Json, defaultMax = 10): { page: T[]; NextToken?: string } {
  let offset = 0;
  if (typeof input.NextToken === "string" && input.NextToken !== "") {
    const match = /^offset:(\d+)$/.exec(Buffer.from(input.NextToken, "base64url").toString("utf8"));
    if (!match) throw validationError("Invalid pagination token. Provide the NextToken returned by the previous call.");
    offset = Number(match[1]);
  }
  const max = typeof input.MaxResults === "number" ? input.MaxResults : defaultMax;
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? Buffer.from(`offset:${offset + max}`).toString("base64url") : undefined;
  return next ? { page, NextToken: next } : { page };
}

export function setTags(ctx: OperationContext, arn: string, tags: unknown): void {
  if (Array.isArray(tags) && tags.length) ctx.state.tags[arn] = mergeTags([], tags as Tag[]);
}

export function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.Key, t]));
  for (const t of added) byKey.set(t.Key, { Key: t.Key, Value: t.Value ?? "" });
  return [...byKey.values()];
}

/** Copy of the request without members that Describe does not return. */
export function withoutMembers(input: Json, ...members: string[]): Json {
  const copy: Json = { ...input };
  for (const m of members) delete copy[m];
  return copy;
}
