import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "@aws-sdk/client-sagemaker";
import { effectiveRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { tagsEqual } from "../common/tags";
import { containsUnknown, isUnknown } from "../common/unknown";
import { memberEqual } from "./compare";
import { CREATE_MODEL_MEMBERS, OWN_INPUTS, UPDATABLE_MEMBERS } from "./members";

type Props = Record<string, unknown>;

/** Tags SageMaker manages itself ("aws:" prefix) are neither declared nor compared. */
export function userTags(tags: unknown): Tag[] | undefined {
    if (!Array.isArray(tags)) {
        return undefined;
    }
    return (tags as Tag[]).filter((t) => !(t && typeof t.Key === "string" && t.Key.toLowerCase().startsWith("aws:")));
}

/**
 * A model is immutable except its tags: any other change replaces it, tags update in place.
 * `olds` are the old outputs (which include the inputs), `news` the checked new inputs.
 */
export function diffModel(settings: ProviderSettings, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const replaces: string[] = [];
    const updates: string[] = [];
    for (const member of CREATE_MODEL_MEMBERS) {
        const next = news[member];
        const changed = member === "Tags"
            ? containsUnknown(next) || !tagsEqual(userTags(olds[member]), userTags(next))
            : containsUnknown(next) || !memberEqual(member, olds[member], next);
        if (changed) {
            (UPDATABLE_MEMBERS.includes(member) ? updates : replaces).push(member);
        }
    }
    if (regionChanged(settings, olds, news)) {
        replaces.push(OWN_INPUTS.region);
    }
    const providerChanged = olds.__provider !== news.__provider;
    const changes = replaces.length > 0 || updates.length > 0 || providerChanged;
    // A fixed name cannot exist twice, so the old model must go first; a new or generated
    // name can be created alongside, which keeps dependents working during the replacement.
    const deleteBeforeReplace = replaces.length > 0 && news[OWN_INPUTS.autoNamed] !== true &&
        (isUnknown(news.ModelName) || sameName(news.ModelName, olds.ModelName));
    return {
        changes,
        replaces,
        deleteBeforeReplace,
    };
}

function regionChanged(settings: ProviderSettings, olds: Props, news: Props): boolean {
    if (isUnknown(news.region)) {
        return true;
    }
    const before = typeof olds.region === "string" ? olds.region : undefined;
    const after = effectiveRegion(settings, news.region);
    return before !== undefined && after !== undefined && before !== after;
}

/** SageMaker model names are case-insensitive: "My-Model" and "my-model" are the same model. */
function sameName(a: unknown, b: unknown): boolean {
    return typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();
}
