// Stacks deployed with an earlier version carry that version's serialized provider in their state:
// the host loads that text, which requires this version's runtime by package name. It must keep
// working, and this version's diff must report the provider change so `update` carries the new
// code into the state.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ResourceKind } from "../../../provider/common/lifecycle";
import { lifecycles } from "../../../provider/runtime";
import { useTestEnvironment } from "../../helpers/lifecycle-harness";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { SCENARIOS, title } from "../../scenarios/kinds";

type Props = Record<string, unknown>;
type Hosted = { [m in "configure" | "check" | "diff" | "create" | "read" | "update" | "delete"]: (...args: unknown[]) => Promise<Props> };

const FIXTURES = path.join(__dirname, "..", "..", "fixtures", "serialized-provider-0.1.0");

/** The old text, loaded and configured as the dynamic-provider host does it. */
async function oldProvider(kind: ResourceKind, config: Record<string, string>): Promise<{ text: string; provider: Hosted }> {
    // The other kinds' texts differ from the Model's only in the kind.
    const text = fs.readFileSync(path.join(FIXTURES, "provider-Model.js"), "utf8").replace('__p.kind = "Model";', `__p.kind = "${kind}";`);
    const requireFromString = require("require-from-string") as (code: string) => { handler(): Hosted };
    const provider = requireFromString(text).handler();
    await provider.configure({ config: { get: (k: string) => config[k] } });
    return { text, provider };
}

for (const s of SCENARIOS) {
    describe(`upgrade from 0.1.0's serialized provider: ${title(s)}`, function () {
        this.timeout(20_000);
        useTestEnvironment();
        const local = useLocalEndpoint({ packageStatusDelayMs: 20 });
        // The old text loads the built runtime (dist/), a module instance of its own: quiet its progress lines too.
        before(() => {
            require("pulumi-sagemaker/dist/provider/model-package/wait-for-completed").waitOverrides.progress = () => undefined;
        });

        it("the old provider text runs on this runtime (check, create, read, delete), and this version's diff updates it in place", async () => {
            const config = { "aws:region": "us-east-1", "sagemaker:endpoint": local.endpoint.url, "sagemaker:retryBaseDelayMs": "10" };
            if (s.needs) {
                await lifecycles.ModelPackageGroup.create({ endpoint: local.endpoint.url, region: "us-east-1" }, { ModelPackageGroupName: s.needs.group });
            }
            const { text, provider } = await oldProvider(s.kind, config);
            const program = { ...s.basic(s.needs?.group ?? `upgrade-${s.kind.toLowerCase()}`), ...(s.spec.name.generated ? { __logicalName: "upgrade" } : {}) };
            const checked = await provider.check({}, { ...program, __provider: text });
            assert.deepStrictEqual(checked.failures, []);
            const inputs = checked.inputs as Props;
            const created = await provider.create(inputs);
            const state: Props = { ...(created.outs as Props), __provider: text };
            const read = await provider.read(created.id, state);
            assert.strictEqual(read.id, created.id);

            // The next `up` with this version: the program's provider text is the new one.
            const news = { ...inputs, __provider: "this version's serialized provider" };
            const settings = { endpoint: local.endpoint.url, region: "us-east-1" };
            const diff = await lifecycles[s.kind].diff(settings, String(created.id), state, news);
            assert.deepStrictEqual([diff.changes, diff.replaces], [true, []], "an update, not a replacement");
            const updated = await lifecycles[s.kind].update(settings, String(created.id), state, news);
            assert.strictEqual(updated.outs!.arn, state.arn);

            await provider.delete(created.id, { ...updated.outs, __provider: text });
            assert.deepStrictEqual(await provider.read(created.id, state), {}, "gone");
        });
    });
}
