// The moto expectation table covers exactly the suite's assumptions, and the comparison fails in
// both directions (a new failure and a new hold).
import * as assert from "assert";
import { ASSUMPTIONS } from "../../contract/assumptions";
import { differences } from "../../contract/moto/compare";
import { MOTO_EXPECTATIONS } from "../../contract/moto/expectations";

describe("contract suite: the moto expectation table", () => {
    const asExpected = () => MOTO_EXPECTATIONS.map((e) => ({ id: e.id, holds: e.outcome === "holds" }));

    it("has one row per assumption, in the suite's order, each with why and a moto source function", () => {
        assert.deepStrictEqual(MOTO_EXPECTATIONS.map((e) => e.id), ASSUMPTIONS.map((a) => a.id));
        for (const e of MOTO_EXPECTATIONS) assert.match(e.source, /(models|responses|utils)\.py \w+/, e.id);
    });

    it("finds no difference when every outcome is as the table says", () => {
        assert.deepStrictEqual(differences(asExpected()), []);
    });

    it("reports an assumption that fails where the table expects it to hold, and one that holds where it expects a failure", () => {
        const run = asExpected();
        const hold = run.find((o) => o.holds)!;
        const fail = run.find((o) => !o.holds)!;
        hold.holds = false;
        fail.holds = true;
        const diff = differences(run);
        assert.strictEqual(diff.length, 2, diff.join("\n"));
        assert.match(diff[0] + diff[1], new RegExp(`${hold.id}: expected holds`));
        assert.match(diff[0] + diff[1], new RegExp(`${fail.id}: expected FAILS`));
    });

    it("reports an assumption missing from the run and one missing from the table", () => {
        const run = asExpected().slice(1);
        run.push({ id: "C99", holds: true });
        assert.deepStrictEqual(differences(run).map((d) => d.split(":")[0]), [MOTO_EXPECTATIONS[0].id, "C99"]);
    });
});
