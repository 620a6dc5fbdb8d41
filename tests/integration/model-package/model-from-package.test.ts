import * as assert from "assert";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpec } from "../../unit/model-package/fixtures";
import { deploy, redeploy, settingsFor, useTestEnvironment } from "../../helpers/lifecycle-harness";

const { Model: models, ModelPackageGroup: groups, ModelPackage: packages } = lifecycles;

/** `PrimaryContainer.ModelPackageName: pkg.arn`: a Model deployed from an approved version. */
describe("Model from a ModelPackage version on the local endpoint", function () {
    this.timeout(20_000);
    useTestEnvironment();
    const local = useLocalEndpoint({ packageStatusDelayMs: 20 });
    const settings = () => settingsFor(local.endpoint);

    it("accepts the version's ARN in the Model's check, creates the model, and destroy leaves nothing", async () => {
        const group = await deploy(groups, settings(), { __logicalName: "registry" });
        const inGroup = { ModelPackageGroupName: group.outputs.name, InferenceSpecification: inferenceSpec() };
        const v1 = await deploy(packages, settings(), { ...inGroup, ModelApprovalStatus: "Rejected" });
        const v2 = await deploy(packages, settings(), inGroup);
        const approved = (await redeploy(packages, settings(), v2, { ...inGroup, ModelApprovalStatus: "Approved" })).next;
        assert.strictEqual(approved.outputs.ModelApprovalStatus, "Approved");
        assert.match(String(approved.outputs.arn), /model-package\/registry-[0-9a-f]{7}\/2$/);

        const model = await deploy(models, settings(), { __logicalName: "scorer", PrimaryContainer: { ModelPackageName: approved.outputs.arn } });
        assert.strictEqual(local.endpoint.inventory().models.length, 1);

        // Destroy in dependency order: model, versions, group.
        await models.delete(settings(), model.id, model.outputs);
        await packages.delete(settings(), approved.id, approved.outputs);
        await packages.delete(settings(), v1.id, v1.outputs);
        await groups.delete(settings(), group.id, group.outputs);
        assert.deepStrictEqual(local.endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
    });
});
