import { pick, toPlain } from "../common/values";
import { tagsMember, type KindSpec, type Props } from "./kind";

/** What the create call sends, from the checked inputs. Pure: check derives a ClientToken from it, create sends it. */

/** The members of the create call: set, not empty, the tags member only where the create call takes it. */
export function createRequest(spec: KindSpec, inputs: Props): Props {
    const members = Object.entries(spec.members).filter(([, m]) => !m.afterCreate).map(([k]) => k);
    const request = pick(inputs, members);
    for (const [k, v] of Object.entries(request)) {
        if (Array.isArray(v) && v.length === 0) {
            delete request[k]; // an empty list is "not set" here, as for check and diff
        }
    }
    const tags = tagsMember(spec);
    if (tags !== undefined && spec.hooks.tagsAtCreate && !spec.hooks.tagsAtCreate(inputs)) {
        delete request[tags];
    }
    return toPlain(request) as Props;
}

