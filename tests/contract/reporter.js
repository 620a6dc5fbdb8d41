// One line per service assumption (holds / FAILS with what the endpoint did), then the plain
// closing line CI reads: "N passed, N failed, N skipped".
"use strict";
const Mocha = require("mocha");
const { EVENT_RUN_END, EVENT_TEST_PASS, EVENT_TEST_FAIL } = Mocha.Runner.constants;

class ContractReporter extends Mocha.reporters.Base {
    constructor(runner, options) {
        super(runner, options);
        runner.on(EVENT_TEST_PASS, (test) => console.log(`holds  ${test.title}`));
        runner.on(EVENT_TEST_FAIL, (test, err) => {
            const why = String(err && err.message ? err.message : err).split("\n")[0];
            console.log(`FAILS  ${test.title}\n       ${why}`);
        });
        runner.once(EVENT_RUN_END, () => {
            const s = runner.stats;
            console.log(`assumptions: ${s.passes} hold, ${s.failures} fail`);
            console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
        });
    }
}

module.exports = ContractReporter;
