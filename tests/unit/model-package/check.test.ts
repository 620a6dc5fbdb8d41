import * as assert from "assert";
import { checkModelPackage } from "../../../provider/model-package/package-check";
import { UNKNOWN } from "../../../provider/common/unknown";
import { unversioned, versioned, spec } from "./fixtures";

type Failure = { property: string; reason: string };
const settings = { region: "us-east-1" };

function failures(news: Record<string, unknown>, olds: Record<string, unknown> = {}): Failure[] {
    return (checkModelPackage(settings, olds, news).failures ?? []) as Failure[];
}

function expectFailure(news: Record<string, unknown>, property: string, constraint: string): Failure {
    const all = failures(news);
    const found = all.filter((f) => f.property === property);
    assert.strictEqual(found.length, 1, `expected one failure at ${property}, got ${JSON.stringify(all, null, 1)}`);
    assert.ok(found[0].reason.includes(`constraint: ${constraint}`), found[0].reason);
    assert.match(found[0].reason, /Fix: /);
    return found[0];
}

describe("ModelPackage check", () => {
    it("accepts a versioned package (group name) and an unversioned one", () => {
        assert.deepStrictEqual(failures(versioned({ ModelApprovalStatus: "Approved" })), []);
        assert.deepStrictEqual(failures(unversioned({ CertifyForMarketplace: false })), []);
    });

    it("accepts a group ARN", () => {
        const arn = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn";
        assert.deepStrictEqual(failures(versioned({ ModelPackageGroupName: arn })), []);
    });

    it("refuses both ModelPackageName and ModelPackageGroupName, saying which to remove", () => {
        const f = expectFailure(versioned({ ModelPackageName: "x" }), "ModelPackageName", "exclusive");
        assert.match(f.reason, /remove ModelPackageName/);
        assert.match(f.reason, /remove ModelPackageGroupName/);
    });

    it("refuses neither, naming both options", () => {
        const f = expectFailure({ InferenceSpecification: versioned().InferenceSpecification }, "ModelPackageGroupName", "required");
        assert.match(f.reason, /ModelPackageName/);
    });

    it("allows approval only on versioned packages", () => {
        expectFailure(unversioned({ ModelApprovalStatus: "Approved" }), "ModelApprovalStatus", "versionedOnly");
        expectFailure(unversioned({ ApprovalDescription: "ok" }), "ApprovalDescription", "versionedOnly");
    });

    it("allows CertifyForMarketplace only on unversioned packages", () => {
        expectFailure(versioned({ CertifyForMarketplace: true }), "CertifyForMarketplace", "unversionedOnly");
    });

    it("requires InferenceSpecification or SourceAlgorithmSpecification when unversioned", () => {
        expectFailure({ ModelPackageName: "p" }, "InferenceSpecification", "required");
        assert.deepStrictEqual(failures({ ModelPackageName: "p", SourceAlgorithmSpecification: {
            SourceAlgorithms: [{ AlgorithmName: "my-algo" }],
        } }), []);
        // Versions may be registered without one (e.g. a model card only).
        assert.deepStrictEqual(failures({ ModelPackageGroupName: "g" }), []);
    });

    it("requires InferenceSpecification with additional specifications, and unique names", () => {
        expectFailure({ ModelPackageGroupName: "g", AdditionalInferenceSpecifications: [spec("a")] }, "AdditionalInferenceSpecifications", "requires");
        expectFailure(versioned({ AdditionalInferenceSpecifications: [spec("a"), spec("a")] }), "AdditionalInferenceSpecifications", "unique");
    });

    it("reports shape issues with path, constraint and fix", () => {
        expectFailure(versioned({ ModelApprovalStatus: "Yes" }), "ModelApprovalStatus", "enum");
        expectFailure(versioned({ InferenceSpecification: { SupportedContentTypes: ["a"] } }), "InferenceSpecification.Containers", "required");
        const typo = expectFailure(versioned({ ModelApprovalStatuss: "Approved" }), "ModelApprovalStatuss", "unknownMember");
        assert.match(typo.reason, /statusTimeoutMinutes/);
    });

    it("checks our own settings", () => {
        expectFailure(versioned({ statusTimeoutMinutes: 0 }), "statusTimeoutMinutes", "range");
        expectFailure(versioned({ statusTimeoutMinutes: "10" }), "statusTimeoutMinutes", "range");
        expectFailure(versioned({ region: "useast1" }), "region", "pattern");
        assert.deepStrictEqual(failures(versioned({ region: "eu-west-1", statusTimeoutMinutes: 90 })), []);
    });

    it("skips unknown values (preview)", () => {
        assert.deepStrictEqual(failures(versioned({ ModelPackageGroupName: UNKNOWN, ModelApprovalStatus: UNKNOWN })), []);
        assert.deepStrictEqual(failures(versioned({ InferenceSpecification: { Containers: [{ Image: UNKNOWN }] } })), []);
    });

    it("never throws, whatever the inputs", () => {
        for (const garbage of [{ InferenceSpecification: 5 }, { Tags: "x", ModelPackageGroupName: 7 }, { AdditionalInferenceSpecifications: [null] }]) {
            const result = checkModelPackage(settings, {}, garbage as Record<string, unknown>);
            assert.ok((result.failures ?? []).length > 0);
        }
    });

    describe("ClientToken", () => {
        it("is generated once and kept from olds while nothing forces a replacement", () => {
            const first = checkModelPackage(settings, {}, versioned()).inputs!;
            assert.match(String(first.ClientToken), /^[0-9a-f-]{36}$/);
            const again = checkModelPackage(settings, first, versioned({ ModelApprovalStatus: "Approved" })).inputs!;
            assert.strictEqual(again.ClientToken, first.ClientToken);
        });

        it("is new when a change replaces the package (the old token would return the old package)", () => {
            const first = checkModelPackage(settings, {}, versioned()).inputs!;
            const replaced = checkModelPackage(settings, first, versioned({ Domain: "NLP" })).inputs!;
            assert.notStrictEqual(replaced.ClientToken, first.ClientToken);
        });

        it("is the user's when given", () => {
            assert.strictEqual(checkModelPackage(settings, {}, versioned({ ClientToken: "mine-1" })).inputs!.ClientToken, "mine-1");
        });
    });
});
