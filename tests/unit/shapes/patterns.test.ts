// Every pattern of the table runs in linear time on adversarial input, and every rewrite accepts
// exactly what the AWS pattern accepts.
import * as assert from "assert";
import fc from "fast-check";
import { compileOriginalPattern, compilePattern, LINEAR_REWRITES } from "../../../provider/shapes/patterns";
import { SHAPES } from "../../../provider/shapes/validate";

const patterns = [...new Set(Object.values(SHAPES.shapes).flatMap((s) => (s.pattern === undefined ? [] : [s.pattern])))];

/**
 * Inputs that make backtracking engines go quadratic: a long run of one filler (characters most
 * patterns accept), behind the prefixes the patterns start with, followed by every tail of up to two
 * characters from those that end runs (line breaks, slashes, separators, punctuation).
 */
function adversarial(n: number): string[] {
    const ends = ["\n", "/", "-", " ", "!", ":", "a", "."];
    const tails = ["", ...ends, ...ends.flatMap((a) => ends.map((b) => a + b))];
    const fillers = ["a", "-", "/", " ", "1", "a-", "a/", "\n"];
    const prefixes = ["", "s3://", "arn:aws:sagemaker:us-east-1:123456789012:model/", "arn:aws:iam::123456789012:role/"];
    const out: string[] = [];
    for (const p of prefixes) for (const f of fillers) for (const t of tails) out.push(p + f.repeat(Math.ceil(n / f.length)) + t);
    return out;
}

describe("patterns (linear time)", () => {
    const inputs = adversarial(20_000);

    for (const pattern of patterns) {
        it(`${pattern} stays linear on ${inputs.length} adversarial 20 KB inputs`, () => {
            const re = compilePattern(pattern);
            const started = process.hrtime.bigint();
            for (const s of inputs) re.test(s);
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            // Linear: 10 to 100 ms for all of them; the Url pattern as AWS writes it takes about 4 s.
            assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
        });
    }

    it("every rewrite is a pattern of the table", () => {
        for (const pattern of Object.keys(LINEAR_REWRITES)) assert.ok(patterns.includes(pattern), pattern);
    });

    for (const [pattern, rewrite] of Object.entries(LINEAR_REWRITES)) {
        it(`the rewrite ${rewrite} accepts exactly what ${pattern} accepts`, () => {
            const original = compileOriginalPattern(pattern);
            const linear = compilePattern(pattern);
            const pieces = fc.constantFrom("s3://", "https://", "http://", "s3:/", "/", "//", "a", "b.c", "\n", "\r", "\u2028", ":", " ", "-");
            fc.assert(fc.property(fc.array(pieces, { maxLength: 8 }).map((p) => p.join("")), (s) => {
                assert.strictEqual(linear.test(s), original.test(s), JSON.stringify(s));
            }), { numRuns: 5000, seed: 17 });
            // And the cases that matter, by hand.
            for (const [s, ok] of [["s3://bucket/key", true], ["s3://bucket", true], ["s3://bucket/", true], ["https://h/a/b", true],
                ["s3:///key", false], ["s3://", false], ["ftp://b/k", false], ["s3://b/k\n", false], ["s3://b\n/k", true]] as const) {
                assert.strictEqual(linear.test(s), ok, JSON.stringify(s));
                assert.strictEqual(original.test(s), ok, JSON.stringify(s));
            }
        });
    }
});
