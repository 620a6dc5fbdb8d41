// ModelPackage and ModelPackageGroup lifecycles against a mocked SDK: error paths that a live
// endpoint does not produce on demand.
import * as assert from "assert";
import { mockClient } from "aws-sdk-client-mock";
import {
    CreateModelPackageCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand, ListModelPackagesCommand,
    SageMakerClient, UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpecification, IMAGE } from "../../scenarios/kinds";
import { awsError, rejection } from "../../helpers/errors";

const settings = { region: "us-east-1", maxAttempts: 1 };
const ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1";
const SECRET = "sk-live-0123456789";
const OTHER_SECRET = "db-pass-9876543210";

/** A version whose containers carry secrets, in both places a package has containers. */
function version(): Record<string, unknown> {
    const spec = { ...inferenceSpecification(), Containers: [{ Image: IMAGE, Environment: { API_KEY: SECRET } }] };
    const extra = { Name: "neo", Containers: [{ Image: IMAGE, Environment: { DB_PASSWORD: OTHER_SECRET } }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] };
    return { ModelPackageGroupName: "churn", InferenceSpecification: spec, AdditionalInferenceSpecifications: [extra], region: "us-east-1", ClientToken: "t" };
}

describe("ModelPackage lifecycle (mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("scrubs Environment values of every container from a create error", async () => {
        sm.on(CreateModelPackageCommand).rejects(awsError("ValidationException", `Environment '${SECRET}' and '${OTHER_SECRET}' are not allowed`));
        const err = await rejection(lifecycles.ModelPackage.create(settings, version()));
        assert.match(err.message, /^ModelPackage "churn" \(new version\): SageMaker CreateModelPackage failed: ValidationException/);
        assert.ok(!err.message.includes(SECRET) && !err.message.includes(OTHER_SECRET), err.message);
        assert.match(err.message, /\[secret\]' and '\[secret\]'/);
    });

    it("scrubs them from an update error too", async () => {
        sm.on(UpdateModelPackageCommand).rejects(awsError("ValidationException", `cannot use ${SECRET}`));
        const olds = { ...version(), arn: ARN, status: "Completed", version: 1 };
        const err = await rejection(lifecycles.ModelPackage.update(settings, ARN, olds, { ...version(), ModelApprovalStatus: "Approved" }));
        assert.match(err.message, /SageMaker UpdateModelPackage failed/);
        assert.ok(!err.message.includes(SECRET), err.message);
    });

    it("delete: a package already gone is success", async () => {
        sm.on(DeleteModelPackageCommand).rejects(awsError("ValidationException", `ModelPackage ${ARN} does not exist.`));
        await lifecycles.ModelPackage.delete(settings, ARN, version());
        assert.strictEqual(sm.commandCalls(DeleteModelPackageCommand).length, 1);
    });

    it("delete: other failures are reported, naming the package and the operation", async () => {
        sm.on(DeleteModelPackageCommand).rejects(awsError("AccessDeniedException", "denied"));
        const err = await rejection(lifecycles.ModelPackage.delete(settings, ARN, { ...version(), version: 1 }));
        assert.match(err.message, /^ModelPackage "churn" version 1: SageMaker DeleteModelPackage failed: AccessDeniedException/);
    });
});

describe("ModelPackageGroup lifecycle (mocked SDK)", () => {
    const sm = mockClient(SageMakerClient);
    beforeEach(() => sm.reset());
    after(() => sm.restore());

    it("delete: a group already gone is success (its version listing finds none either)", async () => {
        sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
        sm.on(DeleteModelPackageGroupCommand).rejects(awsError("ValidationException", "ModelPackageGroup churn does not exist."));
        await lifecycles.ModelPackageGroup.delete(settings, "churn", { ModelPackageGroupName: "churn", region: "us-east-1" });
        assert.strictEqual(sm.commandCalls(DeleteModelPackageGroupCommand).length, 1);
    });

    it("delete: a version that cannot be deleted is named (the group's label and its version number), with the operation", async () => {
        sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ModelPackageArn: ARN } as never] });
        sm.on(DeleteModelPackageCommand).rejects(awsError("AccessDeniedException", "denied"));
        const err = await rejection(lifecycles.ModelPackageGroup.delete(settings, "churn", { ModelPackageGroupName: "churn", deleteVersionsOnDestroy: true }));
        assert.match(err.message, /^ModelPackageGroup "churn" version 1: SageMaker DeleteModelPackage failed: AccessDeniedException/);
    });

    it("delete: a failure listing the versions names the group and ListModelPackages", async () => {
        sm.on(ListModelPackagesCommand).rejects(awsError("AccessDeniedException", "denied"));
        const err = await rejection(lifecycles.ModelPackageGroup.delete(settings, "churn", { ModelPackageGroupName: "churn" }));
        assert.match(err.message, /^ModelPackageGroup "churn": SageMaker ListModelPackages failed: AccessDeniedException/);
    });

    it("delete: other failures are reported", async () => {
        sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
        sm.on(DeleteModelPackageGroupCommand).rejects(awsError("AccessDeniedException", "denied"));
        const err = await rejection(lifecycles.ModelPackageGroup.delete(settings, "churn", { ModelPackageGroupName: "churn" }));
        assert.match(err.message, /^ModelPackageGroup "churn": SageMaker DeleteModelPackageGroup failed: AccessDeniedException/);
    });
});
