// Compares a run's outcomes (run.ts --json FILE) with the expectation table for moto: every
// assumption must come out as the table says, in either direction (a new hold is a difference
// too: the table, and docs/LOCAL-ENDPOINT.md, must then say why).
import * as fs from "fs";
import { MOTO_EXPECTATIONS, MOTO_VERSION, type Expectation } from "./expectations";

export interface RunOutcome { id: string; holds: boolean; why?: string }

/** One line per difference; empty when the run is what the table expects. */
export function differences(outcomes: RunOutcome[], table: Expectation[] = MOTO_EXPECTATIONS): string[] {
    const out: string[] = [];
    const seen = new Map(outcomes.map((o) => [o.id, o]));
    for (const e of table) {
        const o = seen.get(e.id);
        if (!o) out.push(`${e.id}: expected ${e.outcome}, but the run has no such assumption`);
        else if ((o.holds ? "holds" : "FAILS") !== e.outcome) {
            out.push(`${e.id}: expected ${e.outcome} (${e.why}), got ${o.holds ? "holds" : `FAILS: ${(o.why ?? "").split("\n")[0]}`}`);
        }
    }
    for (const o of outcomes) if (!table.some((e) => e.id === o.id)) out.push(`${o.id}: ${o.holds ? "holds" : "FAILS"}, but the table has no row for it`);
    return out;
}

if (require.main === module) {
    const file = process.argv[2];
    const { outcomes } = JSON.parse(fs.readFileSync(file, "utf8")) as { outcomes: RunOutcome[] };
    const diff = differences(outcomes);
    const holds = outcomes.filter((o) => o.holds).length;
    if (diff.length) {
        console.log(`moto ${MOTO_VERSION}: ${diff.length} outcome(s) differ from tests/contract/moto/expectations.ts:`);
        for (const d of diff) console.log(`  ${d}`);
        process.exitCode = 1;
    } else {
        console.log(`moto ${MOTO_VERSION}: ${holds} hold, ${outcomes.length - holds} fail, as tests/contract/moto/expectations.ts expects`);
    }
}
