import { isAbsent, isPlainObject, setOwn, toPlain, withoutServerFilled } from "../common/values";
import { tagsMember, type KindSpec, type Props } from "./kind";
import { matches, memberOf } from "./match";
import { liveOf } from "./state";

/**
 * Read-back after create: the description SageMaker answers after a create, compared with what
 * was asked by the one rule (`matches`, engine/match.ts), so SageMaker's defaults and the members it
 * fills in itself are never reported. Where a member the user declared was stored otherwise (an
 * endpoint that drops EnableNetworkIsolation, resets an approval), the create says so in a warning
 * and the state records what SageMaker holds, so the next refresh shows no drift (the next
 * preview shows the difference against the program instead). Pure.
 *
 * Tags are not compared here: the description carries none (refresh compares them with ListTags).
 */

export interface ReadBack {
    /** The inputs with each differing member as SageMaker holds it (left out where it holds none): what the state records. */
    stored: Props;
    /** One warning per differing path, naming the resource, the path, the declared and the stored value. */
    warnings: string[];
}

export function readBack<D>(spec: KindSpec<D>, resource: string, inputs: Props, d: D): ReadBack {
    const live = liveOf(spec, d);
    const tags = tagsMember(spec as KindSpec);
    const paths = matches(spec as KindSpec, inputs, live).filter((p) => memberOf(p) !== tags && !isAbsent(inputs[memberOf(p)]));
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
