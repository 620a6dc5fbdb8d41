// Glob matching for config patterns (gated locations, exemptions): `*` is any run of characters
// (slashes included), `?` one character. Iterative, with one backtracking point: O(value × pattern)
// at worst, never exponential, on values the location parser already capped.

function matchesFrom(value: string, pattern: string, wholeValue: boolean): boolean {
    let v = 0;
    let p = 0;
    let starP = -1;
    let starV = 0;
    while (v < value.length) {
        if (p < pattern.length && (pattern[p] === "?" || pattern[p] === value[v])) {
            v++;
            p++;
        } else if (p < pattern.length && pattern[p] === "*") {
            starP = p++;
            starV = v;
        } else if (p === pattern.length && !wholeValue) {
            return true; // the pattern is a prefix of the value
        } else if (starP >= 0) {
            p = starP + 1;
            v = ++starV;
        } else {
            return false;
        }
    }
    while (p < pattern.length && pattern[p] === "*") {
        p++;
    }
    return p === pattern.length;
}

/**
 * A pattern matches every value that starts with it ("s3://bucket/models/" covers everything
 * below it), or only the whole value when `wholeValue` is set (resource names).
 */
export function globMatch(value: string, pattern: string, wholeValue = false): boolean {
    return matchesFrom(value, pattern, wholeValue);
}
