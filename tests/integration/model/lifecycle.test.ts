// The Model provider (the serialized shim, resolving pulumi-sagemaker/dist: run `npm run build`
// first) against the local SageMaker endpoint: CRUD, refresh drift, lost responses, throttling.
import * as assert from "assert";
import { AddTagsCommand, DeleteModelCommand, ListTagsCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint, type LocalEndpoint } from "../../../local-endpoint";
import { modelProvider } from "../../../provider/model/resource";
import { hostedProvider, type HostedProvider } from "../../helpers/hosted-provider";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";

type Props = Record<string, unknown>;

function program(extra: Props = {}): Props {
    return {
        __provider: "serialized-v1",
        __logicalName: "llm",
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, ModelDataUrl: "s3://bucket/model.tar.gz", Environment: { HF_TASK: "text-generation" } },
        Tags: [{ Key: "team", Value: "ml" }],
        ...extra,
    };
}

describe("Model provider against the local endpoint", function () {
    this.timeout(60_000);
    let ep: LocalEndpoint;
    let raw: SageMakerClient;
    const savedEnv = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
    let provider: HostedProvider;

    before(async () => {
        process.env.AWS_ACCESS_KEY_ID = "test";
        process.env.AWS_SECRET_ACCESS_KEY = "test";
        ep = await startLocalEndpoint({ port: 0 });
        raw = new SageMakerClient({ endpoint: ep.url, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
        // Through configure, exactly as the dynamic-provider host does it.
        const config: Record<string, string> = { "aws:region": "us-east-1", "sagemaker:endpoint": ep.url, "sagemaker:retryBaseDelayMs": "10" };
        provider = await hostedProvider(modelProvider, config);
    });

    after(async () => {
        raw?.destroy();
        await ep?.close();
        process.env.AWS_ACCESS_KEY_ID = savedEnv.id;
        process.env.AWS_SECRET_ACCESS_KEY = savedEnv.secret;
        if (savedEnv.id === undefined) delete process.env.AWS_ACCESS_KEY_ID;
        if (savedEnv.secret === undefined) delete process.env.AWS_SECRET_ACCESS_KEY;
    });

    beforeEach(() => ep.setFaults({}));

    async function checked(olds: Props, news: Props): Promise<Props> {
        const r = await provider.check(olds, news);
        assert.deepStrictEqual(r.failures ?? [], []);
        return r.inputs as Props;
    }

    /** Stored state after create/update: the host adds __provider to the outputs. */
    function state(outs: Props | undefined, inputs: Props): Props {
        return { ...outs, __provider: inputs.__provider };
    }

    it("create, read without drift, tag update in place, replace on image change, delete (idempotent)", async () => {
        const inputs = await checked({}, program());
        const created = await provider.create(inputs);
        assert.strictEqual(created.id, inputs.ModelName);
        assert.strictEqual(created.outs.arn, `arn:aws:sagemaker:us-east-1:123456789012:model/${String(inputs.ModelName).toLowerCase()}`);
        assert.strictEqual(created.outs.region, "us-east-1");
        assert.deepStrictEqual(ep.inventory().models, [created.outs.arn]);
        let olds = state(created.outs, inputs);

        // A second `up` with the same program: same name, no changes.
        const again = await checked(inputs, program());
        assert.strictEqual(again.ModelName, inputs.ModelName);
        assert.deepStrictEqual(await provider.diff(created.id, olds, again), { changes: false, replaces: [], deleteBeforeReplace: false });

        // Refresh of an untouched model: no drift.
        const read = await provider.read(created.id, olds);
        assert.strictEqual(read.id, created.id);
        assert.deepStrictEqual(await provider.diff(created.id, { ...read.props, __provider: "serialized-v1" }, again), { changes: false, replaces: [], deleteBeforeReplace: false });

        // Tag change: update in place with the fewest calls.
        const retagged = await checked(read.inputs!, program({ Tags: [{ Key: "team", Value: "ai" }, { Key: "cost", Value: "42" }] }));
        assert.deepStrictEqual(await provider.diff(created.id, olds, retagged), { changes: true, replaces: [], deleteBeforeReplace: false });
        ep.resetCounters();
        const updated = await provider.update(created.id, olds, retagged);
        assert.deepStrictEqual(ep.counters().AddTags, 1);
        assert.strictEqual(ep.counters().DeleteTags, undefined);
        const tags = await raw.send(new ListTagsCommand({ ResourceArn: String(created.outs.arn) }));
        assert.deepStrictEqual(new Map(tags.Tags!.map((t) => [t.Key, t.Value])), new Map([["team", "ai"], ["cost", "42"]]));
        olds = state(updated.outs, retagged);

        // Image change: replace, create-before-delete with a fresh generated name.
        const newImage = program({ PrimaryContainer: { Image: `${IMAGE}-v2` }, Tags: retagged.Tags });
        const d = await provider.diff(created.id, olds, await checked(read.inputs!, newImage));
        assert.deepStrictEqual(d, { changes: true, replaces: ["PrimaryContainer"], deleteBeforeReplace: false });
        const replacementInputs = await checked({}, newImage); // the engine re-checks with empty olds
        assert.notStrictEqual(replacementInputs.ModelName, inputs.ModelName);
        const replacement = await provider.create(replacementInputs);
        await provider.delete(created.id, olds);
        assert.deepStrictEqual(ep.inventory().models, [replacement.outs.arn]);

        await provider.delete(replacement.id, state(replacement.outs, replacementInputs));
        await provider.delete(replacement.id, state(replacement.outs, replacementInputs)); // already gone: fine
        assert.deepStrictEqual(ep.inventory().models, []);
    });

    it("refresh shows a tag changed out of band as an in-place update, and a deleted model as gone", async () => {
        const inputs = await checked({}, program());
        const created = await provider.create(inputs);
        const olds = state(created.outs, inputs);
        await raw.send(new AddTagsCommand({ ResourceArn: String(created.outs.arn), Tags: [{ Key: "team", Value: "hijacked" }] }));
        const read = await provider.read(created.id, olds);
        assert.deepStrictEqual(read.inputs!.Tags, [{ Key: "team", Value: "hijacked" }]);
        assert.deepStrictEqual(read.props!.Tags, [{ Key: "team", Value: "hijacked" }]);
        const next = await checked(read.inputs!, program());
        assert.strictEqual(next.ModelName, inputs.ModelName, "the refreshed inputs keep the generated name");
        assert.deepStrictEqual(await provider.diff(created.id, { ...read.props, __provider: olds.__provider }, next), { changes: true, replaces: [], deleteBeforeReplace: false });
        await provider.update(created.id, { ...read.props, __provider: olds.__provider }, next);
        const tags = await raw.send(new ListTagsCommand({ ResourceArn: String(created.outs.arn) }));
        assert.deepStrictEqual(tags.Tags, [{ Key: "team", Value: "ml" }]);

        await raw.send(new DeleteModelCommand({ ModelName: created.id }));
        const gone = await provider.read(created.id, olds);
        assert.strictEqual(gone.id, undefined);
        await provider.delete(created.id, olds);
    });

    it("Model.get: reads a model by name alone", async () => {
        const inputs = await checked({}, program({ ModelName: "Existing-Model" }));
        assert.strictEqual(inputs.__autoNamed, false);
        await provider.create(inputs);
        const read = await provider.read("Existing-Model", {});
        assert.strictEqual(read.id, "Existing-Model");
        assert.strictEqual(read.props!.ModelName, "Existing-Model");
        assert.deepStrictEqual(read.inputs!.Tags, [{ Key: "team", Value: "ml" }]);
        assert.strictEqual((read.inputs!.PrimaryContainer as Props).Image, IMAGE);
        await provider.delete("Existing-Model", read.props!);
    });

    it("a fixed name already taken by another model fails clearly and leaves it untouched", async () => {
        const first = await checked({}, program({ ModelName: "taken" }));
        await provider.create(first);
        const other = await checked({}, program({ ModelName: "taken", ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other" }));
        await assert.rejects(provider.create(other), /a model named "taken" already exists in us-east-1; it was not created by this deployment, so it is left untouched/);
        assert.strictEqual(ep.inventory().models.length, 1);
        await provider.delete("taken", first);
    });

    it("lost CreateModel response: exactly one model, adopted into state", async () => {
        ep.setFaults({ rules: [{ operation: "CreateModel", times: 1, error: "lostResponse" }] });
        ep.resetCounters();
        const inputs = await checked({}, program());
        const created = await provider.create(inputs);
        assert.strictEqual(created.id, inputs.ModelName);
        assert.ok(ep.counters().CreateModel >= 2, "the SDK retried the lost request");
        assert.deepStrictEqual(ep.inventory().models, [created.outs.arn]);
        await provider.delete(created.id, state(created.outs, inputs));
    });

    it("a failed create leaves nothing behind", async () => {
        ep.setFaults({ rules: [{ operation: "CreateModel", times: 1, error: { code: "AccessDeniedException", status: 400, message: "not allowed" } }] });
        const inputs = await checked({}, program({ PrimaryContainer: { Image: IMAGE, Environment: { API_TOKEN: "tok-secret-123" } } }));
        await assert.rejects(provider.create(inputs), (err: Error) => {
            assert.match(err.message, /^Model ".*": SageMaker CreateModel failed: AccessDeniedException: not allowed — /);
            assert.ok(!err.message.includes("tok-secret-123"));
            return true;
        });
        assert.deepStrictEqual(ep.inventory().models, []);
    });

    it("throttling: concurrent creates all succeed through the SDK retries", async () => {
        // The default retry budget (8 attempts) with a 100 ms base delay outlasts a 4 requests/s limit.
        const patient = await hostedProvider(modelProvider, { "aws:region": "us-east-1", "sagemaker:endpoint": ep.url, "sagemaker:retryBaseDelayMs": "100" });
        ep.setFaults({ rateLimitPerSecond: 4 });
        ep.resetCounters();
        try {
            const all = await Promise.all([1, 2, 3, 4, 5, 6].map(async (i) => {
                const inputs = await checked({}, program({ __logicalName: `throttled-${i}` }));
                return { inputs, created: await patient.create(inputs) };
            }));
            assert.strictEqual(ep.inventory().models.length, 6);
            const counted = ep.counters();
            assert.ok((counted.CreateModel ?? 0) + (counted.DescribeModel ?? 0) > 12, "some requests were throttled and retried");
            ep.setFaults({});
            for (const { inputs, created } of all) {
                await patient.delete(created.id, state(created.outs, inputs));
            }
            assert.deepStrictEqual(ep.inventory().models, []);
        } finally {
            ep.setFaults({});
        }
    });

    it("check through the shim reports failures without throwing", async () => {
        const r = await provider.check({}, program({ PrimaryContainer: undefined }));
        assert.deepStrictEqual(r.failures!.map((f) => f.property), ["PrimaryContainer"]);
    });
});
