// Mocha's spec reporter, plus one plain closing line "N passed, N failed, N skipped" that CI
// systems read whatever the test runner.
"use strict";
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const s = runner.stats;
            process.stdout.on("drain", () => {});
            setImmediate(() => console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`));
        });
    }
}

module.exports = SummaryReporter;
