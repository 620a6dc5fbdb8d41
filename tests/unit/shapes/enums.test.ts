// Enum values: the installed SDK widens a stale table; failures name the closest values and the
// API reference page, never the whole list.
import * as assert from "assert";
import { closestValues, editDistance, sdkEnumValues } from "../../../provider/shapes/enums";
import { SHAPES, validateShape, type ShapesTable } from "../../../provider/shapes/validate";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";
const spec = (types: string[]) => ({
    ModelPackageGroupName: "g",
    InferenceSpecification: { Containers: [{ Image: image }], SupportedTransformInstanceTypes: types },
});

/** The committed table with the ml.g6e.* transform instance types taken out: botocore before 1.44.5. */
function staleTable(): ShapesTable {
    const copy = JSON.parse(JSON.stringify(SHAPES)) as ShapesTable;
    const shape = copy.shapes.TransformInstanceType;
    shape.enum = shape.enum!.filter((v) => !v.startsWith("ml.g6e."));
    return copy;
}

describe("enum values and the installed SDK", () => {
    it("the installed SDK exports TransformInstanceType with ml.g6e.xlarge (AWS added it in botocore 1.44.5)", () => {
        assert.ok(sdkEnumValues("TransformInstanceType")?.includes("ml.g6e.xlarge"));
        assert.strictEqual(sdkEnumValues("NoSuchEnumShape"), undefined);
    });

    it("accepts a value the installed SDK knows although the table does not list it", () => {
        const table = staleTable();
        assert.ok(!table.shapes.TransformInstanceType.enum!.includes("ml.g6e.xlarge"), "the stale table lacks it");
        assert.deepStrictEqual(validateShape("CreateModelPackageInput", spec(["ml.g6e.xlarge", "ml.m5.large"]), { table }), []);
    });

    it("still rejects a value neither the table nor the SDK knows", () => {
        const issues = validateShape("CreateModelPackageInput", spec(["ml.g6e.xlarg"]), { table: staleTable() });
        assert.deepStrictEqual(issues.map((i) => `${i.path} ${i.constraint}`), ["InferenceSpecification.SupportedTransformInstanceTypes[0] enum"]);
    });
});

describe("readable enum failures", () => {
    const failure = (value: string) =>
        validateShape("CreateModelPackageInput", spec([value]))[0]?.message ?? "";

    it("names the 3 closest values of the same family and the page that lists them all", () => {
        const message = failure("ml.g6e.xlarg");
        assert.match(message, /^InferenceSpecification\.SupportedTransformInstanceTypes\[0\]: "ml\.g6e\.xlarg" is not a TransformInstanceType value; /);
        assert.match(message, /closest: ml\.g6e\.xlarge, ml\.g6e\.2xlarge, ml\.g6e\.4xlarge /);
        assert.match(message, /\(all \d+ values: https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/APIReference\/API_InferenceSpecification\.html\)$/);
    });

    it("never lists the whole enum inline", () => {
        const message = failure("ml.nope.large");
        const closest = /closest: ([^(]*) \(/.exec(message)?.[1] ?? "";
        assert.strictEqual(closest.split(", ").length, 3, message);
        assert.ok(message.length < 300, `${message.length} characters`);
    });

    it("a wrong case or a typo puts the intended value first", () => {
        assert.deepStrictEqual(closestValues("approved", ["Approved", "Rejected", "PendingManualApproval"], 1), ["Approved"]);
        assert.deepStrictEqual(closestValues("ml.m5.xlrage", ["ml.c5.xlarge", "ml.m5.large", "ml.m5.xlarge"], 1), ["ml.m5.xlarge"]);
        assert.deepStrictEqual(closestValues("ml.g5.12xl", ["ml.g6.12xlarge", "ml.g5.2xlarge", "ml.g5.12xlarge"], 2), ["ml.g5.12xlarge", "ml.g5.2xlarge"]);
    });

    it("edit distance counts an adjacent swap as one edit", () => {
        assert.strictEqual(editDistance("xlrage", "xlarge"), 1);
        assert.strictEqual(editDistance("", "abc"), 3);
        assert.strictEqual(editDistance("ABC", "abc"), 0);
    });

    it("a long value is cut in the message and costs no more than a short one", () => {
        const message = failure(`ml.${"x".repeat(1_000_000)}`);
        assert.ok(message.length < 400, `${message.length} characters`);
        assert.match(message, /"ml\.x+\.\.\."/);
    });

    it("links an operation's own member to the operation's page", () => {
        const [issue] = validateShape("CreateModelPackageInput", { ModelPackageGroupName: "g", ModelApprovalStatus: "approved" });
        assert.match(issue.message, /allowed: Approved, .*\(https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/APIReference\/API_CreateModelPackage\.html\)$/);
    });
});
