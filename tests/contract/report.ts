// The report: one line per assumption ("holds" or "FAILS", a failure followed by what the endpoint
// did, the request and the relevant part of its answer), the clean-up on its own line (not an
// assumption), then the count.
import { show } from "./calls";
import { formatCleanUp } from "./ledger";
import type { Outcome, SuiteResult } from "./suite";

export function outcomeLines(o: Outcome): string[] {
    if (o.holds) return [`holds  ${o.id} ${o.says}`];
    const lines = [`FAILS  ${o.id} ${o.says}`, ...o.why!.split("\n").map((l) => `       ${l}`)];
    if (o.call) {
        lines.push(`       request: ${o.call.operation} ${show(o.call.input)}`);
        lines.push(`       answer:  ${o.call.error ? `${o.call.error.name}${o.call.error.status ? ` (HTTP ${o.call.error.status})` : ""}: ${o.call.error.message.split("\n")[0]}` : show(o.call.output)}`);
    }
    return lines;
}

export function summaryLines(r: SuiteResult): string[] {
    const holds = r.outcomes.filter((o) => o.holds).length;
    return [formatCleanUp(r.cleanUp, r.run.id), `assumptions: ${holds} hold, ${r.outcomes.length - holds} fail (of ${r.outcomes.length})`];
}

/** What `--json FILE` writes: the outcomes a comparison needs (tests/contract/moto). */
export function toJson(r: SuiteResult): string {
    return JSON.stringify({
        run: r.run.id,
        outcomes: r.outcomes.map((o) => ({ id: o.id, holds: o.holds, ...(o.holds ? {} : { why: o.why }) })),
        cleanUp: r.cleanUp,
    }, null, 2);
}
