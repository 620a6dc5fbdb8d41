import { getShape } from "../shapes/validate";
import { isAbsent, isPlainObject, toPlain } from "../common/values";

/**
 * What AWS reports, seen through what the program declared: structures keep only the members
 * the program set (AWS adds some, e.g. ImageDigest, and those must not look like drift), maps
 * and lists are taken whole, so a key added in Studio or a changed list shows on refresh.
 */
export function project(shapeName: string, declared: unknown, actual: unknown): unknown {
    if (isAbsent(actual)) {
        return undefined;
    }
    const shape = getShape(shapeName);
    if (!shape || isAbsent(declared)) {
        return toPlain(actual);
    }
    if (shape.type === "structure" && isPlainObject(declared) && isPlainObject(actual)) {
        const out: Record<string, unknown> = {};
        for (const [member, value] of Object.entries(declared)) {
            const memberShape = shape.members?.[member];
            const projected = memberShape ? project(memberShape, value, actual[member]) : undefined;
            if (!isAbsent(projected)) {
                out[member] = projected;
            }
        }
        return out;
    }
    if (shape.type === "list" && Array.isArray(declared) && Array.isArray(actual) && shape.member) {
        return actual.map((item, i) => project(shape.member!, declared[i], item));
    }
    if (shape.type === "map" && isPlainObject(declared) && isPlainObject(actual) && shape.value) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(actual)) {
            out[k] = project(shape.value, declared[k], v);
        }
        return out;
    }
    return toPlain(actual);
}
