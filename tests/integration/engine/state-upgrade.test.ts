// A Model deployed with the previous release (main at f009cd1, before issue 26's state diet): its
// state entry, recorded with the real CLI (tests/fixtures/record-state.ts), carries the closure-
// serialized provider, `model` and `name`. Refresh (the host runs the state's old provider text),
// the next `up` (this version's text: an update in place that drops the outputs it no longer keeps)
// and destroy must work on it.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand } from "@aws-sdk/client-sagemaker";
import type { HostedProvider } from "../../helpers/hosted-provider";
import { hostedProvider } from "../../helpers/hosted-provider";
import { modelProvider } from "../../../provider/model/resource";
import { modelPackageProvider } from "../../../provider/model-package/resource";
import { modelPackageGroupProvider } from "../../../provider/model-package-group/resource";
import { useTestEnvironment } from "../../helpers/lifecycle-harness";
import { useLocalEndpoint } from "../../helpers/local-endpoint";

type Props = Record<string, unknown>;
interface Entry { id: string; inputs: Props; outputs: Props }

const ENTRY = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "state-main-f009cd1", "model-entry.json"), "utf8")) as Entry;

/** A provider text as the host loads it: `require-from-string`, `handler()`, then `configure`. */
async function hosted(text: string, config: Record<string, string>): Promise<HostedProvider> {
    const requireFromString = require("require-from-string") as (code: string) => { handler(): HostedProvider };
    const provider = requireFromString(text).handler();
    await provider.configure({ config: { get: (k: string) => config[k] } } as never);
    return provider;
}

const without = (p: Props, ...keys: string[]) => Object.fromEntries(Object.entries(p).filter(([k]) => !keys.includes(k)));

/** The bookkeeping keys as releases up to main 1b8b4f4 wrote them, and as this version names them (docs/MODEL.md). */
const LEGACY_TO_CURRENT: Record<string, string> = {
    logicalName: "__logicalName", autoNamed: "__autoNamed", autoNameScope: "__autoNameScope", clientTokenScope: "__clientTokenScope",
};
const renamed = (p: Props): Props => Object.fromEntries(Object.entries(p).map(([k, v]) => [LEGACY_TO_CURRENT[k] ?? k, v]));
const legacyKeys = (p: Props): string[] => Object.keys(p).filter((k) => k in LEGACY_TO_CURRENT);

