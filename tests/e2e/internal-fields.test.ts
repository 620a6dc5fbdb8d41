// Issue 25 ("the diff shows internal fields"), with the real Pulumi CLI: the provider's own
// bookkeeping inputs (the logical name and auto-naming flag and seed, a package's ClientToken scope)
// are in every resource's state but are not what the user declared, so `pulumi preview --diff` must
// not show them, for a create nor for an in-place update. The CLI hides keys that start with `__`
// (resource.IsInternalPropertyKey, used by its diff display); the diff still shows the user's members.
import { strict as assert } from "assert";
import { createStack, fixtureDir, MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, resourceChanges, setConfig, useE2eEndpoint, type PulumiStack } from "../helpers/e2e";

/** The names the bookkeeping inputs had or have, with or without the CLI's internal prefix. */
const INTERNAL = /\b(?:__)?(?:logicalName|autoNamed|autoNameScope|clientTokenScope)\b/;

/** A resource's block of a `--diff` output: its header (`~ TYPE: (update)`), its id and URN lines, its properties. */
function block(output: string, type: string, name: string): string {
    const lines = output.split("\n");
    const header = (l: string) => /^\s*(?:\+-|[+~-])?\s*pulumi[-:]\S*: \(\w[\w-]*\)$/.test(l);
    const start = lines.findIndex((l, i) => header(l) && l.includes(`${type}:`) &&
        lines.slice(i + 1, i + 3).some((u) => u.includes(`::${type}::${name}]`)));
    assert.ok(start >= 0, `no diff block for ${type} ${name} in:\n${output}`);
    const end = lines.findIndex((l, i) => i > start && (header(l) || /^\s*(--outputs:--|Resources:)/.test(l)));
    return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

describe("e2e: preview --diff shows the user's members, never the provider's internal fields", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("internal-fields"), { endpoint: t.endpoint, name: "e2e-internal-fields" });
    });

    after(async () => {
        if (stack) {
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
    });

    it("a create: each resource's declared members, no internal field", async () => {
        const preview = await stack.preview(["--diff"]);
        assert.equal(preview.code, 0, preview.output);
        for (const [type, name, member] of [[MODEL_PACKAGE_GROUP, "churn", "ModelPackageGroupDescription"], [MODEL_PACKAGE, "churn-v1", "InferenceSpecification"], [MODEL, "scorer", "PrimaryContainer"]]) {
            const shown = block(preview.output, type, name);
            assert.match(shown, new RegExp(`^\\s+${member}\\s*:`, "m"), `${name}'s ${member} is shown:\n${shown}`);
            assert.match(shown, /^\s+Tags\s*:/m, `${name}'s Tags are shown:\n${shown}`);
            assert.doesNotMatch(shown, INTERNAL, `${name}'s internal fields are hidden:\n${shown}`);
        }
        assert.doesNotMatch(preview.output, INTERNAL, preview.output);
    });

    it("an in-place update: the changed tag, no internal field", async () => {
        await stack.up();
        await setConfig(stack, { "e2e-internal-fields:team": "fraud" });
        const preview = await stack.preview(["--diff"]);
        assert.equal(preview.code, 0, preview.output);
        assert.deepEqual(resourceChanges(preview.output), { created: 0, updated: 3, replaced: 0, deleted: 0, unchanged: 1 }, preview.output);
        for (const [type, name] of [[MODEL_PACKAGE_GROUP, "churn"], [MODEL_PACKAGE, "churn-v1"], [MODEL, "scorer"]]) {
            const shown = block(preview.output, type, name);
            assert.match(shown, /~\s+Value\s*:\s*"risk"\s*=>\s*"fraud"/, `${name}'s tag change is shown:\n${shown}`);
            assert.doesNotMatch(shown, INTERNAL, `${name}'s internal fields are hidden:\n${shown}`);
        }
        assert.doesNotMatch(preview.output, INTERNAL, preview.output);
        const up = await stack.run(["up", "--yes", "--diff"]);
        assert.equal(up.code, 0, up.output);
        assert.doesNotMatch(up.output, INTERNAL, up.output);
    });
});
