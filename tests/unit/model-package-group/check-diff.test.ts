import * as assert from "assert";
import { checkInputs } from "../../../provider/engine/check";
import { diffInputs } from "../../../provider/engine/diff";
import { modelPackageGroupSpec } from "../../../provider/model-package-group/spec";
import { UNKNOWN } from "../../../provider/common/unknown";

const settings = { region: "us-east-1" };
const checkGroup = (olds: Record<string, unknown>, news: Record<string, unknown>) => checkInputs(modelPackageGroupSpec, settings, olds, news);
const diffGroup = (s: typeof settings, olds: Record<string, unknown>, news: Record<string, unknown>) => diffInputs(modelPackageGroupSpec, s, olds, news);

function outputsOf(inputs: Record<string, unknown>): Record<string, unknown> {
    return { ...inputs, __provider: "p", arn: "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g", name: inputs.ModelPackageGroupName,
        status: "Completed", creationTime: "2026-01-01T00:00:00.000Z", region: "us-east-1" };
}

describe("ModelPackageGroup check", () => {
    it("auto-names from the logical name and reuses the name from olds", () => {
        const first = checkGroup({}, { __logicalName: "churn-models" });
        assert.deepStrictEqual(first.failures, []);
        assert.match(String(first.inputs!.ModelPackageGroupName), /^churn-models-[0-9a-f]{7}$/);
        assert.strictEqual(first.inputs!.__autoNamed, true);
        const again = checkGroup(first.inputs!, { __logicalName: "churn-models", ModelPackageGroupDescription: "x" });
        assert.strictEqual(again.inputs!.ModelPackageGroupName, first.inputs!.ModelPackageGroupName);
    });

    it("keeps a given name and validates it", () => {
        const ok = checkGroup({}, { __logicalName: "g", ModelPackageGroupName: "fraud" });
        assert.strictEqual(ok.inputs!.ModelPackageGroupName, "fraud");
        assert.strictEqual(ok.inputs!.__autoNamed, false);
        const bad = checkGroup({}, { __logicalName: "g", ModelPackageGroupName: "-bad_name" });
        assert.deepStrictEqual(bad.failures!.map((f) => f.property), ["ModelPackageGroupName"]);
        assert.match(bad.failures![0].reason, /constraint: pattern\)\. Fix: /);
    });

    it("checks deleteVersionsOnDestroy and region, skipping unknowns", () => {
        const bad = checkGroup({}, { __logicalName: "g", deleteVersionsOnDestroy: "yes", region: "nowhere" });
        assert.deepStrictEqual(bad.failures!.map((f) => f.property).sort(), ["deleteVersionsOnDestroy", "region"]);
        const unknown = checkGroup({}, { __logicalName: "g", deleteVersionsOnDestroy: UNKNOWN, ModelPackageGroupDescription: UNKNOWN });
        assert.deepStrictEqual(unknown.failures, []);
    });
});

describe("ModelPackageGroup diff", () => {
    const base = { __logicalName: "g", ModelPackageGroupName: "g-1234567", __autoNamed: true };

    it("updates tags and deleteVersionsOnDestroy in place", () => {
        assert.deepStrictEqual(diffGroup(settings, outputsOf(base), { ...base, __provider: "p" }), { changes: false, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual(diffGroup(settings, outputsOf(base), { ...base, __provider: "p", Tags: [{ Key: "a", Value: "1" }] }),
            { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual(diffGroup(settings, outputsOf(base), { ...base, __provider: "p", deleteVersionsOnDestroy: true }),
            { changes: true, replaces: [], deleteBeforeReplace: false });
    });

    it("replaces on description (there is no UpdateModelPackageGroup); a fixed name deletes first", () => {
        const news = { ...base, __provider: "p", ModelPackageGroupDescription: "new" };
        assert.deepStrictEqual(diffGroup(settings, outputsOf(base), news).replaces, ["ModelPackageGroupDescription"]);
        assert.strictEqual(diffGroup(settings, outputsOf(base), news).deleteBeforeReplace, false);
        const fixed = { ...base, __autoNamed: false };
        assert.strictEqual(diffGroup(settings, outputsOf(fixed), { ...fixed, __provider: "p", ModelPackageGroupDescription: "new" }).deleteBeforeReplace, true);
    });
});
