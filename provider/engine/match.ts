import type { Tag } from "../common/sdk-shapes";
import { tagsEqual, userTags } from "../common/tags";
import { environmentValues, isAbsent, isPlainObject, memberMatches, setOwn, toPlain, withoutServerFilled } from "../common/values";
import { tagsMember, type KindSpec, type Props } from "./kind";

/**
 * Whether an existing resource is the one the inputs declare: the one rule `adopt`, the recovery
 * of a lost create, refresh and the read-back after create share (docs/MODEL.md, "Matching an
 * existing resource", "Read-back after create"). Pure.
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

/**
 * Read-back after create: the description SageMaker answers after a create (its live form, state.ts
 * `liveOf`), compared with what was asked by the one rule (`matches`), so SageMaker's defaults and
 * the members it fills in itself are never reported. Where a member the user declared was stored otherwise (an
 * endpoint that drops EnableNetworkIsolation, resets an approval), the create says so in a warning
 * and the state's outputs record what SageMaker holds (the engine keeps the program's inputs, so
 * refresh and the next preview show the difference). Pure.
 *
 * Tags are not compared here: the description carries none (refresh compares them with ListTags).
 */

export interface ReadBack {
    /** The inputs with each differing member as SageMaker holds it (left out where it holds none): what the state records. */
    stored: Props;
    /** One warning per differing path, naming the resource, the path, the declared and the stored value. */
    warnings: string[];
}

export function readBack(spec: KindSpec, resource: string, inputs: Props, live: Props): ReadBack {
    const tags = tagsMember(spec);
    const paths = matches(spec, inputs, live).filter((p) => memberOf(p) !== tags && !isAbsent(inputs[memberOf(p)]));
    const stored: Props = { ...inputs };
    const warnings: string[] = [];
    for (const member of new Set(paths.map(memberOf))) {
        const m = spec.members[member];
        const held = toPlain(withoutServerFilled(live[member], m.serverFilled));
        delete stored[member];
        if (!isAbsent(held)) {
            setOwn(stored, member, held);
        }
        for (const path of paths.filter((p) => memberOf(p) === member)) {
            const what = m.secrets
                ? `${path} otherwise than declared (values not shown: ${member} may hold secrets)`
                : `${path} as ${shown(valueAt(held, member, path))}, ` +
                  `not the declared ${shown(valueAt(toPlain(inputs[member]), member, path))}`;
            warnings.push(`${resource}: SageMaker stored ${what}. The state records what SageMaker holds, so the next preview ` +
                `shows the difference against the program. Fix: check that the endpoint (region, emulator) supports ${member}, ` +
                "or declare the stored value.");
        }
    }
    return { stored, warnings };
}

/** The value at a path of `matches` (`PrimaryContainer.Environment.KEY`, `Containers[0].Image`) inside its member's value. */
export function valueAt(value: unknown, member: string, path: string): unknown {
    const steps = path.slice(member.length).match(/\[\d+\]|\.[^.[]+/g) ?? [];
    let at = value;
    for (const step of steps) {
        if (step.startsWith("[")) {
            at = Array.isArray(at) ? at[Number(step.slice(1, -1))] : undefined;
        } else {
            at = isPlainObject(at) && Object.prototype.hasOwnProperty.call(at, step.slice(1)) ? at[step.slice(1)] : undefined;
        }
    }
    return at;
}

function shown(value: unknown): string {
    return value === undefined ? "absent" : JSON.stringify(value);
}

/**
 * Each differing path of `matches` with both values, for a message: `PrimaryContainer.Image
 * (declared "a", live "b")`; a member flagged `secrets` is named only. Pure.
 */
export function describeDifferences(spec: KindSpec, declared: Props, live: Props, paths: readonly string[]): string[] {
    return paths.map((path) => {
        const member = memberOf(path);
        const m = spec.members[member];
        const held = toPlain(withoutServerFilled(live[member], m?.serverFilled));
        const values = [valueAt(toPlain(declared[member]), member, path), valueAt(held, member, path)];
        // In a member that holds Environment maps, a value under one (or holding one) is never shown.
        if (m?.secrets && (/\.Environment(\.|$)/.test(path) || values.some((v) => environmentValues({ v }).length > 0 || hasEnvironment(v)))) {
            return `${path} (values not shown: Environment values may be secrets)`;
        }
        return `${path} (declared ${shown(values[0])}, live ${shown(values[1])})`;
    });
}

/**
 * The live tags as the state adopting starts from: with "keep" (the default) only the keys the
 * program declares, so the update that follows never removes a tag the program does not declare;
 * with "remove" all of them. `kept`: the live keys left alone. Pure.
 */
export function adoptedTags(declared: Tag[] | undefined, live: Tag[] | undefined, mode: unknown): { base: Tag[]; kept: string[] } {
    const keys = new Set((declared ?? []).map((t) => t.Key));
    const all = userTags(live) ?? [];
    if (mode === "remove") {
        return { base: all, kept: [] };
    }
    return { base: all.filter((t) => keys.has(t.Key)), kept: all.filter((t) => !keys.has(t.Key)).map((t) => String(t.Key)) };
}

/** Whether a value holds an `Environment` map anywhere. */
function hasEnvironment(value: unknown): boolean {
    if (Array.isArray(value)) {
        return value.some(hasEnvironment);
    }
    return isPlainObject(value) && Object.entries(value).some(([k, v]) => k === "Environment" || hasEnvironment(v));
}
