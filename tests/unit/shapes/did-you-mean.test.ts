// "Did you mean" for unknown members and enum values (issue 25, item 5): a wrong case or a small
// typo names the one intended member or value; a guess that could be wrong names none. Expected
// values are SageMaker's member and enum names from the API reference (CreateModel,
// CreateModelPackage), not the validator's output.
import * as assert from "assert";
import { didYouMean } from "../../../provider/shapes/enums";
import { validateShape } from "../../../provider/shapes/validate";
import { shapeIssueFailure } from "../../../provider/common/check-failures";

const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";
const role = "arn:aws:iam::123456789012:role/SageMakerRole";

describe("did you mean", () => {
    it("an unknown top-level member names the member meant, with the constraint and the fix", () => {
        const issues = validateShape("CreateModelInput", { ModelName: "m", ExecutionRoleArn: role, PrimaryContainers: { Image: image } });
        assert.deepStrictEqual(issues.map((i) => `${i.path} ${i.constraint}`), ["PrimaryContainers unknownMember"]);
        const failure = shapeIssueFailure(issues[0]);
        assert.strictEqual(failure.property, "PrimaryContainers");
        assert.match(failure.reason, /^PrimaryContainers: is not a member of CreateModelInput; did you mean PrimaryContainer\? \(allowed: /);
        assert.match(failure.reason, /\(constraint: unknownMember\)\. Fix: remove it or correct the spelling/);
    });

    it("a member in the wrong case, and a nested one, name the member meant", () => {
        const issues = validateShape("CreateModelInput", {
            ModelName: "m", primaryContainer: { Image: image }, Containers: [{ Image: image, enviroment: { A: "b" } }],
        });
        const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
        assert.match(byPath.primaryContainer, /did you mean PrimaryContainer\?/);
        assert.match(byPath["Containers[0].enviroment"], /is not a member of ContainerDefinition; did you mean Environment\?/);
    });

    it("a member like none names no guess", () => {
        const [issue] = validateShape("CreateModelInput", { ModelName: "m", Flavour: "x" });
        assert.strictEqual(issue.constraint, "unknownMember");
        assert.ok(!issue.message.includes("did you mean"), issue.message);
    });

    it("an enum value in the wrong case names the value meant, with the constraint and the fix", () => {
        const issues = validateShape("CreateModelPackageInput", { ModelPackageGroupName: "g", ModelApprovalStatus: "approved" });
        assert.deepStrictEqual(issues.map((i) => `${i.path} ${i.constraint}`), ["ModelApprovalStatus enum"]);
        const failure = shapeIssueFailure(issues[0]);
        assert.match(failure.reason, /^ModelApprovalStatus: "approved" is not a ModelApprovalStatus value; did you mean Approved\? allowed: Approved, /);
        assert.match(failure.reason, /\(constraint: enum\)\. Fix: use one of the listed values\.$/);
    });

    it("an enum typo in a long list names the value meant", () => {
        const [issue] = validateShape("CreateModelInput", {
            ModelName: "m", PrimaryContainer: { Image: image, Mode: "singlemodel" },
        });
        assert.match(issue.message, /"singlemodel" is not a ContainerMode value; did you mean SingleModel\?/);
        const [transform] = validateShape("CreateModelPackageInput", {
            ModelPackageGroupName: "g",
            InferenceSpecification: { Containers: [{ Image: image }], SupportedTransformInstanceTypes: ["ml.m5.xlrage"] },
        });
        assert.match(transform.message, /did you mean ml\.m5\.xlarge\? closest: ml\.m5\.xlarge/);
    });

    it("picks one candidate or none", () => {
        assert.strictEqual(didYouMean("approved", ["Approved", "Rejected", "PendingManualApproval"]), "Approved");
        assert.strictEqual(didYouMean("PrimaryContainers", ["ModelName", "PrimaryContainer", "Containers"]), "PrimaryContainer");
        assert.strictEqual(didYouMean("Imagee", ["ContainerHostname", "Image", "ImageConfig"]), "Image");
        assert.strictEqual(didYouMean("Flavour", ["ModelName", "PrimaryContainer", "Containers"]), undefined, "too far from all");
        assert.strictEqual(didYouMean("ab", ["ac", "ad"]), undefined, "two equally close: no guess");
        assert.strictEqual(didYouMean("x".repeat(1_000_000), ["Image"]), undefined, "a long value costs no more than a short one");
    });
});