describe("a Model's state entry recorded with the previous release (main f009cd1)", function () {
    this.timeout(20_000);
    useTestEnvironment();
    const local = useLocalEndpoint();

    it("is what it was: the old provider text, `model` and `name` in the outputs", () => {
        assert.ok(String(ENTRY.outputs.__provider).includes("__f0"), "closure-serialized provider");
        assert.ok("model" in ENTRY.outputs && ENTRY.outputs.name === ENTRY.inputs.ModelName);
    });

    it("refreshes with its own provider text, updates in place to this version's state, and destroys", async () => {
        const config = { "aws:region": "us-east-1", "sagemaker:endpoint": local.endpoint.url };
        const { inputs, outputs } = ENTRY;
        // The model the recorded stack manages, as it exists in AWS.
        await local.client.send(new CreateModelCommand({
            ModelName: String(inputs.ModelName), PrimaryContainer: inputs.PrimaryContainer as never,
            ExecutionRoleArn: String(inputs.ExecutionRoleArn), EnableNetworkIsolation: inputs.EnableNetworkIsolation === true, Tags: inputs.Tags as never,
        }));

        // `pulumi refresh`: the host runs the text stored in the outputs.
        const old = await hosted(String(outputs.__provider), config);
        const read = await old.read(ENTRY.id, outputs);
        assert.strictEqual(read.id, ENTRY.id);
        // The state's text loads this version's code: the bookkeeping comes back under its current names.
        assert.deepStrictEqual(read.inputs, renamed(without(inputs, "__provider")), "no drift: name, auto-naming bookkeeping, members kept");

        // The next `pulumi up` with this version: its provider text, the program's inputs.
        const current = await hostedProvider(modelProvider, config);
        const program = { ...renamed(without(inputs, "__provider", "ModelName", "autoNamed", "region")), __provider: current.text };
        const checked = await current.check(inputs, program);
        assert.deepStrictEqual(checked.failures ?? [], []);
        const news = checked.inputs as Props;
        assert.strictEqual(news.ModelName, inputs.ModelName, "the generated name is kept");
        const state = { ...(read.props as Props), __provider: outputs.__provider };
        const diff = await current.diff(ENTRY.id, state, news);
        assert.deepStrictEqual([diff.changes, diff.replaces ?? []], [true, []], "an update in place (new provider text), not a replacement");
        const updated = await current.update(ENTRY.id, state, news);
        const outs = updated.outs as Props;
        assert.strictEqual(outs.arn, outputs.arn);
        assert.strictEqual(outs.creationTime, (read.props as Props).creationTime);
        assert.ok(!("model" in outs) && !("name" in outs), `dropped outputs stay dropped: ${Object.keys(outs).join(", ")}`);
        assert.deepStrictEqual([legacyKeys(outs), outs.__autoNamed, outs.__logicalName], [[], true, "m0"], "the bookkeeping written under its current names");
        const again = await current.diff(ENTRY.id, { ...outs, __provider: current.text }, news);
        assert.strictEqual(again.changes, false, "the up after is a no-op");

        // `pulumi destroy`: the host runs the new text, now in the outputs.
        await current.delete(ENTRY.id, { ...outs, __provider: current.text });
        assert.deepStrictEqual(await current.read(ENTRY.id, outs), {}, "gone");
    });
});

