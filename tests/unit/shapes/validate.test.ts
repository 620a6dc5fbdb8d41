// Readable cases for the validator contract in docs/ARCHITECTURE.md.
import * as assert from "assert";
import { compilePattern, operationInputShape, validateShape } from "../../../provider/shapes/validate";

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const isUnknown = (v: unknown) => v === UNKNOWN;
const image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1";
const role = "arn:aws:iam::123456789012:role/SageMakerRole";

describe("validateShape", () => {
  it("accepts a realistic CreateModel request", () => {
    const issues = validateShape("CreateModelInput", {
      ModelName: "my-model",
      ExecutionRoleArn: role,
      PrimaryContainer: {
        Image: image,
        Environment: { MY_VAR: "secret value" },
        ModelDataSource: { S3DataSource: { S3Uri: "s3://b/k/", S3DataType: "S3Prefix", CompressionType: "None", ModelAccessConfig: { AcceptEula: true } } },
      },
      VpcConfig: { SecurityGroupIds: ["sg-1"], Subnets: ["subnet-1"] },
      EnableNetworkIsolation: true,
      Tags: [{ Key: "team", Value: "ml" }],
    });
    assert.deepStrictEqual(issues, []);
  });

  it("names the path, the constraint and the bound", () => {
    const issues = validateShape("CreateModelInput", { ModelName: "m", PrimaryContainer: { Image: "" } });
    assert.deepStrictEqual(issues, [{ path: "PrimaryContainer.Image", constraint: "pattern", message: "PrimaryContainer.Image: does not match the pattern [\\S]+",
      aws: "Member must satisfy regular expression pattern: [\\S]+", wirePath: "primaryContainer.image" }]);
    const tooMany = validateShape("CreateModelInput", { ModelName: "m", Containers: Array.from({ length: 16 }, () => ({ Image: image })) });
    assert.deepStrictEqual(tooMany, [{ path: "Containers", constraint: "max", message: "Containers: 16 items is above the maximum 15",
      aws: "Member must have length less than or equal to 15", wirePath: "containers" }]);
  });

  it("reports string length below the minimum", () => {
    const issues = validateShape("RoleArn", "arn:aws:iam::1:r");
    // Nothing else is checked after a length failure (no pattern runs on a value of the wrong length).
    assert.deepStrictEqual(issues.map((i) => i.message), ["RoleArn: length 16 is below the minimum 20"]);
  });

  it("counts string length in Unicode scalar values, as AWS does (a surrogate pair is one)", () => {
    const tag = (key: string) => validateShape("Tag", { Key: key, Value: "v" });
    assert.deepStrictEqual(tag("\u{1D49C}".repeat(128)), []);
    assert.deepStrictEqual(tag("\u{1D49C}".repeat(129)).map((i) => i.message), ["Key: length 129 is above the maximum 128"]);
    assert.deepStrictEqual(tag("a".repeat(129)).map((i) => i.constraint), ["max"]);
  });

  it("uses list indexes and map keys in paths", () => {
    const issues = validateShape("CreateModelInput", {
      ModelName: "m",
      Containers: [{ Image: image }, { Image: image, Environment: { "1BAD": "v", OK: "x".repeat(1025) } }],
    });
    assert.deepStrictEqual(issues.map((i) => `${i.path} ${i.constraint}`), [
      "Containers[1].Environment.1BAD pattern",
      "Containers[1].Environment.OK max",
    ]);
    assert.match(issues[0].message, /^Containers\[1\]\.Environment\.1BAD: key does not match the pattern/);
  });

  it("reports missing required members and unknown members", () => {
    const issues = validateShape("CreateModelInput", { PrimaryContainer: { Image: image, Imagee: "typo" } });
    assert.deepStrictEqual(issues.map((i) => `${i.path} ${i.constraint}`), ["ModelName required", "PrimaryContainer.Imagee unknownMember"]);
    assert.match(issues[1].message, /is not a member of ContainerDefinition; did you mean Image\? \(allowed: ContainerHostname, Image, /);
  });

  it("lists the allowed values of a small enum, closest first, with the reference page", () => {
    const [issue] = validateShape("CreateModelPackageInput", { ModelPackageGroupName: "g", ModelApprovalStatus: "Approve" });
    assert.strictEqual(issue.message, "ModelApprovalStatus: \"Approve\" is not a ModelApprovalStatus value; did you mean Approved? allowed: Approved, Rejected, " +
      "PendingManualApproval (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateModelPackage.html)");
  });

  it("checks integer bounds by value and rejects fractions", () => {
    const mk = (n: unknown) => validateShape("ListModelsInput", { MaxResults: n });
    assert.deepStrictEqual(mk(100), []);
    assert.strictEqual(mk(0)[0].message, "MaxResults: value 0 is below the minimum 1");
    assert.strictEqual(mk(101)[0].message, "MaxResults: value 101 is above the maximum 100");
    assert.strictEqual(mk(2.5)[0].constraint, "type");
    assert.strictEqual(mk("10")[0].constraint, "type");
  });

  it("accepts timestamps as Date, ISO string or epoch number", () => {
    for (const t of [new Date(), "2024-05-01T00:00:00Z", 1714521600]) {
      assert.deepStrictEqual(validateShape("ListModelsInput", { CreationTimeAfter: t }), [], String(t));
    }
    assert.strictEqual(validateShape("ListModelsInput", { CreationTimeAfter: "yesterday" })[0].constraint, "type");
    assert.strictEqual(validateShape("ListModelsInput", { CreationTimeAfter: new Date(NaN) })[0].constraint, "type");
  });

  it("skips unknown values at any depth, including the root", () => {
    assert.deepStrictEqual(validateShape("CreateModelInput", UNKNOWN, { isUnknown }), []);
    const issues = validateShape("CreateModelInput", {
      ModelName: UNKNOWN,
      ExecutionRoleArn: UNKNOWN,
      Containers: [{ Image: UNKNOWN, Environment: { A: UNKNOWN } }, UNKNOWN],
      Tags: UNKNOWN,
    }, { isUnknown });
    assert.deepStrictEqual(issues, []);
    // Without isUnknown the same value is an ordinary (invalid) string.
    assert.ok(validateShape("CreateModelInput", { ModelName: "m", Containers: UNKNOWN }).length > 0);
  });

  it("ignores our own top-level members and honours rootPath", () => {
    assert.deepStrictEqual(validateShape("CreateModelInput", { ModelName: "m", region: "us-east-1", statusTimeoutMinutes: 5 }, { ignoreMembers: ["region", "statusTimeoutMinutes"] }), []);
    const issues = validateShape("ContainerDefinition", { Image: "a b", region: "x" }, { rootPath: "PrimaryContainer", ignoreMembers: ["region"] });
    assert.deepStrictEqual(issues.map((i) => i.path), ["PrimaryContainer.Image"]);
    // ignoreMembers is top-level only: a nested "region" is still unknown.
    const nested = validateShape("CreateModelInput", { ModelName: "m", PrimaryContainer: { Image: image, region: "x" } }, { ignoreMembers: ["region"] });
    assert.deepStrictEqual(nested.map((i) => i.constraint), ["unknownMember"]);
  });

  it("treats null and undefined members as absent", () => {
    assert.deepStrictEqual(validateShape("CreateModelInput", { ModelName: "m", VpcConfig: undefined, Containers: null }), []);
  });

  it("never echoes a value that failed a pattern", () => {
    const [issue] = validateShape("CreateModelInput", { ModelName: "m", PrimaryContainer: { Image: "s3cr3t value" } });
    assert.ok(!issue.message.includes("s3cr3t"));
  });

  it("reports a non-object root against the shape name", () => {
    assert.deepStrictEqual(validateShape("CreateModelInput", "x"), [{ path: "", constraint: "type", message: "CreateModelInput: expected an object (CreateModelInput), got a string" }]);
  });

  it("throws for a shape that is not in the table", () => {
    assert.throws(() => validateShape("NoSuchShape", {}), /unknown shape NoSuchShape/);
  });

  it("maps operations to their input shapes", () => {
    assert.strictEqual(operationInputShape("CreateModel"), "CreateModelInput");
    assert.strictEqual(operationInputShape("toString"), undefined);
  });
});

describe("compilePattern (Java to JS)", () => {
  it("anchors patterns to the whole value", () => {
    assert.ok(compilePattern("[a-z]+").test("abc"));
    assert.ok(!compilePattern("[a-z]+").test("abc1"));
    assert.ok(!compilePattern("[a-z]|[0-9]").test("a1"));
  });

  it("supports \\p{...} classes and the quantified end anchor", () => {
    const key = "([\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@]*)${1,128}";
    assert.ok(compilePattern(key).test("Équipe 1"));
    assert.ok(!compilePattern(key).test("a;b"));
  });

  it("supports lookbehind in ARN-or-name patterns", () => {
    const p = "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*\\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)";
    assert.ok(compilePattern(p).test("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g-1"));
    assert.ok(!compilePattern(p).test("g-"));
  });
});
