import type { CreateModelPackageGroupInput } from "../common/sdk-shapes";
import { replaced, TAGS, type MemberSpec } from "../engine/kind";

/** The ModelPackageGroup's members: there is no UpdateModelPackageGroup, so every member but Tags replaces the group. */
export const GROUP_MEMBERS: Record<keyof CreateModelPackageGroupInput, MemberSpec> = {
    ModelPackageGroupName: replaced(),
    ModelPackageGroupDescription: replaced(),
    Tags: TAGS,
    ManagedConfiguration: replaced(),
};

