import type * as pulumi from "@pulumi/pulumi";
import type { AdditionalInferenceSpecificationDefinition, Tag, UpdateModelPackageInput } from "@aws-sdk/client-sagemaker";
import { effectiveRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { diffTags, type TagChanges } from "../common/tags";
import { containsUnknown } from "../common/unknown";
import { REPLACE_MEMBERS, UPDATE_IN_PLACE } from "./fields";
import { isAbsent, sameValue } from "../common/values";

type Props = Record<string, unknown>;

/** Versioned packages live in a group; only those accept UpdateModelPackage ("Updates a versioned model"). */
export function isVersioned(props: Props): boolean {
    return !isAbsent(props.ModelPackageGroupName);
}

/** A group named by ARN or by name is the same group: `group.arn` and `group.name` both work. */
export function groupKey(group: unknown): unknown {
    return typeof group === "string" && group.startsWith("arn:") ? group.slice(group.lastIndexOf("/") + 1) : group;
}

function specName(spec: unknown): string | undefined {
    return spec && typeof spec === "object" ? (spec as { Name?: string }).Name : undefined;
}

/**
 * Additional inference specifications can only be appended. Returns the ones to add, or
 * "replace" when an existing one changed or went away (or the list is not known yet).
 */
export function additionalSpecsPlan(olds: unknown, news: unknown): AdditionalInferenceSpecificationDefinition[] | "replace" {
    if (containsUnknown(news)) {
        return "replace";
    }
    const before = Array.isArray(olds) ? olds as AdditionalInferenceSpecificationDefinition[] : [];
    const after = Array.isArray(news) ? news as AdditionalInferenceSpecificationDefinition[] : [];
    for (const old of before) {
        const now = after.find((s) => specName(s) === specName(old));
        if (!now || !sameValue(old, now)) {
            return "replace";
        }
    }
    return after.filter((s) => !before.some((old) => specName(old) === specName(s)));
}

/**
 * The members whose change replaces the package. Shared by diff and by check (which keeps the
 * old ClientToken only when no replacement will happen: a replacement must not reuse it).
 */
export function replaceReasons(olds: Props, news: Props, settings: ProviderSettings): string[] {
    const reasons = REPLACE_MEMBERS.filter((m) => m === "ModelPackageGroupName"
        ? !sameValue(groupKey(olds[m]), groupKey(news[m]))
        : !sameValue(olds[m], news[m]));
    const oldRegion = typeof olds.region === "string" ? olds.region : undefined;
    const newRegion = effectiveRegion(settings, news.region);
    if (oldRegion !== undefined && newRegion !== undefined && oldRegion !== newRegion) {
        reasons.push("region");
    }
    if (additionalSpecsPlan(olds.AdditionalInferenceSpecifications, news.AdditionalInferenceSpecifications) === "replace") {
        reasons.push("AdditionalInferenceSpecifications");
    }
    if (!isVersioned(news)) {
        // UpdateModelPackage is for versions only: on an unversioned package these replace too.
        for (const m of [...UPDATE_IN_PLACE, "CustomerMetadataProperties"]) {
            if (changedInPlace(olds, news, m)) {
                reasons.push(m);
            }
        }
    }
    return [...new Set(reasons)];
}

/** Removing an update-in-place member stops managing it (UpdateModelPackage cannot clear it). */
function changedInPlace(olds: Props, news: Props, member: string): boolean {
    if (member === "CustomerMetadataProperties") {
        return !sameValue(olds[member], news[member]);
    }
    return !isAbsent(news[member]) && !sameValue(olds[member], news[member]);
}

export interface UpdatePlan {
    /** members of one UpdateModelPackage call (without ModelPackageArn); undefined when none */
    request?: Omit<UpdateModelPackageInput, "ModelPackageArn">;
    tags: TagChanges;
    /** members that changed, for `diffs` */
    changed: string[];
}

/** What an in-place update sends: the fewest calls, UpdateModelPackage at most once. */
export function planUpdate(olds: Props, news: Props): UpdatePlan {
    const request: Record<string, unknown> = {};
    const changed: string[] = [];
    if (isVersioned(news)) {
        for (const m of UPDATE_IN_PLACE) {
            if (changedInPlace(olds, news, m)) {
                request[m] = news[m];
                changed.push(m);
            }
        }
        const beforeMeta = (olds.CustomerMetadataProperties ?? {}) as Record<string, string>;
        const afterMeta = (news.CustomerMetadataProperties ?? {}) as Record<string, string>;
        if (!sameValue(olds.CustomerMetadataProperties, news.CustomerMetadataProperties)) {
            const set: Record<string, string> = {};
            for (const [k, v] of Object.entries(afterMeta)) {
                if (beforeMeta[k] !== v) {
                    set[k] = v;
                }
            }
            const remove = Object.keys(beforeMeta).filter((k) => !(k in afterMeta));
            if (Object.keys(set).length > 0) {
                request.CustomerMetadataProperties = set;
            }
            if (remove.length > 0) {
                request.CustomerMetadataPropertiesToRemove = remove;
            }
            changed.push("CustomerMetadataProperties");
        }
        const add = additionalSpecsPlan(olds.AdditionalInferenceSpecifications, news.AdditionalInferenceSpecifications);
        if (add !== "replace" && add.length > 0) {
            request.AdditionalInferenceSpecificationsToAdd = add;
            changed.push("AdditionalInferenceSpecifications");
        }
    }
    const tags = containsUnknown(news.Tags)
        ? { toAdd: [], toRemove: [] }
        : diffTags(olds.Tags as Tag[] | undefined, news.Tags as Tag[] | undefined);
    if (containsUnknown(news.Tags) || tags.toAdd.length > 0 || tags.toRemove.length > 0) {
        changed.push("Tags");
    }
    return { request: Object.keys(request).length > 0 ? request : undefined, tags, changed };
}

export function diffModelPackage(settings: ProviderSettings, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const replaces = replaceReasons(olds, news, settings);
    const { changed } = planUpdate(olds, news);
    const providerChanged = olds.__provider !== news.__provider;
    const changes = replaces.length > 0 || changed.length > 0 || providerChanged;
    // An unversioned package keeps its name across a replacement: the old one must go first.
    const deleteBeforeReplace = replaces.length > 0 && !isVersioned(news) &&
        (containsUnknown(news.ModelPackageName) || news.ModelPackageName === olds.ModelPackageName);
    return {
        changes,
        replaces,
        deleteBeforeReplace,
    };
}
