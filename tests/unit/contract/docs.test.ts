// The contract suite's docs say what the code does: docs/LOCAL-ENDPOINT.md's moto table has the
// expectation table's outcomes, and docs/ARCHITECTURE.md's "Service assumptions" names every
// assumption and every behaviour switch that exists.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DEVIATIONS } from "../../../local-endpoint/deviations";
import { ASSUMPTIONS } from "../../contract/assumptions";
import { MOTO_EXPECTATIONS } from "../../contract/moto/expectations";

const doc = (name: string) => fs.readFileSync(path.join(__dirname, "../../../docs", name), "utf8");
const section = (text: string, heading: string) => {
    const start = text.indexOf(heading);
    assert.ok(start >= 0, `no section ${heading}`);
    const next = text.indexOf("\n#", start + heading.length);
    return text.slice(start, next < 0 ? undefined : next);
};

describe("contract suite: docs", () => {
    it("LOCAL-ENDPOINT.md's moto table has one row per assumption with the expected outcome", () => {
        const rows = [...section(doc("LOCAL-ENDPOINT.md"), "## Running on moto or LocalStack").matchAll(/^\| (C\d\d) \| (holds|FAILS) \|/gm)]
            .map((m) => `${m[1]} ${m[2]}`);
        assert.deepStrictEqual(rows, MOTO_EXPECTATIONS.map((e) => `${e.id} ${e.outcome}`));
        const holds = MOTO_EXPECTATIONS.filter((e) => e.outcome === "holds").length;
        assert.match(section(doc("LOCAL-ENDPOINT.md"), "## Running on moto or LocalStack"),
            new RegExp(`On\\s+moto ${holds} assumptions hold and ${MOTO_EXPECTATIONS.length - holds} fail`));
    });

    it("ARCHITECTURE.md's Service assumptions table covers every assumption id and names only switches that exist", () => {
        const table = section(doc("ARCHITECTURE.md"), "### Service assumptions");
        const ids = new Set<string>();
        for (const m of table.matchAll(/^\| (C\d\d)(?:–C(\d\d))? \|/gm)) {
            for (let n = Number(m[1].slice(1)); n <= Number(m[2] ?? m[1].slice(1)); n++) ids.add(`C${String(n).padStart(2, "0")}`);
        }
        assert.deepStrictEqual([...ids], ASSUMPTIONS.map((a) => a.id));
        const named = [...table.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((m) => m[1]).filter((n) => !n.includes("."));
        const switches = Object.keys(DEVIATIONS).filter((d) => d !== "list-ignores-name-filter");
        assert.deepStrictEqual(switches.filter((d) => !named.includes(d)), [], "every switch is in the table");
        assert.deepStrictEqual(named.filter((n) => !(n in DEVIATIONS) && /^(accept|missing|list|delete|create|tags|update|package|describe|model|version|client|add)-/.test(n)), []);
    });
});
