// The project's mocha configuration ends the run when the tests end: a handle a test leaves open
// (a server not closed after a failed hook, a stuck request) cannot keep CI waiting (issue 21).
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";

describe("mocha run (.mocharc.json)", function () {
    this.timeout(90_000);

    it("exits when the tests are done, even with a timer left running, and prints the summary line", () => {
        const root = path.resolve(__dirname, "../../..");
        const run = spawnSync(process.execPath, [require.resolve("mocha/bin/mocha.js"), "tests/fixtures/mocha-exit/open-handle.spec.ts"],
            { cwd: root, encoding: "utf8", timeout: 60_000 });
        assert.strictEqual(run.signal, null, `mocha did not exit within 60 s (killed by ${run.signal})`);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /^1 passed, 0 failed, 0 skipped$/m);
    });
});
