// CreateModelPackageGroup, DescribeModelPackageGroup, DeleteModelPackageGroup, ListModelPackageGroups.
import { conflict, epochSeconds, validationError } from "../protocol";
import type { GroupRecord } from "../store";
import { sameName } from "../../provider/identity/names";
import { arnFor, filterAndSort, nameFromArnOrName, OperationContext, OperationHandler, paginate, setTags, withoutMembers } from "./context";

export function findGroup(ctx: OperationContext, nameOrArn: string): GroupRecord {
  const name = nameFromArnOrName(nameOrArn);
  const group = ctx.state.groups[name.toLowerCase()];
  if (!group) throw validationError(`ModelPackageGroup ${name} does not exist.`);
  return group;
}

function summary(g: GroupRecord) {
  return {
    ModelPackageGroupName: g.name,
    ModelPackageGroupArn: g.arn,
    ...(g.request.ModelPackageGroupDescription !== undefined ? { ModelPackageGroupDescription: g.request.ModelPackageGroupDescription } : {}),
    CreationTime: epochSeconds(g.creationTime),
    ModelPackageGroupStatus: "Completed",
  };
}

export const modelPackageGroupOperations: Record<string, OperationHandler> = {
  CreateModelPackageGroup(input, ctx) {
    const name = input.ModelPackageGroupName as string;
    const arn = arnFor(ctx, "model-package-group", name);
    if (ctx.state.groups[name.toLowerCase()]) throw validationError(`Model Package Group already exists: ${arn}`);
    ctx.state.groups[name.toLowerCase()] = { name, arn, creationTime: ctx.now, seq: ctx.store.nextSeq(), request: withoutMembers(input, "Tags") };
    setTags(ctx, arn, input.Tags);
    return { ModelPackageGroupArn: arn };
  },

  DescribeModelPackageGroup(input, ctx) {
    const group = findGroup(ctx, input.ModelPackageGroupName as string);
    return { ...group.request, ...summary(group) };
  },

  DeleteModelPackageGroup(input, ctx) {
    const group = findGroup(ctx, input.ModelPackageGroupName as string);
    const versions = Object.values(ctx.state.packages).filter((p) => sameName(p.groupName, group.name));
    if (versions.length) {
      throw conflict(`Model Package Group ${group.name} cannot be deleted because it contains ${versions.length} model package version(s). Delete them first.`);
    }
    delete ctx.state.groups[group.name.toLowerCase()];
    delete ctx.state.tags[group.arn];
    return {};
  },

  ListModelPackageGroups(input, ctx) {
    const { page, NextToken } = paginate(filterAndSort(Object.values(ctx.state.groups), input), input);
    return { ModelPackageGroupSummaryList: page.map(summary), ...(NextToken ? { NextToken } : {}) };
  },
};
