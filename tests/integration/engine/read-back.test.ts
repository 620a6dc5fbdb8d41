// Read-back after create (engine/match.ts readBack, called by engine/create.ts) against the local endpoint with a behaviour switch
// that makes it store something other than the request: CreateModelPackage drops ModelLifeCycle
// (local-endpoint/deviations.ts "package-drops-model-life-cycle"). The create warns, naming the
// member, the stored and the declared value; the state's outputs record what the endpoint holds, so
// read agrees with them, while the program (still declaring the stage) shows the difference
// (tests/e2e/read-back.test.ts: what the real CLI's refresh then shows).
import * as assert from "assert";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpec } from "../../unit/model-package/fixtures";
import { deploy, PROVIDER, settingsFor, useTestEnvironment, type Deployed } from "../../helpers/lifecycle-harness";
import { capturingWarnings } from "../../helpers/warnings";

const groups = lifecycles.ModelPackageGroup;
const packages = lifecycles.ModelPackage;
const STAGE = { Stage: "Staging", StageStatus: "InProgress" };

describe("read-back after create, on the local endpoint", function () {
    this.timeout(20_000);
    useTestEnvironment();
    after(async () => {
        if (group !== undefined) {
            await groups.delete(settings(), group.id, { ...group.outputs, deleteVersionsOnDestroy: true });
        }
    });
    const local = useLocalEndpoint({ packageStatusDelayMs: 0 });
    let group: Deployed;
    const settings = () => settingsFor(local.endpoint);
    const version = () => ({ ModelPackageGroupName: group.outputs.name, InferenceSpecification: inferenceSpec(), ModelLifeCycle: STAGE });

    before(async () => {
        group = await deploy(groups, settings(), { __logicalName: "read-back" });
    });
    afterEach(() => local.endpoint.setFaults({}));

    it("an endpoint that stores what was asked: no warning, the state keeps the declared stage", async () => {
        const { result: pkg, warnings } = await capturingWarnings(() => deploy(packages, settings(), version()));
        assert.deepStrictEqual(warnings, []);
        assert.deepStrictEqual(pkg.outputs.ModelLifeCycle, STAGE);
    });

    it("an endpoint that drops ModelLifeCycle: a warning naming it with both values; the outputs hold none, as read does", async () => {
        local.endpoint.setFaults({ deviations: ["package-drops-model-life-cycle"] });
        const { result: pkg, warnings } = await capturingWarnings(() => deploy(packages, settings(), version()));
        assert.strictEqual(warnings.length, 1, warnings.join("\n"));
        assert.match(warnings[0], new RegExp(`ModelPackage "read-back-[a-z0-9]+" version \\d+: SageMaker stored ModelLifeCycle as absent, not the declared ` +
            `\\{"Stage":"Staging","StageStatus":"InProgress"\\}\\. The state records what SageMaker holds`));
        assert.strictEqual(pkg.outputs.ModelLifeCycle, undefined);
        assert.strictEqual(pkg.outputs.status, "Completed");

        const read = await packages.read(settings(), pkg.id, pkg.outputs);
        const refreshed = await packages.diff(settings(), pkg.id, pkg.outputs, { ...read.inputs, __provider: PROVIDER });
        assert.strictEqual(refreshed.changes, false, JSON.stringify(refreshed));
        const program = await packages.diff(settings(), pkg.id, pkg.outputs, { ...pkg.inputs, __provider: PROVIDER });
        assert.deepStrictEqual({ changes: program.changes, replaces: program.replaces }, { changes: true, replaces: [] }, "an update sets the declared stage again");
    });
});
