// fast-check arbitraries built from the shapes table (provider/shapes/sagemaker-shapes.json), the
// same table the validator and the local endpoint use. `wellTyped(shape)` aims at valid values
// (enums, patterns, lengths, bounds, required members, one member per union); `mutated(arb)`
// replaces some leaves with arbitrary JSON-ish values (ill-typed, out of range, misspelt members).
import fc from "fast-check";
import { compilePattern, getShape, type ShapeDefinition } from "../../provider/shapes/validate";

const cache = new Map<string, fc.Arbitrary<unknown>>();

function stringArb(shape: ShapeDefinition): fc.Arbitrary<string> {
    if (shape.enum) {
        return fc.constantFrom(...shape.enum);
    }
    const min = shape.min ?? 0;
    const max = Math.min(shape.max ?? 64, min + 40);
    const inRange = (s: string) => [...s].length >= min && [...s].length <= (shape.max ?? Infinity);
    if (shape.pattern !== undefined) {
        try {
            const re = compilePattern(shape.pattern);
            return fc.stringMatching(re).filter(inRange);
        } catch {
            // a construct stringMatching does not support: fall through to plain strings
        }
    }
    return fc.string({ minLength: min, maxLength: Math.max(min, max), unit: "grapheme-ascii" });
}

function numberArb(shape: ShapeDefinition, integral: boolean): fc.Arbitrary<number> {
    const min = shape.min ?? (integral ? 0 : 0);
    const max = shape.max ?? (min + 1000);
    return integral ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** A well-typed value of `shapeName`; nesting stops at `depth` (optional members are left out). */
export function wellTyped(shapeName: string, depth = 4): fc.Arbitrary<unknown> {
    const key = `${shapeName}@${depth}`;
    const hit = cache.get(key);
    if (hit) {
        return hit;
    }
    const shape = getShape(shapeName);
    if (!shape) {
        throw new Error(`no shape ${shapeName}`);
    }
    let arb: fc.Arbitrary<unknown>;
    switch (shape.type) {
        case "structure": {
            const members = shape.members ?? {};
            const required = shape.required ?? [];
            if (shape.union) {
                const names = Object.keys(members);
                arb = fc.constantFrom(...names).chain((m) => wellTyped(members[m], depth - 1).map((v) => ({ [m]: v })));
                break;
            }
            const record: Record<string, fc.Arbitrary<unknown>> = {};
            for (const [m, s] of Object.entries(members)) {
                if (required.includes(m) || depth > 0) {
                    record[m] = wellTyped(s, depth - 1);
                }
            }
            const optional = Object.keys(record).filter((m) => !required.includes(m));
            arb = fc.record(record, { requiredKeys: required.filter((m) => m in record) as never[] })
                .map((v) => v as Record<string, unknown>)
                // keep structures small: at most 4 optional members
                .map((v) => {
                    let kept = 0;
                    for (const m of optional) {
                        if (m in v && ++kept > 4) {
                            delete v[m];
                        }
                    }
                    return v;
                });
            break;
        }
        case "list": {
            const min = shape.min ?? 0;
            const max = depth <= 0 ? min : Math.min(shape.max ?? 3, min + 2);
            arb = fc.array(wellTyped(shape.member!, depth - 1), { minLength: min, maxLength: Math.max(min, max) });
            break;
        }
        case "map": {
            const keyShape = getShape(shape.key!)!;
            const max = depth <= 0 ? 0 : Math.min(shape.max ?? 3, 3);
            arb = fc.dictionary(stringArb(keyShape).filter((k) => k !== "__proto__"), wellTyped(shape.value!, depth - 1),
                { minKeys: shape.min ?? 0, maxKeys: Math.max(shape.min ?? 0, max) });
            break;
        }
        case "string": arb = stringArb(shape); break;
        case "boolean": arb = fc.boolean(); break;
        case "integer": case "long": arb = numberArb(shape, true); break;
        case "float": case "double": arb = numberArb(shape, false); break;
        case "timestamp": arb = fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()); break;
        case "blob": arb = fc.base64String({ maxLength: 16 }); break;
        default: throw new Error(`unsupported shape type ${shape.type}`);
    }
    cache.set(key, arb);
    return arb;
}

/** Arbitrary JSON-ish junk: wrong types, nulls, huge numbers, odd strings, nested objects. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
    fc.anything({ maxDepth: 2, maxKeys: 3 }),
    fc.constantFrom(null, undefined, "", 0, -1, Infinity, NaN, true, [], {}, "04da6b54-80e4-46f7-96ec-b56ff0331ba9"),
    fc.string({ maxLength: 300 }),
);

/**
 * Walks a value and replaces each node with junk with probability `rate`, or adds a misspelt
 * member to objects. Deterministic given the seed fast-check passes in.
 */
export function mutate(value: unknown, rng: () => number, junkValues: unknown[], rate = 0.08): unknown {
    const pick = () => junkValues[Math.floor(rng() * junkValues.length)];
    if (rng() < rate) {
        return pick();
    }
    if (Array.isArray(value)) {
        return value.map((v) => mutate(v, rng, junkValues, rate));
    }
    if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
            out[k] = mutate(v, rng, junkValues, rate);
        }
        if (rng() < rate / 2) {
            out[`Misspelt${Math.floor(rng() * 100)}`] = pick();
        }
        return out;
    }
    return value;
}

/** `arb`, then mutated with probability `share` (else left well-typed). */
export function partlyIllTyped(arb: fc.Arbitrary<unknown>, share = 0.5): fc.Arbitrary<unknown> {
    return fc.tuple(arb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer(), fc.array(junk, { minLength: 4, maxLength: 4 }))
        .map(([value, roll, seed, junkValues]) => {
            if (roll >= share) {
                return value;
            }
            let s = seed >>> 0;
            const rng = () => {
                s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
                return s / 4294967296;
            };
            return mutate(value, rng, junkValues);
        });
}
