// The plugin's functions (plugin/provider.ts invoke, plugin/schema/functions.ts) against the local
// endpoint: the schema's camelCase arguments reach provider/registry's lookups in their names, here
// the lifecycle-stage filter (`modelLifeCycle: { stage, stageStatus }` -> ModelLifeCycle { Stage, StageStatus }).
import { strict as assert } from "assert";
import * as fs from "fs";
import { UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { PluginProvider } from "../../../plugin/provider";
import { committedSchemaFiles } from "../../../plugin/schema/files";
import { withEnv } from "../../helpers/env";
import { DUMMY_CREDENTIALS, useLocalEndpoint } from "../../helpers/local-endpoint";
import { registerGroup } from "../registry/harness";

const GROUP = "stages";

describe("plugin functions against the local endpoint", function () {
    this.timeout(60_000);
    const t = useLocalEndpoint();
    const wire = JSON.parse(fs.readFileSync(committedSchemaFiles().wire, "utf8"));
    const env = { AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey,
        AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined, AWS_ENDPOINT_URL_SAGEMAKER: undefined, AWS_ENDPOINT_URL: undefined };
    const invoke = (fn: string, args: Record<string, unknown>) => {
        const p = new PluginProvider(wire);
        p.configure({ region: "us-east-1", endpoint: t.endpoint.url });
        return withEnv(env, () => p.invoke(`sagemaker:index:${fn}`, { modelPackageGroupName: GROUP, ...args }));
    };

    // 1 Production/Approved, 2 Production/PendingApproval, 3 Staging/Approved; all Approved in the registry.
    before(async () => {
        const arns = await registerGroup(t.client, GROUP, [{ approval: "Approved" }, { approval: "Approved" }, { approval: "Approved" }], 5);
        const stages = [["Production", "Approved"], ["Production", "PendingApproval"], ["Staging", "Approved"]];
        for (const [i, [Stage, StageStatus]] of stages.entries()) {
            await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arns[i], ModelLifeCycle: { Stage, StageStatus } }));
        }
    });

    it("getModelPackageVersions: modelLifeCycle.stage keeps the versions in that stage, newest first, each with its lifeCycle", async () => {
        const { versions } = await invoke("getModelPackageVersions", { modelLifeCycle: { stage: "Production" } }) as { versions: { version: number; lifeCycle: unknown }[] };
        assert.deepEqual(versions.map((v) => v.version), [2, 1]);
        assert.deepEqual(versions[1].lifeCycle, { stage: "Production", stageStatus: "Approved" });
    });

    it("getLatestModelPackageVersion: stage and stageStatus together, or stageStatus alone", async () => {
        assert.equal((await invoke("getLatestModelPackageVersion", { modelLifeCycle: { stage: "Production", stageStatus: "Approved" } })).version, 1);
        assert.equal((await invoke("getLatestModelPackageVersion", { modelLifeCycle: { stageStatus: "Approved" } })).version, 3);
        assert.equal((await invoke("getLatestModelPackageVersion", {})).version, 3, "without the filter: the newest Approved");
    });

    it("a filter that is not one is the lookup's failure, naming ModelLifeCycle", async () => {
        await assert.rejects(invoke("getModelPackageVersions", { modelLifeCycle: { tier: "Production" } }), /ModelLifeCycle/);
    });
});
