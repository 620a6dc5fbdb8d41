// npm run test:contract [-- --dry-run] [-- --json FILE]: the service-assumption suite against the
// endpoint the environment names (tests/contract/target.ts). --dry-run prints what a run creates
// and calls nothing; --json also writes the outcomes to FILE. Exit code 1 when an assumption
// fails or the clean-up kept something it created.
import * as fs from "fs";
import { describePlan, newRun, openTarget, targetKind } from "./target";
import { outcomeLines, summaryLines, toJson } from "./report";
import { runSuite } from "./suite";

async function main(): Promise<number> {
    const run = newRun();
    if (process.argv.includes("--dry-run")) {
        const kind = targetKind();
        const where = kind === "real AWS" ? `AWS ${process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "(the SDK's default region)"}`
            : process.env.AWS_ENDPOINT_URL_SAGEMAKER ?? "a local endpoint started for the run";
        console.log(describePlan(kind, where, run));
        console.log("dry run: nothing was called");
        return 0;
    }
    const jsonAt = process.argv.indexOf("--json");
    const t = await openTarget();
    try {
        console.log(describePlan(t.kind, t.where, run));
        const result = await runSuite(t, { run, onOutcome: (o) => console.log(outcomeLines(o).join("\n")) });
        for (const line of summaryLines(result)) console.log(line);
        if (jsonAt > 0) fs.writeFileSync(process.argv[jsonAt + 1], toJson(result));
        return result.outcomes.some((o) => !o.holds) || result.cleanUp.kept.length > 0 ? 1 : 0;
    } finally {
        await t.close();
    }
}

main().then((code) => {
    process.exitCode = code;
}, (err: Error) => {
    console.error(`contract suite: ${err.message}`);
    process.exitCode = 2;
});
