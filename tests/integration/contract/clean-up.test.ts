// The suite's clean-up deletes exactly what its run created and confirmed as its own, even on an
// endpoint that ignores name filters (where listing by prefix returns everything): resources of
// the same prefix it did not create are reported and left alone.
import * as assert from "assert";
import { AddTagsCommand, CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand, ListModelsCommand } from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint, type LocalEndpoint } from "../../../local-endpoint";
import { Ledger, RUN_TAG } from "../../contract/ledger";
import { runSuite } from "../../contract/suite";
import { newRun, type Target } from "../../contract/target";
import { FAST, localTarget } from "./local-target";

describe("contract suite: clean-up by identity", function () {
    this.timeout(60_000);
    let endpoint: LocalEndpoint;
    let t: Target;
    beforeEach(async () => {
        endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 40, faults: { deviations: ["list-ignores-name-filter"] } });
        t = localTarget(endpoint);
    });
    afterEach(async () => {
        await t.close();
        await endpoint.close();
    });

    const model = (name: string, tags = [{ Key: "owner", Value: "another-team" }]) => t.client.send(new CreateModelCommand({
        ModelName: name, ExecutionRoleArn: t.roleArn, PrimaryContainer: { Image: t.image }, Tags: tags }));

    it("on an endpoint that ignores NameContains, deletes only its own resources and reports the foreign ones of its prefix", async () => {
        // The switch is on: a name filter returns every model.
        await model("someone-elses-model");
        assert.strictEqual((await t.client.send(new ListModelsCommand({ NameContains: "no-such-name" }))).Models?.length, 1);

        const run = newRun();
        const foreignModel = (await model(`${run.prefix}-foreign`)).ModelArn!;
        const group = `${run.prefix}-foreign-group`;
        const foreignGroup = (await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }))).ModelPackageGroupArn!;
        const foreignVersion = (await t.client.send(new CreateModelPackageCommand({ ModelPackageGroupName: group,
            InferenceSpecification: { Containers: [{ Image: t.image }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] } }))).ModelPackageArn!;
        // Tagged by another run of the suite: the same key, another run id.
        const otherRun = (await model(`${run.prefix}-other-run`, [{ Key: RUN_TAG, Value: "another-run" }])).ModelArn!;
        const unrelated = endpoint.inventory().models.find((a) => a.endsWith("/someone-elses-model"))!;

        const r = await runSuite(t, { run, timing: FAST });

        assert.deepStrictEqual(r.outcomes.filter((o) => !o.holds).map((o) => o.id), []);
        assert.deepStrictEqual(r.cleanUp.kept, []);
        const left = endpoint.inventory();
        assert.deepStrictEqual(left.models.sort(), [foreignModel, otherRun, unrelated].sort());
        assert.deepStrictEqual(left.modelPackageGroups, [foreignGroup]);
        assert.deepStrictEqual(left.modelPackages, [foreignVersion]);
        assert.deepStrictEqual(r.cleanUp.notOurs.sort(), [foreignModel, otherRun, foreignGroup, foreignVersion].sort(), "reported, never the unrelated model");
    });

    it("does not delete a recorded resource whose run tag it cannot confirm, and says why", async () => {
        const run = newRun();
        const ledger = new Ledger(run.id, run.prefix);
        const own = (await model(`${run.prefix}-own`, [{ Key: RUN_TAG, Value: run.id }])).ModelArn!;
        const untagged = (await model(`${run.prefix}-untagged`, [])).ModelArn!;
        const otherRun = (await model(`${run.prefix}-retagged`, [{ Key: RUN_TAG, Value: run.id }])).ModelArn!;
        // Someone re-tagged it for another run between the create and the clean-up.
        await t.client.send(new AddTagsCommand({ ResourceArn: otherRun, Tags: [{ Key: RUN_TAG, Value: "another-run" }] }));
        for (const [arn, name] of [[own, "own"], [untagged, "untagged"], [otherRun, "retagged"]]) {
            ledger.record({ kind: "model", arn, name: `${run.prefix}-${name}` });
        }

        const report = await ledger.cleanUp(t.client);

        assert.deepStrictEqual(report.deleted, [own]);
        assert.deepStrictEqual(report.kept.map((k) => k.arn).sort(), [untagged, otherRun].sort());
        for (const k of report.kept) assert.match(k.why, new RegExp(`not deleted: ListTags shows no ${RUN_TAG}=${run.id}`));
        assert.deepStrictEqual(endpoint.inventory().models.sort(), [untagged, otherRun].sort());
    });
});
