// CreateModel, DescribeModel, DeleteModel, ListModels.
import { epochSeconds, validationError } from "../protocol";
import type { ModelRecord } from "../store";
import { arnFor, filterAndSort, OperationContext, OperationHandler, paginate, setTags, withoutMembers } from "./context";

function modelArn(ctx: OperationContext, name: string): string {
  return arnFor(ctx, "model", name);
}

function findModel(ctx: OperationContext, name: string): ModelRecord {
  const model = ctx.state.models[name.toLowerCase()];
  if (!model) throw validationError(`Could not find model "${modelArn(ctx, name)}".`);
  return model;
}

export const modelOperations: Record<string, OperationHandler> = {
  CreateModel(input, ctx) {
    const name = input.ModelName as string;
    const arn = modelArn(ctx, name);
    if (ctx.state.models[name.toLowerCase()]) throw validationError(`Cannot create already existing model "${arn}".`);
    ctx.state.models[name.toLowerCase()] = {
      name, arn, creationTime: ctx.now, seq: ctx.store.nextSeq(), request: withoutMembers(input, "Tags"),
    };
    setTags(ctx, arn, input.Tags);
    return { ModelArn: arn };
  },

  DescribeModel(input, ctx) {
    const model = findModel(ctx, input.ModelName as string);
    return { ...model.request, ModelName: model.name, ModelArn: model.arn, CreationTime: epochSeconds(model.creationTime) };
  },

  DeleteModel(input, ctx) {
    const model = findModel(ctx, input.ModelName as string);
    delete ctx.state.models[model.name.toLowerCase()];
    delete ctx.state.tags[model.arn];
    return {};
  },

  ListModels(input, ctx) {
    const { page, NextToken } = paginate(filterAndSort(Object.values(ctx.state.models), input), input);
    return {
      Models: page.map((m) => ({ ModelName: m.name, ModelArn: m.arn, CreationTime: epochSeconds(m.creationTime) })),
      ...(NextToken ? { NextToken } : {}),
    };
  },
};
