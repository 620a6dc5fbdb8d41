// npm run test:contract [-- --dry-run]: the service-assumption suite against the endpoint the
// environment names (tests/contract/target.ts). --dry-run prints what a run creates and calls
// nothing.
import * as path from "path";
import Mocha = require("mocha");
import { describePlan, targetKind } from "./target";

if (process.argv.includes("--dry-run")) {
    const kind = targetKind();
    const where = kind === "real AWS" ? `AWS ${process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "(the SDK's default region)"}`
        : process.env.AWS_ENDPOINT_URL_SAGEMAKER ?? "a local endpoint started for the run";
    console.log(describePlan(kind, where));
    console.log("dry run: nothing was called");
} else {
    const mocha = new Mocha({ reporter: path.join(__dirname, "reporter.js"), timeout: 10 * 60_000 });
    mocha.addFile(path.join(__dirname, "assumptions.test.ts"));
    mocha.run((failures) => {
        process.exitCode = failures > 0 ? 1 : 0;
    });
}
