// The bookkeeping keys' names (the CLI hides `__` keys from its diffs) and how a previous release's
// names in the state are read (docs/MODEL.md, "Our bookkeeping inputs").
import * as assert from "assert";
import { INTERNAL_KEYS, withCurrentKeys } from "../../../provider/common/internal-keys";

describe("internal keys", () => {
    it("every one starts with __, which the Pulumi CLI hides from diffs (resource.IsInternalPropertyKey)", () => {
        assert.deepStrictEqual(Object.values(INTERNAL_KEYS), ["__logicalName", "__autoNamed", "__autoNameScope", "__clientTokenScope"]);
    });

    it("a previous release's names are read under the current ones, the rest as it is", () => {
        const stored = { ModelName: "m-1234567", logicalName: "m", autoNamed: true, autoNameScope: "p\ns\n\nm", clientTokenScope: "p\ns\n\nv1", region: "us-east-1" };
        const copy = structuredClone(stored);
        assert.deepStrictEqual(withCurrentKeys(stored), {
            ModelName: "m-1234567", __logicalName: "m", __autoNamed: true, __autoNameScope: "p\ns\n\nm", __clientTokenScope: "p\ns\n\nv1", region: "us-east-1",
        });
        assert.deepStrictEqual(stored, copy, "what the engine handed over is left as it is");
    });

    it("a current name present wins over the old one, and the old one is dropped", () => {
        assert.deepStrictEqual(withCurrentKeys({ autoNamed: false, __autoNamed: true }), { __autoNamed: true });
    });

    it("current-only and absent props pass through", () => {
        const current = { __autoNamed: true, ModelName: "m" };
        assert.strictEqual(withCurrentKeys(current), current);
        assert.strictEqual(withCurrentKeys(undefined), undefined);
        // a state entry with no inputs (JSON null) is passed through, not read
        assert.strictEqual(withCurrentKeys(null as unknown as undefined), null);
    });
});
