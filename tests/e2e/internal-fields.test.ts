// Issue 25 ("the diff shows internal fields"), with the real Pulumi CLI: the provider's own
// bookkeeping inputs (the logical name and auto-naming flag and seed, a package's ClientToken scope)
// are in every resource's state but are not what the user declared, so `pulumi preview --diff` must
// not show them, for a create nor for an in-place update. The CLI hides keys that start with `__`
// (resource.IsInternalPropertyKey, used by its diff display); the diff still shows the user's members.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
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

/** The names releases up to main 1b8b4f4 gave the bookkeeping keys. */
const LEGACY: Record<string, string> = { __logicalName: "logicalName", __autoNamed: "autoNamed", __autoNameScope: "autoNameScope", __clientTokenScope: "clientTokenScope" };
const KIND_FILES: Record<string, string> = { [MODEL_PACKAGE_GROUP]: "group-entry.json", [MODEL_PACKAGE]: "package-entry.json", [MODEL]: "model-entry.json" };
type Entry = { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown>; propertyDependencies?: Record<string, unknown> };
const withLegacyKeys = (o: Record<string, unknown> | undefined) => o && Object.fromEntries(Object.entries(o).map(([k, v]) => [LEGACY[k] ?? k, v]));
const keysOf = (e: Entry) => [e.inputs, e.outputs, e.propertyDependencies].map((o) => Object.keys(o ?? {}).sort());

describe("e2e: a stack whose state has the previous release's bookkeeping names keeps working", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("internal-fields"), { endpoint: t.endpoint, name: "e2e-internal-upgrade" });
    });

    after(async () => {
        if (stack) {
            await stack.run(["destroy", "--yes", "--skip-preview"]);
            await stack.dispose();
        }
    });

    it("preview shows no change, refresh finds no drift, the next update writes the new names, destroy works", async () => {
        await stack.up();
        // The state as main 1b8b4f4 writes it: the same entries with the old key names (their key sets
        // are those of the entries recorded with that release, tests/fixtures/state-main-1b8b4f4).
        const exported = await stack.exportState() as unknown as { deployment: { resources: Entry[] } };
        for (const r of exported.deployment.resources.filter((e) => e.type in KIND_FILES)) {
            Object.assign(r, { inputs: withLegacyKeys(r.inputs), outputs: withLegacyKeys(r.outputs), propertyDependencies: withLegacyKeys(r.propertyDependencies) });
            const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "fixtures", "state-main-1b8b4f4", KIND_FILES[r.type]), "utf8")) as Entry;
            assert.deepEqual(keysOf(r), keysOf(recorded), `${r.type}: the previous release's layout`);
        }
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "internal-upgrade-")), "state.json");
        fs.writeFileSync(file, JSON.stringify(exported));
        await stack.expectOk(["stack", "import", "--file", file]);

        const preview = await stack.preview(["--diff", "--expect-no-changes"]);
        assert.equal(preview.code, 0, preview.output);
        assert.doesNotMatch(preview.output, INTERNAL, preview.output);
        await stack.refresh(["--expect-no-changes"]);

        await setConfig(stack, { "e2e-internal-fields:team": "fraud" });
        const up = await stack.run(["up", "--yes", "--diff"]);
        assert.equal(up.code, 0, up.output);
        assert.deepEqual(resourceChanges(up.output), { created: 0, updated: 3, replaced: 0, deleted: 0, unchanged: 1 }, up.output);
        assert.doesNotMatch(up.output, INTERNAL, up.output);
        for (const r of (await stack.exportState()).deployment.resources?.filter((e) => e.type in KIND_FILES) ?? []) {
            for (const part of [r.inputs ?? {}, r.outputs ?? {}]) {
                assert.deepEqual(Object.keys(part).filter((k) => Object.values(LEGACY).includes(k)), [], `${r.type}: no old name left`);
                assert.ok(Object.keys(part).some((k) => k in LEGACY), `${r.type}: the current names written`);
            }
        }
        await stack.destroy();
        assert.deepEqual(t.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });
});
