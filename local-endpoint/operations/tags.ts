// AddTags, DeleteTags, ListTags on models, model package groups and model packages.
import { resourceNotFound, validationError } from "../protocol";
import { mergeTags, OperationContext, OperationHandler, paginate } from "./context";
import type { Tag } from "../store";

const MAX_TAGS_PER_RESOURCE = 50;

/** The stored ARN of a live resource in this region, or ResourceNotFound. */
function liveArn(ctx: OperationContext, requested: string): string {
  const wanted = requested.toLowerCase();
  const all = [
    ...Object.values(ctx.state.models).map((r) => r.arn),
    ...Object.values(ctx.state.groups).map((r) => r.arn),
    ...Object.keys(ctx.state.packages),
  ];
  const arn = all.find((a) => a.toLowerCase() === wanted);
  if (!arn) throw resourceNotFound(`Resource ${requested} does not exist.`);
  return arn;
}

export const tagOperations: Record<string, OperationHandler> = {
  AddTags(input, ctx) {
    const arn = liveArn(ctx, input.ResourceArn as string);
    const merged = mergeTags(ctx.state.tags[arn] ?? [], input.Tags as Tag[]);
    if (merged.length > MAX_TAGS_PER_RESOURCE) {
      throw validationError(`A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; this request would leave ${merged.length}.`);
    }
    ctx.state.tags[arn] = merged;
    return { Tags: input.Tags };
  },

  DeleteTags(input, ctx) {
    const arn = liveArn(ctx, input.ResourceArn as string);
    const remove = new Set(input.TagKeys as string[]);
    const remaining = (ctx.state.tags[arn] ?? []).filter((t) => !remove.has(t.Key));
    if (remaining.length) ctx.state.tags[arn] = remaining;
    else delete ctx.state.tags[arn];
    return {};
  },

  ListTags(input, ctx) {
    const arn = liveArn(ctx, input.ResourceArn as string);
    const { page, NextToken } = paginate(ctx.state.tags[arn] ?? [], input, 50);
    return { Tags: page, ...(NextToken ? { NextToken } : {}) };
  },
};
