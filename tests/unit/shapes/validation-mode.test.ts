// The stack setting sagemaker:validation: `error` (default) keeps shape failures as check
// failures; `warn` turns each into a warning and lets the request go to AWS.
import * as assert from "assert";
import { configuredSettings } from "../../../provider/common/settings";
import { lifecycles } from "../../../provider/runtime";
import { enforcedShapeIssues } from "../../../provider/shapes/validation-mode";
import { validateShape } from "../../../provider/shapes/validate";
import { capturingWarnings } from "../../helpers/warnings";

const config = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";
/** A transform instance type no table or SDK knows yet (the day AWS ships one first). */
const packageInputs = {
    ModelPackageGroupName: "g",
    InferenceSpecification: { Containers: [{ Image: image }], SupportedTransformInstanceTypes: ["ml.g99.xlarge"] },
};

describe("sagemaker:validation", () => {
    it("is read from the stack config: error, warn, or a configError naming the key and the values", () => {
        assert.strictEqual(configuredSettings(config({ "sagemaker:validation": "warn" })).validation, "warn");
        assert.strictEqual(configuredSettings(config({ "sagemaker:validation": "error" })).validation, "error");
        assert.strictEqual(configuredSettings(config({})).validation, undefined);
        assert.match(configuredSettings(config({ "sagemaker:validation": "warning" })).configError ?? "",
            /^stack config "sagemaker:validation" is "warning", which is not "error" or "warn": /);
    });

    it("error (and no setting) keeps every shape issue", () => {
        const issues = validateShape("CreateModelPackageInput", packageInputs);
        assert.strictEqual(issues.length, 1);
        for (const settings of [{}, { validation: "error" as const }, undefined]) {
            const warned: string[] = [];
            assert.deepStrictEqual(enforcedShapeIssues(settings, "ModelPackage", issues, (m) => warned.push(m)), issues);
            assert.deepStrictEqual(warned, []);
        }
    });

    it("warn keeps none and warns once per issue, naming the resource, the path and the setting", () => {
        const issues = validateShape("CreateModelPackageInput", packageInputs);
        const warned: string[] = [];
        assert.deepStrictEqual(enforcedShapeIssues({ validation: "warn" }, "ModelPackage \"churn\"", issues, (m) => warned.push(m)), []);
        assert.strictEqual(warned.length, 1);
        assert.match(warned[0], /^ModelPackage "churn": InferenceSpecification\.SupportedTransformInstanceTypes\[0\]: "ml\.g99\.xlarge" is not a TransformInstanceType value; .*\(constraint: enum\); not enforced because sagemaker:validation is "warn"/);
    });

    for (const kind of ["ModelPackage", "Model", "ModelPackageGroup"] as const) {
        const inputs = kind === "ModelPackage" ? packageInputs
            : kind === "Model" ? { __logicalName: "m", ExecutionRoleArn: "arn:aws:iam::123456789012:role/R", PrimaryContainer: { Image: image, Mode: "Multi" } }
                : { __logicalName: "g", ModelPackageGroupDescription: "tab\there" };
        it(`${kind}: check() fails with error and passes with a warning with warn`, async () => {
            const strict = await lifecycles[kind].check({ region: "us-east-1" }, {}, { ...inputs });
            assert.strictEqual(strict.failures?.length, 1, JSON.stringify(strict.failures));
            const { result, warnings } = await capturingWarnings(() => lifecycles[kind].check({ region: "us-east-1", validation: "warn" }, {}, { ...inputs }));
            assert.deepStrictEqual(result.failures, []);
            assert.strictEqual(warnings.length, 1);
            assert.match(warnings[0], /^warning: .*not enforced because sagemaker:validation is "warn"/);
        });
    }

    it("warn leaves the cross-field rules enforced", async () => {
        const { result } = await capturingWarnings(() => lifecycles.Model.check({ region: "us-east-1", validation: "warn" }, {}, {
            __logicalName: "m", ExecutionRoleArn: "arn:aws:iam::123456789012:role/R", PrimaryContainer: { Image: image }, Containers: [{ Image: image }],
        }));
        assert.deepStrictEqual(result.failures?.map((f) => f.property), ["Containers"]);
    });
});
