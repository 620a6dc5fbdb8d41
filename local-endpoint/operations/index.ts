// Operation name -> handler, for the 16 operations the local endpoint serves.
import type { OperationHandler } from "./context";
import { modelPackageGroupOperations } from "./model-package-groups";
import { modelPackageOperations } from "./model-packages";
import { modelOperations } from "./models";
import { tagOperations } from "./tags";

export const OPERATIONS: Record<string, OperationHandler> = {
  ...modelOperations,
  ...tagOperations,
  ...modelPackageGroupOperations,
  ...modelPackageOperations,
};

/** Read-only operations: the state file is not rewritten after them. */
export const READ_ONLY = new Set(["DescribeModel", "ListModels", "ListTags", "DescribeModelPackageGroup", "ListModelPackageGroups", "DescribeModelPackage", "ListModelPackages"]);
