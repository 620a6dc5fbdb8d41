// A Model deployed with the previous release (main at f009cd1, before issue 26's state diet): its
// state entry, recorded with the real CLI (tests/fixtures/record-state.ts), carries the closure-
// serialized provider, `model` and `name`. Refresh (the host runs the state's old provider text),
// the next `up` (this version's text: an update in place that drops the outputs it no longer keeps)
// and destroy must work on it.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { CreateModelCommand } from "@aws-sdk/client-sagemaker";
import type { HostedProvider } from "../../helpers/hosted-provider";
import { hostedProvider } from "../../helpers/hosted-provider";
import { modelProvider } from "../../../provider/model/resource";
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
        assert.deepStrictEqual(read.inputs, without(inputs, "__provider"), "no drift: name, auto-naming bookkeeping, members kept");

        // The next `pulumi up` with this version: its provider text, the program's inputs.
        const current = await hostedProvider(modelProvider, config);
        const program = { ...without(inputs, "__provider", "ModelName", "autoNamed", "region"), __provider: current.text };
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
        const again = await current.diff(ENTRY.id, { ...outs, __provider: current.text }, news);
        assert.strictEqual(again.changes, false, "the up after is a no-op");

        // `pulumi destroy`: the host runs the new text, now in the outputs.
        await current.delete(ENTRY.id, { ...outs, __provider: current.text });
        assert.deepStrictEqual(await current.read(ENTRY.id, outs), {}, "gone");
    });
});
