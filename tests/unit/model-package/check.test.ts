import * as assert from "assert";
import { checkInputs } from "../../../provider/engine/check";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { UNKNOWN } from "../../../provider/common/unknown";
import { unversioned, versioned, spec } from "./fixtures";

type Failure = { property: string; reason: string };
const settings = { region: "us-east-1" };
const checkModelPackage = (s: typeof settings, olds: Record<string, unknown>, news: Record<string, unknown>) => checkInputs(modelPackageSpec, s, olds, news);

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
        assert.doesNotMatch(typo.reason, /logicalName|autoNamed|clientTokenScope/);
        // ApprovalDescription is a member of ours to the user (set right after creation), the create-time members are not.
        assert.match(typo.reason, /our own settings are [^.]*\bApprovalDescription\b/);
        assert.doesNotMatch(typo.reason, /our own settings are [^.]*\bInferenceSpecification\b/);
    });

    it("ApprovalDescription, not a CreateModelPackage member, is checked against UpdateModelPackage's shape (at most 1024 characters)", () => {
        assert.deepStrictEqual(failures(versioned({ ApprovalDescription: "a".repeat(1024) })), []);
        const f = expectFailure(versioned({ ApprovalDescription: "a".repeat(1025) }), "ApprovalDescription", "max");
        assert.match(f.reason, /1024/);
        assert.deepStrictEqual(failures(versioned({ ApprovalDescription: UNKNOWN })), []);
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

    describe("ClientToken (CreateModelPackage: 1-36 characters of [a-zA-Z0-9-])", () => {
        const scope = "project\nstack\n\nchurn-v1";
        const TOKEN = /^[a-zA-Z0-9-]{1,36}$/;

        it("is derived from the scope and the request: a re-run after a kill (no state yet) sends the same one", () => {
            const first = checkModelPackage(settings, {}, versioned({ __clientTokenScope: scope })).inputs!;
            assert.match(String(first.ClientToken), TOKEN);
            const rerun = checkModelPackage(settings, {}, versioned({ __clientTokenScope: scope })).inputs!;
            assert.strictEqual(rerun.ClientToken, first.ClientToken);
        });

        it("differs for another request, another logical name or another stack", () => {
            const first = checkModelPackage(settings, {}, versioned({ __clientTokenScope: scope })).inputs!.ClientToken;
            assert.notStrictEqual(checkModelPackage(settings, {}, versioned({ __clientTokenScope: scope, Domain: "NLP" })).inputs!.ClientToken, first);
            assert.notStrictEqual(checkModelPackage(settings, {}, versioned({ __clientTokenScope: "project\nstack\n\nchurn-v2" })).inputs!.ClientToken, first);
            assert.notStrictEqual(checkModelPackage(settings, {}, versioned({ __clientTokenScope: "project\nprod\n\nchurn-v1" })).inputs!.ClientToken, first);
        });

        it("is left for deploy time while the request holds values not known yet (preview)", () => {
            const inputs = checkModelPackage(settings, {}, versioned({ __clientTokenScope: scope, ModelPackageDescription: UNKNOWN })).inputs!;
            assert.ok(!("ClientToken" in inputs));
        });

        it("without a scope: random, kept from olds, new for a replacement (empty olds)", () => {
            const first = checkModelPackage(settings, {}, versioned()).inputs!;
            assert.match(String(first.ClientToken), TOKEN);
            const again = checkModelPackage(settings, first, versioned({ ModelApprovalStatus: "Approved" })).inputs!;
            assert.strictEqual(again.ClientToken, first.ClientToken);
            assert.notStrictEqual(checkModelPackage(settings, {}, versioned()).inputs!.ClientToken, first.ClientToken);
        });

        it("is the user's when given", () => {
            assert.strictEqual(checkModelPackage(settings, {}, versioned({ ClientToken: "mine-1", __clientTokenScope: scope })).inputs!.ClientToken, "mine-1");
        });
    });
});
