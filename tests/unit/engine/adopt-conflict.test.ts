// The engine's create (provider/engine/create.ts) where something already exists: the name-conflict
// error (with the generated-name hint only for kinds whose names can be generated), `adopt`'s refusal
// and what adopting changes, lost-create recovery by name, and the recovery policy's give-up. A mocked
// SDK: what is asserted is the calls made and the exact text a user reads (resource, path, constraint, fix).
import * as assert from "assert";
import {
    CreateModelCommand, CreateModelPackageCommand, DeleteModelPackageCommand, DescribeModelCommand, DescribeModelPackageCommand, ListModelPackagesCommand,
    ListTagsCommand, UpdateModelPackageCommand,
} from "@aws-sdk/client-sagemaker";
import { lifecycleOf } from "../../../provider/engine/lifecycle";
import { modelSpec } from "../../../provider/model/spec";
import { lifecycles } from "../../../provider/runtime";
import { inferenceSpecification } from "../../scenarios/kinds";
import { awsError, rejection } from "../../helpers/errors";
import { mockedSageMakerWithInstantWaits } from "../../helpers/mocked-sagemaker";
import { capturingWarnings } from "../../helpers/warnings";

type Props = Record<string, unknown>;
const settings = { region: "us-east-1", maxAttempts: 1 };
const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/llm:1";
const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";
const OTHER_ROLE = "arn:aws:iam::123456789012:role/Other";
const MODEL_ARN = "arn:aws:sagemaker:us-east-1:123456789012:model/m";
const model = lifecycleOf(modelSpec);

const modelInputs = (extra: Props = {}): Props => ({ ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, region: "us-east-1", ...extra });
const modelDescribed = (extra: Props = {}) => ({ ModelName: "m", ModelArn: MODEL_ARN, CreationTime: new Date(), ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, ...extra });

const versionArn = (n: number) => `arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/${n}`;
const versionInputs = (extra: Props = {}): Props => ({
    ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t", ...extra,
});
const versionDescribed = (n: number, extra: Props = {}) => ({
    ModelPackageGroupName: "churn", ModelPackageName: "churn", ModelPackageVersion: n, ModelPackageArn: versionArn(n),
    ModelPackageStatus: "Completed", ModelPackageStatusDetails: { ValidationStatuses: [] }, CreationTime: new Date(),
    InferenceSpecification: inferenceSpecification(), ModelApprovalStatus: "PendingManualApproval", ...extra,
});

