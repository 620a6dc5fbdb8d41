import type { Tag } from "./sdk-shapes";

export interface TagChanges {
    /** new keys and keys whose value changed: one AddTags call (it overwrites) */
    toAdd: Tag[];
    /** keys no longer declared: one DeleteTags call */
    toRemove: string[];
}

function asMap(tags: readonly Tag[] | undefined): Map<string, string> {
    return new Map((tags ?? []).map((t) => [t.Key ?? "", t.Value ?? ""]));
}

/** The fewest calls that turn `current` into `desired`: at most one AddTags and one DeleteTags. */
export function diffTags(current: readonly Tag[] | undefined, desired: readonly Tag[] | undefined): TagChanges {
    const before = asMap(current);
    const after = asMap(desired);
    const toAdd: Tag[] = [];
    for (const [Key, Value] of after) {
        if (before.get(Key) !== Value) {
            toAdd.push({ Key, Value });
        }
    }
    const toRemove = [...before.keys()].filter((k) => !after.has(k));
    return { toAdd, toRemove };
}

export function tagsEqual(a: readonly Tag[] | undefined, b: readonly Tag[] | undefined): boolean {
    const { toAdd, toRemove } = diffTags(a, b);
    return toAdd.length === 0 && toRemove.length === 0;
}

/** Tags as SageMaker returns them, in a stable order (for state and drift comparison). */
export function sortTags(tags: readonly Tag[] | undefined): Tag[] | undefined {
    if (!tags) {
        return undefined;
    }
    return [...tags].map((t) => ({ Key: t.Key, Value: t.Value })).sort((x, y) => (x.Key ?? "").localeCompare(y.Key ?? ""));
}

/** Tags SageMaker manages itself ("aws:" prefix) are neither declared nor compared. */
export function userTags(tags: readonly Tag[] | undefined): Tag[] | undefined {
    if (!Array.isArray(tags)) {
        return undefined;
    }
    return tags.filter((t) => !(t && typeof t.Key === "string" && t.Key.toLowerCase().startsWith("aws:")));
}
