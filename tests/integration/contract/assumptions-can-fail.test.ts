// The contract suite cannot pass falsely: for every assumption, a local endpoint switched to break
// exactly that behaviour (local-endpoint/deviations.ts) makes the suite report FAILS for that
// assumption and hold for every other one (assumptions are independent: no cascades).
import * as assert from "assert";
import { startLocalEndpoint } from "../../../local-endpoint";
import { DEVIATIONS } from "../../../local-endpoint/deviations";
import { ASSUMPTIONS } from "../../contract/assumptions";
import { outcomeLines } from "../../contract/report";
import { runSuite, type SuiteResult } from "../../contract/suite";
import { FAST, localTarget } from "./local-target";

/** Which switch breaks which assumption: written from the assumptions' wording, not from the suite's code. */
const BROKEN_BY: Record<string, string> = {
    C01: "model-arn-keeps-case",
    C02: "create-model-overwrites",
    C03: "delete-model-ignored",
    C04: "missing-model-describe",
    C05: "missing-model-delete",
    C06: "missing-group-describe",
    C07: "missing-group-delete",
    C08: "missing-package-describe",
    C09: "missing-package-delete",
    C10: "missing-version-arn-describe",
    C11: "add-tags-appends",
    C12: "delete-tags-first-key-only",
    C13: "create-model-drops-last-tag",
    C14: "tags-refused-on-group",
    C15: "tags-refused-on-version",
    C16: "tags-refused-on-unversioned-package",
    C17: "create-group-overwrites",
    C18: "delete-group-ignored",
    C19: "delete-group-with-versions-allowed",
    C20: "package-status-details-missing",
    C21: "version-numbers-off-by-one",
    C22: "update-package-resets-unsent",
    C23: "update-metadata-replaces",
    C24: "client-token-ignored",
    C25: "create-unversioned-overwrites",
    C26: "delete-package-ignored",
    C27: "package-drops-model-life-cycle",
    C28: "update-ignores-model-life-cycle",
    C29: "describe-by-group-version-refused",
    C30: "describe-by-version-arn-refused",
    C31: "list-packages-ignores-group",
    C32: "list-packages-ignores-approval",
    C33: "list-packages-ignores-created-after",
    C34: "list-packages-ignores-created-before",
    C35: "list-packages-ignores-sort-order",
    C36: "list-packages-ignores-max-results",
    C37: "package-summary-lacks-approval",
    C38: "list-packages-ignores-group-arn",
    C39: "describe-group-by-arn-refused",
    C40: "accept-too-long",
    C41: "accept-bad-pattern",
    C42: "accept-bad-enum",
    C43: "accept-missing-required",
    C44: "accept-too-many-items",
    C45: "accept-bad-map-key",
    C46: "accept-conflicting-members",
};

/** The whole suite against a fresh local endpoint with these switches on. */
async function suiteAgainst(deviations: string[]): Promise<SuiteResult> {
    const endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 40, faults: { deviations } });
    const t = localTarget(endpoint);
    try {
        return await runSuite(t, { timing: FAST });
    } finally {
        await t.close();
        await endpoint.close();
    }
}

const failing = (r: SuiteResult) => r.outcomes.filter((o) => !o.holds).map((o) => o.id);
const failures = (r: SuiteResult) => r.outcomes.filter((o) => !o.holds).flatMap(outcomeLines).join("\n");

describe("contract suite: every assumption can fail", function () {
    this.timeout(120_000);

    it("maps every assumption to one switch and every switch but the clean-up's to one assumption", () => {
        assert.deepStrictEqual(Object.keys(BROKEN_BY), ASSUMPTIONS.map((a) => a.id));
        assert.deepStrictEqual(new Set(Object.values(BROKEN_BY)).size, ASSUMPTIONS.length, "one switch per assumption");
        assert.deepStrictEqual(Object.keys(DEVIATIONS).filter((d) => !Object.values(BROKEN_BY).includes(d)), ["list-ignores-name-filter"]);
    });

    it("with no switch on, every assumption holds and the clean-up deletes all it created", async () => {
        const r = await suiteAgainst([]);
        assert.deepStrictEqual(failing(r), [], failures(r));
        assert.deepStrictEqual(r.cleanUp.kept, []);
        assert.ok(r.cleanUp.deleted.length > ASSUMPTIONS.length, `deleted ${r.cleanUp.deleted.length}`);
    });

    for (const [id, deviation] of Object.entries(BROKEN_BY)) {
        it(`${deviation}: ${id} FAILS (with the request and answer), every other assumption holds`, async () => {
            const r = await suiteAgainst([deviation]);
            assert.deepStrictEqual(failing(r), [id], failures(r));
            const lines = outcomeLines(r.outcomes.find((o) => o.id === id)!);
            assert.ok(lines.some((l) => l.trim().startsWith("request: ")) && lines.some((l) => l.trim().startsWith("answer: ")), lines.join("\n"));
        });
    }
});