describe("engine create where something already exists (mocked SDK)", () => {
    const sm = mockedSageMakerWithInstantWaits();

    describe("a name taken by a resource this deployment did not create", () => {
        it("a model (names can be generated): the conflict names the resource, the region and every fix, the generated name among them", async () => {
            sm.on(CreateModelCommand).rejects(awsError("ValidationException", `Cannot create already existing model "${MODEL_ARN}".`));
            const err = await rejection(model.create(settings, modelInputs()));
            assert.strictEqual(err.message, `Model "m": a model named "m" already exists in us-east-1; it was not created by this deployment, so it is left untouched. ` +
                "Fix: choose another ModelName (or leave ModelName out to get a generated name), delete the existing one, or bring it under management " +
                "with `adopt: true` (it is adopted when it matches the inputs).");
        });

        it("an unversioned model package (ModelPackageName is never generated): the same conflict without the generated-name fix", async () => {
            sm.on(CreateModelPackageCommand).rejects(awsError("ValidationException", "Model Package arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-pkg already exists."));
            const err = await rejection(lifecycles.ModelPackage.create(settings, { ModelPackageName: "churn-pkg", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t" }));
            assert.strictEqual(err.message, `ModelPackage "churn-pkg": a model package named "churn-pkg" already exists in us-east-1; it was not created by this deployment, so it is left untouched. ` +
                "Fix: choose another ModelPackageName, delete the existing one, or bring it under management with `adopt: true` (it is adopted when it matches the inputs).");
        });

        it("an unversioned package whose token named a package that is gone, its name then taken on the next attempt: the same conflict", async () => {
            const pkg = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-pkg";
            sm.on(CreateModelPackageCommand)
                .resolvesOnce({ ModelPackageArn: pkg })
                .rejects(awsError("ValidationException", `Model Package ${pkg} already exists.`));
            sm.on(DescribeModelPackageCommand).rejects(awsError("ValidationException", `ModelPackage ${pkg} does not exist.`));
            const err = await rejection(lifecycles.ModelPackage.create(settings, { ModelPackageName: "churn-pkg", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t" }));
            assert.match(err.message, /^ModelPackage "churn-pkg": a model package named "churn-pkg" already exists in us-east-1; it was not created by this deployment/);
            assert.strictEqual(sm.commandCalls(CreateModelPackageCommand).length, 2);
        });

        it("an unversioned package whose create got no answer: SageMaker's error, nothing looked up by name (the SDK's retries resent the same ClientToken)", async () => {
            sm.on(CreateModelPackageCommand).rejects(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
            sm.on(DescribeModelPackageCommand).resolves(versionDescribed(1, { ModelPackageName: "churn-pkg", ModelPackageVersion: undefined, ModelPackageGroupName: undefined }) as never);
            sm.on(ListTagsCommand).resolves({ Tags: [] });
            const err = await rejection(lifecycles.ModelPackage.create(settings, { ModelPackageName: "churn-pkg", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "t" }));
            assert.match(err.message, /^ModelPackage "churn-pkg": SageMaker CreateModelPackage failed: ECONNRESET/);
            assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 0);
        });

        it("a version (no name of its own): an 'already exists' answer is SageMaker's error as such, not a name conflict", async () => {
            sm.on(CreateModelPackageCommand).rejects(awsError("ValidationException", "ModelPackageGroup churn already exists in a different state."));
            const err = await rejection(lifecycles.ModelPackage.create(settings, versionInputs()));
            assert.match(err.message, /^ModelPackage "churn" \(new version\): SageMaker CreateModelPackage failed: ValidationException: ModelPackageGroup churn already exists/);
            assert.doesNotMatch(err.message, /a model package named/);
        });

        it("a model create refused for another reason (no lost response, no name taken): SageMaker's error, nothing described", async () => {
            sm.on(CreateModelCommand).rejects(awsError("ValidationException", "Could not access model data at s3://bucket/model.tar.gz."));
            sm.on(DescribeModelCommand).resolves(modelDescribed());
            const err = await rejection(model.create(settings, modelInputs()));
            assert.match(err.message, /^Model "m": SageMaker CreateModel failed: ValidationException: Could not access model data/);
            assert.strictEqual(sm.commandCalls(DescribeModelCommand).length, 0);
        });
    });

    describe("adopt", () => {
        it("refused: every differing fixed member, joined with '; ', both values, 'values' for more than one; a differing tag is not named (adopt sets tags)", async () => {
            sm.on(DescribeModelCommand).resolves(modelDescribed({ ExecutionRoleArn: OTHER_ROLE, EnableNetworkIsolation: true }));
            sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "other" }] });
            const err = await rejection(model.create(settings, modelInputs({ adopt: true, Tags: [{ Key: "team", Value: "ml" }] })));
            assert.strictEqual(err.message, `Model "m": adopt found the existing model "m" in us-east-1, but it differs from the inputs at ` +
                `ExecutionRoleArn (declared "${ROLE}", live "${OTHER_ROLE}"); EnableNetworkIsolation (declared absent, live true) ` +
                "(constraint: members fixed at creation must match to adopt). Fix: change the program to match the live values, or drop `adopt` and pick another ModelName.");
            assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 0);
        });

        it("refused at preview: the failure only, no warning beside it", async () => {
            sm.on(DescribeModelCommand).resolves(modelDescribed({ ExecutionRoleArn: OTHER_ROLE }));
            sm.on(ListTagsCommand).resolves({ Tags: [] });
            const { result, warnings } = await capturingWarnings(() => model.check(settings, {}, modelInputs({ adopt: true })));
            assert.deepStrictEqual(result.failures!.map((f) => f.property), ["adopt"]);
            assert.match(result.failures![0].reason, /live value, or drop `adopt`/);
            assert.deepStrictEqual(warnings, []);
        });

        it("preview of an adoption that changes two things: both, joined with '; '", async () => {
            sm.on(DescribeModelCommand).resolves(modelDescribed());
            sm.on(ListTagsCommand).resolves({ Tags: [{ Key: "team", Value: "old" }] });
            const { warnings } = await capturingWarnings(() => model.check(settings, {}, modelInputs({ adopt: true, Tags: [{ Key: "team", Value: "ml" }, { Key: "cost", Value: "1" }] })));
            assert.deepStrictEqual(warnings, [`warning: Model "m": up adopts the existing model "m" in us-east-1 then updates tag "team" set to "ml"; tag "cost" set to "1".`]);
        });

        it("a description without an ARN: no ListTags (it needs one), the live resource has no tags", async () => {
            sm.on(DescribeModelCommand).resolves(modelDescribed({ ModelArn: undefined }));
            const { warnings } = await capturingWarnings(() => model.check(settings, {}, modelInputs({ adopt: true })));
            assert.deepStrictEqual(warnings, [`warning: Model "m": up adopts the existing model "m" in us-east-1 unchanged.`]);
            assert.strictEqual(sm.commandCalls(ListTagsCommand).length, 0);
        });

        it("adopt: false is no adoption: the model is created, an existing one is not looked for", async () => {
            sm.on(CreateModelCommand).resolves({ ModelArn: MODEL_ARN });
            sm.on(DescribeModelCommand).resolves(modelDescribed());
            await model.create(settings, modelInputs({ adopt: false }));
            assert.strictEqual(sm.commandCalls(CreateModelCommand).length, 1);
            assert.strictEqual(sm.commandCalls(ListTagsCommand).length, 0);
        });

        describe("a version (adopt: its number)", () => {
            const adoptable = (live: Props) => {
                sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ModelPackageVersion: 1, ModelPackageArn: versionArn(1) } as never] });
                sm.on(DescribeModelPackageCommand).resolves(versionDescribed(1, live) as never);
                sm.on(ListTagsCommand).resolves({ Tags: [] });
            };

            it("the live members are its old state: a live approval equal to the declared one is not updated again", async () => {
                adoptable({ ModelApprovalStatus: "Approved" });
                const { id } = await lifecycles.ModelPackage.create(settings, versionInputs({ adopt: 1, ModelApprovalStatus: "Approved" }));
                assert.strictEqual(id, versionArn(1));
                assert.strictEqual(sm.commandCalls(CreateModelPackageCommand).length, 0);
                assert.strictEqual(sm.commandCalls(UpdateModelPackageCommand).length, 0);
            });

            it("a live approval that differs: one UpdateModelPackage with it alone", async () => {
                adoptable({ ModelApprovalStatus: "PendingManualApproval" });
                await lifecycles.ModelPackage.create(settings, versionInputs({ adopt: 1, ModelApprovalStatus: "Approved" }));
                assert.deepStrictEqual(sm.commandCalls(UpdateModelPackageCommand).map((c) => c.args[0].input), [{ ModelPackageArn: versionArn(1), ModelApprovalStatus: "Approved" }]);
            });

            it("the version is gone when described after adopting: the outputs come from the description adopt read", async () => {
                sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ModelPackageVersion: 1, ModelPackageArn: versionArn(1) } as never] });
                sm.on(DescribeModelPackageCommand)
                    .resolvesOnce(versionDescribed(1) as never)
                    .rejects(awsError("ValidationException", `ModelPackage ${versionArn(1)} does not exist.`));
                sm.on(ListTagsCommand).resolves({ Tags: [] });
                const { id, outs } = await lifecycles.ModelPackage.create(settings, versionInputs({ adopt: 1 }));
                assert.strictEqual(id, versionArn(1));
                assert.strictEqual(outs.arn, versionArn(1));
                assert.strictEqual(outs.version, 1);
                assert.strictEqual(outs.status, "Completed");
            });
        });
    });

    describe("the work after the create call", () => {
        it("a version that fails validation: that error, and no second create (re-creating is only for a package that is gone)", async () => {
            sm.on(CreateModelPackageCommand).resolves({ ModelPackageArn: versionArn(1) });
            sm.on(DescribeModelPackageCommand).resolves(versionDescribed(1, {
                ModelPackageStatus: "Failed",
                ModelPackageStatusDetails: { ValidationStatuses: [{ Name: "v", Status: "Failed", FailureReason: "the image does not start" }] },
            }) as never);
            sm.on(DeleteModelPackageCommand).resolves({});
            const err = await rejection(lifecycles.ModelPackage.create(settings, versionInputs()));
            assert.match(err.message, /the image does not start/);
            assert.strictEqual(sm.commandCalls(CreateModelPackageCommand).length, 1);
        });

        it("a version that completes: one description (the wait's), none again after it", async () => {
            sm.on(CreateModelPackageCommand).resolves({ ModelPackageArn: versionArn(1) });
            sm.on(DescribeModelPackageCommand).resolves(versionDescribed(1) as never);
            await lifecycles.ModelPackage.create(settings, versionInputs({ Tags: [{ Key: "team", Value: "ml" }] }));
            assert.strictEqual(sm.commandCalls(DescribeModelPackageCommand).length, 1);
        });
    });
});
