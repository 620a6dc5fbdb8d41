import * as assert from "assert";
import { lifecycles } from "../../../provider/runtime";
import { UNKNOWN } from "../../../provider/common/unknown";
import { validInputs } from "../model/fixtures";
import { withEnv } from "../../helpers/env";

const NO_ENV = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };
const GROUP = { ModelPackageGroupName: "fraud", __logicalName: "fraud" };

describe("check records the deployment region (policy packs see checked inputs, not stack config)", () => {
    it("fills region from the stack's aws:region for every kind", async () => {
        await withEnv(NO_ENV, async () => {
            const model = await lifecycles.Model.check({ region: "eu-west-1" }, {}, validInputs());
            assert.strictEqual(model.inputs?.region, "eu-west-1");
            const group = await lifecycles.ModelPackageGroup.check({ region: "eu-west-1" }, {}, GROUP);
            assert.strictEqual(group.inputs?.region, "eu-west-1");
        });
    });

    it("falls back to AWS_REGION, then AWS_DEFAULT_REGION", async () => {
        await withEnv({ AWS_REGION: undefined, AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
            const r = await lifecycles.ModelPackageGroup.check({}, {}, GROUP);
            assert.strictEqual(r.inputs?.region, "ap-south-1");
        });
        await withEnv({ AWS_REGION: "us-west-2", AWS_DEFAULT_REGION: "ap-south-1" }, async () => {
            const r = await lifecycles.ModelPackageGroup.check({}, {}, GROUP);
            assert.strictEqual(r.inputs?.region, "us-west-2");
        });
    });

    it("keeps the resource's own region, and an unknown one, untouched", async () => {
        await withEnv(NO_ENV, async () => {
            const own = await lifecycles.Model.check({ region: "eu-west-1" }, {}, { ...validInputs(), region: "us-east-2" });
            assert.strictEqual(own.inputs?.region, "us-east-2");
            const unknown = await lifecycles.Model.check({ region: "eu-west-1" }, {}, { ...validInputs(), region: UNKNOWN });
            assert.strictEqual(unknown.inputs?.region, UNKNOWN);
        });
    });

    it("leaves region unset when only the SDK's default chain (e.g. a profile) knows it", async () => {
        await withEnv(NO_ENV, async () => {
            const r = await lifecycles.Model.check({ profile: "ml" }, {}, validInputs());
            assert.ok(!("region" in (r.inputs ?? {})), JSON.stringify(r.inputs));
        });
    });
});
