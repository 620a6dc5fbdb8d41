// One run of the contract suite: every assumption in turn, each with its own resources (so one
// failing cannot make another fail), then the clean-up by identity. Used by run.ts (the command)
// and by the tests that prove each assumption can fail (tests/integration/contract).
import { Context, type Assumption } from "./assumption";
import { callOf, Refuted, type Call } from "./calls";
import { ASSUMPTIONS } from "./assumptions";
import { Ledger, type CleanUpReport } from "./ledger";
import { newRun, timingFor, type Run, type Target, type Timing } from "./target";

export interface Outcome {
    id: string;
    says: string;
    holds: boolean;
    /** Why it fails: what the endpoint did. */
    why?: string;
    /** The request that showed it, and the endpoint's answer (or error). */
    call?: Call;
}

export interface SuiteResult {
    run: Run;
    outcomes: Outcome[];
    cleanUp: CleanUpReport;
}

export interface SuiteOptions {
    run?: Run;
    timing?: Partial<Timing>;
    assumptions?: Assumption[];
    /** Called as each assumption ends (the command prints its line at once). */
    onOutcome?: (o: Outcome) => void;
}

export async function runSuite(t: Target, opts: SuiteOptions = {}): Promise<SuiteResult> {
    const run = opts.run ?? newRun();
    const timing = { ...timingFor(t.kind), ...opts.timing };
    const ledger = new Ledger(run.id, run.prefix);
    const outcomes: Outcome[] = [];
    for (const a of opts.assumptions ?? ASSUMPTIONS) {
        const x = new Context(t, ledger, timing, a.id);
        let outcome: Outcome;
        try {
            await a.run(x);
            outcome = { id: a.id, says: a.says, holds: true };
        } catch (e) {
            const err = e as Error;
            outcome = err instanceof Refuted
                ? { id: a.id, says: a.says, holds: false, why: err.message, call: err.call ?? x.calls.last }
                // An SDK error where the assumption expected an answer: the failed call is the evidence.
                : { id: a.id, says: a.says, holds: false, why: `${callOf(err)?.operation ?? "a call"} failed: ${err.name}: ${err.message.split("\n")[0]}`, call: callOf(err) ?? x.calls.last };
        }
        outcomes.push(outcome);
        opts.onOutcome?.(outcome);
    }
    const cleanUp = await ledger.cleanUp(t.client);
    return { run, outcomes, cleanUp };
}
