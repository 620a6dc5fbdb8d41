// The local endpoint keeps SageMaker's limit of 15 additional inference specifications per package
// across updates: the API model's AdditionalInferenceSpecifications list (max 15, in
// CreateModelPackageInput and as AdditionalInferenceSpecificationsToAdd in UpdateModelPackageInput)
// bounds one request; the total a package holds after UpdateModelPackage adds more is bounded the
// same ("AdditionalInferenceSpecificationsToAdd: An array of additional Inference Specification
// objects to be added to the existing array additional Inference Specification. Total number of
// additional Inference Specifications can not exceed 15.", UpdateModelPackage API reference).
import * as assert from "assert";
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, DescribeModelPackageCommand, UpdateModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { useLocalEndpoint } from "../../helpers/local-endpoint";

const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const spec = (name: string) => ({ Name: name, Containers: [{ Image: IMAGE }], SupportedContentTypes: ["application/json"], SupportedResponseMIMETypes: ["application/json"] });
const specs = (from: number, count: number) => Array.from({ length: count }, (_, i) => spec(`spec-${from + i}`));

describe("local endpoint: at most 15 additional inference specifications per package", () => {
  const t = useLocalEndpoint();
  let arn: string;

  before(async () => {
    await t.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: "limits" }));
    const created = await t.client.send(new CreateModelPackageCommand({
      ModelPackageGroupName: "limits",
      InferenceSpecification: { Containers: [{ Image: IMAGE }], SupportedContentTypes: ["application/json"], SupportedResponseMIMETypes: ["application/json"] },
      AdditionalInferenceSpecifications: specs(1, 10),
    }));
    arn = created.ModelPackageArn!;
  });

  it("adding 5 to 10 (15 in all) is accepted", async () => {
    await t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, AdditionalInferenceSpecificationsToAdd: specs(11, 5) }));
    const d = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    assert.strictEqual(d.AdditionalInferenceSpecifications?.length, 15);
  });

  it("one more (16) is a ValidationException, and the package keeps its 15", async () => {
    await assert.rejects(t.client.send(new UpdateModelPackageCommand({ ModelPackageArn: arn, AdditionalInferenceSpecificationsToAdd: specs(16, 1) })),
      (err: Error) => err.name === "ValidationException" && /at most 15/.test(err.message));
    const d = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
    assert.strictEqual(d.AdditionalInferenceSpecifications?.length, 15);
  });
});
