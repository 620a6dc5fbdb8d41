// Tag rules for every kind that takes Tags (Model, ModelPackage, ModelPackageGroup, AddTags).
import { isPlainObject } from "../common/values";
import { finding, knownString, type Finding } from "./finding";

/**
 * "Tag keys must be unique per resource" (Tag.Key in the API reference), and the `aws:` prefix is
 * reserved for AWS in every letter case (Tagging AWS resources, "Tag naming limits and requirements").
 */
export function tagFindings(tags: unknown, path = "Tags"): Finding[] {
    if (!Array.isArray(tags)) {
        return [];
    }
    const out: Finding[] = [];
    const seen = new Map<string, number>();
    tags.forEach((t, i) => {
        const key = isPlainObject(t) ? t.Key : undefined;
        if (!knownString(key)) {
            return;
        }
        if (key.toLowerCase().startsWith("aws:")) {
            out.push(finding(`${path}[${i}].Key`, "pattern", "the \"aws:\" prefix is reserved for AWS", "use a key that does not start with \"aws:\""));
        }
        const first = seen.get(key);
        if (first !== undefined) {
            out.push(finding(`${path}[${i}].Key`, "unique", `the key is already used by ${path}[${first}]`, "use each tag key once"));
        } else {
            seen.set(key, i);
        }
    });
    return out;
}
