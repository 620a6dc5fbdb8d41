// Mocha's spec reporter, plus one plain closing line "N passed, N failed, N skipped" that CI
// systems read whatever the test runner.
"use strict";
const Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
    constructor(runner, options) {
        super(runner, options);
        // Registered after the Spec reporter's epilogue (in super), so printed after it; at once, not
        // later: the run exits when it ends (.mocharc.json "exit").
        runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
            const s = runner.stats;
            console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
        });
    }
}

module.exports = SummaryReporter;
