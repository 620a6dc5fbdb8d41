// AWS patterns (Java regexes that must match the whole value) as JavaScript RegExps that run in
// linear time on any input. The validator only runs a pattern on a value within the shape's length
// bounds; on top of that, every pattern of the table is checked against adversarial inputs in
// tests/unit/shapes/patterns.test.ts, and the ones V8's backtracking engine runs in super-linear
// time are rewritten here into an equivalent linear form (equivalence is a property test there).

/**
 * Linear-time equivalents, keyed by the AWS pattern. Each value is a JS pattern (no anchors; they
 * are added by compilePattern) that accepts exactly the same strings.
 */
export const LINEAR_REWRITES: Readonly<Record<string, string>> = {
    // Url, S3Uri, S3ModelUri. `([^/]+)/?(.*)` lets `[^/]+` and `(.*)` share every non-slash
    // character, so a value with a line break after its first slash backtracks quadratically
    // (1.8 s for 64 KB). A split exists iff the part after the first slash has no line break,
    // which is what the rewrite says: the host part up to the first slash, then "/" and `.*`.
    "(https|s3)://([^/]+)/?(.*)": "(?:https|s3)://[^/]+(?:/.*)?",
};

const cache = new Map<string, RegExp>();

/**
 * The whole-value RegExp of an AWS pattern: the linear rewrite where there is one; the `u` flag
 * for `\p{...}`; Java's quantified end anchor (`$` followed by `{1,128}`, which JS rejects) as `$`.
 */
export function compilePattern(pattern: string): RegExp {
    let re = cache.get(pattern);
    if (!re) {
        const source = LINEAR_REWRITES[pattern] ?? pattern.replace(/\$\{\d+(,\d*)?\}/g, "$");
        re = new RegExp(`^(?:${source})$`, "u");
        cache.set(pattern, re);
    }
    return re;
}

/** The pattern exactly as AWS wrote it, translated but not rewritten (for the equivalence tests). */
export function compileOriginalPattern(pattern: string): RegExp {
    return new RegExp(`^(?:${pattern.replace(/\$\{\d+(,\d*)?\}/g, "$")})$`, "u");
}
