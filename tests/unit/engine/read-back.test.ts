// Read-back after create (engine/match.ts readBack, docs/MODEL.md "Read-back after create"): what the
// description reports against what was declared, on the real member tables. SageMaker's defaults
// and server-filled members are the API reference's (EnableNetworkIsolation defaults to false,
// ContainerDefinition Mode to SingleModel; DescribeModelPackage reports ImageDigest per container).
import * as assert from "assert";
import { readBack as readBackOf, valueAt } from "../../../provider/engine/match";
import { liveOf } from "../../../provider/engine/state";
import type { KindSpec } from "../../../provider/engine/kind";
import { modelSpec } from "../../../provider/model/spec";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { IMAGE, ROLE } from "../model/fixtures";
import { inferenceSpec, versioned } from "../model-package/fixtures";

const model = modelSpec as KindSpec;
/** As create calls it: with the description's live form. */
const readBack = (spec: KindSpec, resource: string, inputs: Record<string, unknown>, described: Record<string, unknown>) => readBackOf(spec, resource, inputs, liveOf(spec, described));
const pkg = modelPackageSpec as KindSpec;
const MODEL = `Model "churn"`;
const declaredModel = (extra: Record<string, unknown> = {}) => ({ ModelName: "churn", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, ...extra });

describe("read-back after create", () => {
    it("nothing to report when the description covers the request with SageMaker's defaults and server-filled members", () => {
        const inputs = declaredModel({ Tags: [{ Key: "team", Value: "ml" }] });
        const described = { ...declaredModel(), PrimaryContainer: { Image: IMAGE, Mode: "SingleModel", ImageDigest: "sha256:abc" }, EnableNetworkIsolation: false,
            ModelArn: "arn:aws:sagemaker:us-east-1:123456789012:model/churn" };
        const back = readBack(model, MODEL, inputs, described);
        assert.deepStrictEqual(back.warnings, []);
        assert.deepStrictEqual(back.stored, inputs);
    });

    it("a dropped EnableNetworkIsolation: one warning with the path, the stored and the declared value; the state records false", () => {
        const inputs = declaredModel({ EnableNetworkIsolation: true });
        const back = readBack(model, MODEL, inputs, { ...declaredModel(), EnableNetworkIsolation: false });
        assert.strictEqual(back.warnings.length, 1);
        assert.match(back.warnings[0], /^Model "churn": SageMaker stored EnableNetworkIsolation as false, not the declared true\. /);
        assert.strictEqual(back.stored.EnableNetworkIsolation, false);
        assert.deepStrictEqual(back.stored.PrimaryContainer, { Image: IMAGE });
    });

    it("a member left out of the description is left out of the state, and reported as absent", () => {
        const inputs = versioned({ ModelLifeCycle: { Stage: "Production", StageStatus: "Approved" } });
        const back = readBack(pkg, `ModelPackage "churn" version 1`, inputs, versioned());
        assert.strictEqual(back.warnings.length, 1);
        assert.match(back.warnings[0], /SageMaker stored ModelLifeCycle as absent, not the declared \{"Stage":"Production","StageStatus":"Approved"\}\. /);
        assert.strictEqual("ModelLifeCycle" in back.stored, false);
    });

    it("a reset approval is reported; members the user did not declare are not", () => {
        const inputs = versioned({ ModelApprovalStatus: "Approved" });
        const back = readBack(pkg, "v", inputs, versioned({ ModelApprovalStatus: "PendingManualApproval", CertifyForMarketplace: true }));
        assert.deepStrictEqual(back.warnings.map((w) => w.split(". ")[0]), [`v: SageMaker stored ModelApprovalStatus as "PendingManualApproval", not the declared "Approved"`]);
        assert.strictEqual(back.stored.ModelApprovalStatus, "PendingManualApproval");
    });

    it("a member that may hold secrets is named, its values never shown", () => {
        const inputs = declaredModel({ PrimaryContainer: { Image: IMAGE, Environment: { HF_TOKEN: "hf_secret_value" } } });
        const back = readBack(model, MODEL, inputs, { ...declaredModel(), PrimaryContainer: { Image: IMAGE, Environment: { HF_TOKEN: "hf_other_value" } } });
        assert.strictEqual(back.warnings.length, 1);
        assert.match(back.warnings[0], /PrimaryContainer\.Environment\.HF_TOKEN otherwise than declared \(values not shown/);
        assert.doesNotMatch(back.warnings[0], /hf_secret_value|hf_other_value/);
    });

    it("values inside lists are found by their path", () => {
        assert.strictEqual(valueAt({ Containers: [{ Image: "a" }, { Image: "b" }] }.Containers, "Containers", "Containers[1].Image"), "b");
        assert.strictEqual(valueAt(inferenceSpec(), "InferenceSpecification", "InferenceSpecification.SupportedContentTypes[0]"), "text/csv");
        assert.strictEqual(valueAt(undefined, "X", "X.Y"), undefined);
    });
});
