import * as assert from "assert";
import { coveredBy } from "../../../bench/scale";

// The run time PERFORMANCE.md gives for the scale benchmark adds up the parts whose measurements are
// saved; a part that a later run measured again (same sizes, same sides) no longer counts.
describe("bench: scale parts a later run re-measured", () => {
    const part = (sizes: number[], sides: ("ours" | "noop")[]) => ({ sizes, sides, seconds: 1, date: "2026-12-02T00:00:00Z" });

    it("a part of the same sizes and sides is superseded", () => {
        assert.equal(coveredBy(part([10, 100, 500], ["ours", "noop"]), [10, 100, 500], ["ours", "noop"]), true);
        assert.equal(coveredBy(part([1000], ["noop"]), [1000], ["ours", "noop"]), true);
    });

    it("a part with a size or a side the new run did not measure still counts", () => {
        assert.equal(coveredBy(part([10, 100, 500], ["ours", "noop"]), [10, 100], ["ours", "noop"]), false);
        assert.equal(coveredBy(part([1000], ["ours", "noop"]), [1000], ["ours"]), false);
        assert.equal(coveredBy(part([1000], ["ours"]), [10, 100, 500], ["ours", "noop"]), false);
    });
});
