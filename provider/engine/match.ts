import type { Tag } from "@aws-sdk/client-sagemaker";
import { tagsEqual, userTags } from "../common/tags";
import { memberMatches } from "../common/values";
import type { KindSpec, Props } from "./kind";

/**
 * Whether an existing resource is the one the inputs declare: the one rule `adopt`, the recovery
 * of a lost create and refresh share (docs/MODEL.md, "Matching an existing resource"). Pure.
 */

/**
 * Where `declared` (the inputs) and `live` (the resource's create members as described, its tags
 * in the kind's tags member) differ, by member path; empty when it matches. Every member of the
 * create call is compared by `memberMatches` (common/values.ts), tags as the user's tags (AWS's
 * `aws:` tags aside); the name (it was found by it), ignored members (ClientToken) and members set
 * after creation are not compared. Paths only: values may be secrets.
 */
export function matches(spec: KindSpec, declared: Props, live: Props): string[] {
    const paths: string[] = [];
    for (const [member, m] of Object.entries(spec.members)) {
        if (m.change.type === "ignore" || m.afterCreate || member === spec.name.member) {
            continue;
        }
        if (m.change.type === "tags") {
            if (!tagsEqual(userTags(declared[member] as Tag[] | undefined), userTags(live[member] as Tag[] | undefined))) {
                paths.push(member);
            }
            continue;
        }
        paths.push(...memberMatches(m, declared[member], live[member], member));
    }
    return paths;
}

/** The member a path of `matches` is in: `PrimaryContainer.Image` -> `PrimaryContainer`. */
export function memberOf(path: string): string {
    return path.split(/[.[]/, 1)[0];
}

/**
 * The members of those paths that adopting cannot set (fixed at creation, or update-class where
 * the kind's update call does not apply): a difference there refuses the adoption; the others are
 * set to the inputs like an update.
 */
export function fixedMembers(spec: KindSpec, inputs: Props, paths: readonly string[]): string[] {
    const updatable = spec.hooks.canUpdate?.(inputs) ?? true;
    const members = [...new Set(paths.map(memberOf))];
    return members.filter((member) => {
        const type = spec.members[member]?.change.type;
        return type === "replace" || ((type === "set" || type === "map" || type === "append") && !updatable);
    });
}
