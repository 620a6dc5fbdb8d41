// What a Model keeps in its state beside its inputs (issue 26's state diet): only the outputs
// docs/MODEL.md lists, none of which repeats an input or another output. Every state path: create,
// refresh (read) and update.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { isDeepStrictEqual } from "util";
import { hostedProvider } from "../../helpers/hosted-provider";
import { modelProvider } from "../../../provider/model/resource";
import { useTestEnvironment } from "../../helpers/lifecycle-harness";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { benchModelArgs, benchTags } from "../../../bench/programs/bench-model";

type Props = Record<string, unknown>;

/** The `## Outputs` table of docs/MODEL.md: its first column. */
function documentedOutputs(): string[] {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "MODEL.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Outputs"), doc.indexOf("\n## ", doc.indexOf("## Outputs") + 1));
    return [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
}

/** Outputs that are not inputs of the same name but equal an input or another output. */
function repeats(inputs: Props, outs: Props): string[] {
    const own = Object.entries(outs).filter(([k]) => !(k in inputs));
    return own.flatMap(([k, v]) => [
        ...Object.entries(inputs).filter(([ik, iv]) => ik !== "__provider" && isDeepStrictEqual(iv, v)).map(([ik]) => `${k} = input ${ik}`),
        ...own.filter(([ok, ov]) => ok !== k && isDeepStrictEqual(ov, v)).map(([ok]) => `${k} = output ${ok}`),
    ]);
}

/** The bench program's model (bench/programs/models). */
const BENCH_MODEL = { ...benchModelArgs(0, benchTags(undefined)), __logicalName: "m0" };

describe("a Model's outputs: the inputs plus only the documented ones, none repeating another", function () {
    this.timeout(20_000);
    useTestEnvironment();
    const local = useLocalEndpoint();

    it("the docs list arn, region and creationTime", () => {
        // Literal: the doc is what users read; a new output is a doc change and a change here.
        assert.deepStrictEqual(documentedOutputs(), ["arn", "region", "creationTime"]);
    });

    it("on create, refresh and update", async () => {
        const provider = await hostedProvider(modelProvider, { "aws:region": "us-east-1", "sagemaker:endpoint": local.endpoint.url });
        const checked = await provider.check({}, { ...BENCH_MODEL, __provider: provider.text });
        const inputs = checked.inputs as Props;
        const created = await provider.create(inputs);
        const read = await provider.read(created.id, { ...created.outs, __provider: provider.text });
        const news = { ...inputs, Tags: [{ Key: "team", Value: "bench-2" }] };
        const updated = await provider.update(created.id, { ...created.outs, __provider: provider.text }, news);
        for (const [step, ins, outs] of [["create", inputs, created.outs], ["read", read.inputs, read.props], ["update", news, updated.outs]] as [string, Props, Props][]) {
            const extra = Object.keys(outs).filter((k) => !(k in ins) && !documentedOutputs().includes(k));
            assert.deepStrictEqual(extra, [], `${step}: outputs neither inputs nor documented`);
            assert.deepStrictEqual(documentedOutputs().filter((k) => !(k in outs)), [], `${step}: documented outputs missing`);
            assert.deepStrictEqual(repeats(ins, outs), [], `${step}: an output repeats`);
            assert.ok(!("__provider" in outs), `${step}: the host adds __provider itself`);
        }
        const entry = Buffer.byteLength(JSON.stringify({ inputs, outputs: { ...created.outs, __provider: provider.text } }));
        assert.ok(entry <= 2048, `the bench model's inputs and outputs are ${entry} B (the whole state entry, with the engine's own members, is budgeted at 3 KB in bench/state-size.ts)`);
    });
});
