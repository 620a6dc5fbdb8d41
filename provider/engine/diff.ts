import type * as pulumi from "@pulumi/pulumi";
import type { Tag } from "../common/sdk-shapes";
import { AUTO_NAME_KEYS } from "../common/auto-name";
import type { ProviderSettings } from "../common/settings";
import { diffTags, userTags, type TagChanges } from "../common/tags";
import { containsUnknown, isUnknown } from "../common/unknown";
import { sameName } from "../identity/names";
import { PROVIDER_KEY, type Change, type KindSpec, type MemberSpec, type Props } from "./kind";
import { isAbsent, isPlainObject, memberSame, sameValue, setOwn } from "../common/values";

/** Whether a member's old and new values differ, in the member's own terms. */
function differs(spec: MemberSpec, before: unknown, after: unknown): boolean {
    return !memberSame(spec, before, after);
}

function entryKey(entry: unknown, key: string): unknown {
    return isPlainObject(entry) ? entry[key] : undefined;
}

/**
 * An append-only list (e.g. AdditionalInferenceSpecifications): the entries to add, or "replace"
 * when an existing entry changed or went away (or the list is not known yet).
 */
function appendPlan(before: unknown, after: unknown, key: string): unknown[] | "replace" {
    if (containsUnknown(after)) {
        return "replace";
    }
    const olds = Array.isArray(before) ? before : [];
    const news = Array.isArray(after) ? after : [];
    for (const old of olds) {
        const now = news.find((e) => entryKey(e, key) === entryKey(old, key));
        if (now === undefined || !sameValue(old, now)) {
            return "replace";
        }
    }
    return news.filter((e) => !olds.some((old) => entryKey(old, key) === entryKey(e, key)));
}

/** Whether a change of the given class is one at all (update-class removals stop managing). */
function changed(change: Change, member: string, spec: MemberSpec, olds: Props, news: Props): boolean {
    switch (change.type) {
        case "ignore":
            return false;
        case "tags":
            return containsUnknown(news[member]) || diffTagsOf(olds[member], news[member]).changed;
        case "set":
            return !isAbsent(news[member]) && differs(spec, olds[member], news[member]);
        case "append": {
            const plan = appendPlan(olds[member], news[member], change.key);
            return plan === "replace" || plan.length > 0;
        }
        default:
            return differs(spec, olds[member], news[member]);
    }
}

function diffTagsOf(before: unknown, after: unknown): TagChanges & { changed: boolean } {
    const changes = diffTags(userTags(before as Tag[] | undefined), userTags(after as Tag[] | undefined));
    return { ...changes, changed: changes.toAdd.length > 0 || changes.toRemove.length > 0 };
}

interface MemberChanges {
    /** members whose change creates a new resource */
    replaces: string[];
    /** members that change in place */
    updates: string[];
}

/** Which members changed, and how: the one place the spec's change classes are applied. */
function memberChanges(spec: KindSpec, settings: ProviderSettings, olds: Props, news: Props): MemberChanges {
    const replaces: string[] = [];
    const updates: string[] = [];
    const updatable = spec.hooks.canUpdate?.(news) ?? true;
    for (const [member, m] of Object.entries(spec.members)) {
        if (!changed(m.change, member, m, olds, news)) {
            continue;
        }
        const inPlace = m.change.type === "tags" ||
            ((m.change.type === "set" || m.change.type === "map") && updatable) ||
            (m.change.type === "append" && updatable && appendPlan(olds[member], news[member], m.change.key) !== "replace");
        (inPlace ? updates : replaces).push(member);
    }
    for (const [key, own] of Object.entries(spec.own)) {
        const isChange = own.changed ?? ((_settings: ProviderSettings, before: unknown, after: unknown) => !sameValue(before, after));
        if (own.change !== "ignore" && isChange(settings, olds[key], news[key])) {
            (own.change === "replace" ? replaces : updates).push(key);
        }
    }
    return { replaces, updates };
}

/**
 * `diff` for every kind. `olds` are the old outputs (which hold the inputs), `news` the checked
 * new inputs. A provider code change is a change (so `update` carries it into the state). A
 * replacement that keeps a fixed name deletes the old resource first: a name cannot exist twice
 * (compared case-insensitively, as SageMaker does); a generated or new name is created alongside,
 * which keeps dependents working during the replacement.
 */
export function diffInputs(spec: KindSpec, settings: ProviderSettings, olds: Props, news: Props): pulumi.dynamic.DiffResult {
    const { replaces, updates } = memberChanges(spec, settings, olds, news);
    const providerChanged = olds[PROVIDER_KEY] !== news[PROVIDER_KEY];
    const name = spec.name.member;
    const deleteBeforeReplace = replaces.length > 0 && news[AUTO_NAME_KEYS.autoNamed] !== true &&
        (isUnknown(news[name]) || sameName(news[name], olds[name]));
    return {
        changes: replaces.length > 0 || updates.length > 0 || providerChanged,
        replaces,
        deleteBeforeReplace,
    };
}

export interface UpdatePlan {
    /** the members of the kind's one update call (without the id); undefined when nothing is sent */
    request?: Props;
    tags: TagChanges;
}

/** What an in-place update sends: the kind's update call at most once, and at most one AddTags and one DeleteTags. */
export function planUpdate(spec: KindSpec, olds: Props, news: Props): UpdatePlan {
    const request: Props = {};
    let tags: TagChanges = { toAdd: [], toRemove: [] };
    const updatable = spec.hooks.canUpdate?.(news) ?? true;
    for (const [member, m] of Object.entries(spec.members)) {
        const change = m.change;
        if (!changed(change, member, m, olds, news)) {
            continue;
        }
        if (change.type === "tags") {
            if (!containsUnknown(news[member])) {
                const { toAdd, toRemove } = diffTagsOf(olds[member], news[member]);
                tags = { toAdd, toRemove };
            }
        } else if (!updatable) {
            continue;
        } else if (change.type === "set") {
            setOwn(request, member, news[member]);
        } else if (change.type === "map") {
            const before = isPlainObject(olds[member]) ? olds[member] : {};
            const after = isPlainObject(news[member]) ? news[member] : {};
            const set: Props = {};
            for (const [k, v] of Object.entries(after)) {
                if (!Object.prototype.hasOwnProperty.call(before, k) || before[k] !== v) {
                    setOwn(set, k, v);
                }
            }
            const remove = Object.keys(before).filter((k) => !Object.prototype.hasOwnProperty.call(after, k));
            if (Object.keys(set).length > 0) {
                setOwn(request, member, set);
            }
            if (remove.length > 0) {
                setOwn(request, change.removeWith, remove);
            }
        } else if (change.type === "append") {
            const add = appendPlan(olds[member], news[member], change.key);
            if (add !== "replace" && add.length > 0) {
                setOwn(request, change.addWith, add);
            }
        }
    }
    return { request: Object.keys(request).length > 0 ? request : undefined, tags };
}
