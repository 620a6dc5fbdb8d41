// Each kind declares its calls as the SDK's command classes (engine/kind.ts KindApi.commands): they
// are the operations the API reference names for the kind, and the shapes check validates the
// create command's input.
import * as assert from "assert";
import * as sm from "@aws-sdk/client-sagemaker";
import { operationOf, type KindSpec } from "../../../provider/engine/kind";
import { modelSpec } from "../../../provider/model/spec";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { modelPackageGroupSpec } from "../../../provider/model-package-group/spec";

describe("the kinds' declared commands", () => {
    const declared = (spec: KindSpec) =>
        Object.fromEntries(Object.entries(spec.api.commands(sm)).map(([k, c]) => [k, c && operationOf(c)]));

    it("Model: CreateModel, DescribeModel, DeleteModel, no update call", () => {
        assert.deepStrictEqual(declared(modelSpec as KindSpec), { create: "CreateModel", describe: "DescribeModel", delete: "DeleteModel" });
    });

    it("ModelPackage: CreateModelPackage, DescribeModelPackage, DeleteModelPackage, UpdateModelPackage", () => {
        assert.deepStrictEqual(declared(modelPackageSpec as KindSpec),
            { create: "CreateModelPackage", describe: "DescribeModelPackage", delete: "DeleteModelPackage", update: "UpdateModelPackage" });
    });

    it("ModelPackageGroup: CreateModelPackageGroup, DescribeModelPackageGroup, DeleteModelPackageGroup, no update call", () => {
        assert.deepStrictEqual(declared(modelPackageGroupSpec as KindSpec),
            { create: "CreateModelPackageGroup", describe: "DescribeModelPackageGroup", delete: "DeleteModelPackageGroup" });
    });

    it("the update-class members name the kind's update call", () => {
        for (const spec of [modelSpec, modelPackageSpec, modelPackageGroupSpec]) {
            const update = (spec as KindSpec).api.commands(sm).update;
            for (const [member, m] of Object.entries(spec.members)) {
                if ("call" in m.change) {
                    assert.strictEqual(m.change.call, update && operationOf(update), `${spec.kind}.${member}`);
                }
            }
        }
    });
});