// A group, a version in it and a model deployed with main at 1b8b4f4 (the release before the
// bookkeeping keys took the `__` prefix that hides them from the CLI's diffs): entries recorded with
// the real CLI by tests/fixtures/record-registry-state.ts from tests/e2e/fixtures/internal-fields.
// Refresh, the next preview (no change, no replacement), an update (the new names written) and
// destroy must work on them.
describe("state entries recorded with the release before the `__` bookkeeping keys (main 1b8b4f4)", function () {
    this.timeout(20_000);
    useTestEnvironment();
    const local = useLocalEndpoint();

    const recorded = (file: string): Entry => JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "state-main-1b8b4f4", file), "utf8")) as Entry;
    const KINDS = [
        { kind: "ModelPackageGroup", provider: modelPackageGroupProvider, entry: recorded("group-entry.json"), name: "ModelPackageGroupName", legacy: ["autoNameScope", "autoNamed", "logicalName"] },
        { kind: "ModelPackage", provider: modelPackageProvider, entry: recorded("package-entry.json"), name: undefined, legacy: ["clientTokenScope"] },
        { kind: "Model", provider: modelProvider, entry: recorded("model-entry.json"), name: "ModelName", legacy: ["autoNameScope", "autoNamed", "logicalName"] },
    ] as const;

    /** What this version's constructor passes for the recorded program: no generated name, ClientToken or region (check adds them). */
    function programOf(entry: Entry, name: string | undefined): Props {
        return renamed(without(entry.inputs, "__provider", "autoNamed", "region", "ClientToken", ...(name ? [name] : [])));
    }

    it("carry the old names (what this test upgrades from)", () => {
        for (const { kind, entry, legacy } of KINDS) {
            assert.deepStrictEqual([legacyKeys(entry.inputs).sort(), legacyKeys(entry.outputs).sort()], [[...legacy], [...legacy]], kind);
        }
    });

    it("refresh without drift, preview no change, update to the new names, and destroy", async () => {
        const config = { "aws:region": "us-east-1", "sagemaker:endpoint": local.endpoint.url };
        const [group, pkg, model] = KINDS.map((k) => k.entry.inputs);
        // What the recorded stack manages, as it exists in AWS.
        await local.client.send(new CreateModelPackageGroupCommand({
            ModelPackageGroupName: String(group.ModelPackageGroupName), ModelPackageGroupDescription: String(group.ModelPackageGroupDescription), Tags: group.Tags as never,
        }));
        const created = await local.client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: String(pkg.ModelPackageGroupName), InferenceSpecification: pkg.InferenceSpecification as never,
            ModelApprovalStatus: pkg.ModelApprovalStatus as never, Tags: pkg.Tags as never, ClientToken: String(pkg.ClientToken),
        }));
        assert.strictEqual(created.ModelPackageArn, KINDS[1].entry.id);
        await local.client.send(new CreateModelCommand({
            ModelName: String(model.ModelName), PrimaryContainer: model.PrimaryContainer as never, ExecutionRoleArn: String(model.ExecutionRoleArn), Tags: model.Tags as never,
        }));

        const after: Props[] = [];
        for (const { kind, provider, entry, name } of KINDS) {
            const { inputs, outputs } = entry;
            // `pulumi refresh`: the host runs the text stored in the state (the shim: this version's code).
            const old = await hosted(String(outputs.__provider), config);
            const read = await old.read(entry.id, outputs);
            assert.strictEqual(read.id, entry.id, kind);
            assert.deepStrictEqual(read.inputs, renamed(without(inputs, "__provider")), `${kind}: no drift, the bookkeeping under its current names`);

            // The next `pulumi preview`: check against the old inputs, diff against the old outputs.
            const current = await hostedProvider(provider, config);
            assert.strictEqual(current.text, outputs.__provider, `${kind}: the same provider text (a no-op is a no-op)`);
            const checked = await current.check(inputs, { ...programOf(entry, name), __provider: current.text });
            assert.deepStrictEqual(checked.failures ?? [], [], kind);
            const news = checked.inputs as Props;
            assert.deepStrictEqual(legacyKeys(news), [], `${kind}: checked inputs carry only the current names`);
            if (name) {
                assert.deepStrictEqual([news[name], news.__autoNamed], [inputs[name], true], `${kind}: the generated name is kept`);
            } else {
                assert.strictEqual(news.ClientToken, inputs.ClientToken, `${kind}: the same ClientToken (from the same scope)`);
            }
            const diff = await current.diff(entry.id, outputs, news);
            assert.deepStrictEqual([diff.changes, diff.replaces ?? []], [false, []], `${kind}: preview shows no change`);

            // The next `pulumi up` with a tag changed: an update in place that writes the current names.
            const tagged = (await current.check(inputs, { ...programOf(entry, name), Tags: [{ Key: "team", Value: "fraud" }], __provider: current.text })).inputs as Props;
            const change = await current.diff(entry.id, outputs, tagged);
            assert.deepStrictEqual([change.changes, change.replaces ?? []], [true, []], `${kind}: a tag change updates in place`);
            const outs = (await current.update(entry.id, outputs, tagged)).outs as Props;
            assert.deepStrictEqual(legacyKeys(outs), [], `${kind}: the old names are gone from the outputs`);
            assert.deepStrictEqual(Object.keys(LEGACY_TO_CURRENT).filter((k) => k in inputs).map((k) => outs[LEGACY_TO_CURRENT[k]]),
                Object.keys(LEGACY_TO_CURRENT).filter((k) => k in inputs).map((k) => inputs[k]), `${kind}: the bookkeeping written under its current names`);
            assert.strictEqual(outs.arn, outputs.arn, kind);
            const again = await current.diff(entry.id, { ...outs, __provider: current.text }, tagged);
            assert.strictEqual(again.changes, false, `${kind}: the up after is a no-op`);
            after.push({ ...outs, __provider: current.text });
        }

        // `pulumi destroy`, dependents first.
        for (let i = KINDS.length - 1; i >= 0; i--) {
            const current = await hostedProvider(KINDS[i].provider, config);
            await current.delete(KINDS[i].entry.id, after[i]);
            assert.deepStrictEqual(await current.read(KINDS[i].entry.id, after[i]), {}, `${KINDS[i].kind}: gone`);
        }
    });
});
