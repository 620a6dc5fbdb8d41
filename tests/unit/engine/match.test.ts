// The one matching rule (engine/match.ts, docs/MODEL.md "Matching an existing resource") and the
// create request (engine/request.ts), on the real member tables. SageMaker's defaults and
// server-filled members are the API reference's (ContainerDefinition Mode defaults to SingleModel;
// CertifyForMarketplace to false; DescribeModelPackage reports ImageDigest in each container).
import * as assert from "assert";
import { adoptedTags, describeDifferences, fixedMembers, matches } from "../../../provider/engine/match";
import { createRequest } from "../../../provider/engine/request";
import { refreshedInputs } from "../../../provider/engine/state";
import type { KindSpec } from "../../../provider/engine/kind";
import { modelSpec } from "../../../provider/model/spec";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { IMAGE, ROLE } from "../model/fixtures";
import { spec, unversioned, versioned } from "../model-package/fixtures";

const model = modelSpec as KindSpec;
const pkg = modelPackageSpec as KindSpec;
const TAGS = [{ Key: "team", Value: "ml" }];

describe("matches: the one rule for adopt, lost-create recovery and refresh", () => {
    it("a container list: SageMaker's Mode default equals leaving it out, on every container, whichever side states it", () => {
        const declared = { ExecutionRoleArn: ROLE, Containers: [{ Image: IMAGE, Mode: "SingleModel" }, { Image: `${IMAGE}-2` }], Tags: TAGS };
        const live = { ExecutionRoleArn: ROLE, Containers: [{ Image: IMAGE }, { Image: `${IMAGE}-2`, Mode: "SingleModel" }], Tags: TAGS };
        assert.deepStrictEqual(matches(model, declared, live), []);
        const multi = { ...declared, Containers: [{ Image: IMAGE, Mode: "MultiModel" }, declared.Containers[1]] };
        assert.deepStrictEqual(matches(model, multi, live), ["Containers[0].Mode"]);
    });

    it("CertifyForMarketplace false is leaving it out; true is not", () => {
        assert.deepStrictEqual(matches(pkg, unversioned({ Tags: TAGS }), { ...unversioned(), CertifyForMarketplace: false, Tags: TAGS }), []);
        assert.deepStrictEqual(matches(pkg, unversioned({ Tags: TAGS }), { ...unversioned(), CertifyForMarketplace: true, Tags: TAGS }), ["CertifyForMarketplace"]);
    });

    it("ClientToken (never reported) is not compared, nor the name, nor ApprovalDescription (set after creation)", () => {
        const declared = unversioned({ ClientToken: "token-1", ApprovalDescription: "ok", Tags: TAGS });
        assert.deepStrictEqual(matches(pkg, declared, { ...unversioned({ ModelPackageName: "CHURN-standalone" }), Tags: TAGS }), []);
    });

    it("an additional specification's containers may carry SageMaker's ImageDigest", () => {
        const declared = versioned({ AdditionalInferenceSpecifications: [spec("neo")] });
        const plain = spec("neo") as { Containers: Record<string, unknown>[] };
        const withDigest = { ...plain, Containers: [{ ...plain.Containers[0], ImageDigest: "sha256:abc" }] };
        assert.deepStrictEqual(matches(pkg, declared, versioned({ AdditionalInferenceSpecifications: [withDigest] })), []);
    });
});

describe("refresh reads an additional specification back whole, without SageMaker's ImageDigest", () => {
    it("no drift when only the digest was added", () => {
        const declared = versioned({ AdditionalInferenceSpecifications: [spec("neo")] });
        const plain = spec("neo") as { Containers: Record<string, unknown>[] };
        const live = versioned({ AdditionalInferenceSpecifications: [{ ...plain, Containers: [{ ...plain.Containers[0], ImageDigest: "sha256:abc" }] }] });
        const refreshed = refreshedInputs(pkg, declared, live, [], "us-east-1");
        assert.deepStrictEqual(refreshed.AdditionalInferenceSpecifications, [spec("neo")]);
    });
});

describe("fixedMembers: what adopt cannot set", () => {
    const paths = ["ModelPackageDescription", "ModelApprovalStatus", "CustomerMetadataProperties.owner", "AdditionalInferenceSpecifications[0].Name", "Tags"];

    it("on an unversioned package (no UpdateModelPackage), every update-class member is fixed too; tags never are", () => {
        assert.deepStrictEqual(fixedMembers(pkg, unversioned(), paths),
            ["ModelPackageDescription", "ModelApprovalStatus", "CustomerMetadataProperties", "AdditionalInferenceSpecifications"]);
    });

    it("on a version, only the create-time members are", () => {
        assert.deepStrictEqual(fixedMembers(pkg, versioned(), paths), ["ModelPackageDescription"]);
    });
});

describe("createRequest", () => {
    it("a version's tags are not in CreateModelPackage (they are added right after); an unversioned package's are", () => {
        assert.ok(!("Tags" in createRequest(pkg, versioned({ Tags: TAGS }))));
        assert.deepStrictEqual(createRequest(pkg, unversioned({ Tags: TAGS })).Tags, TAGS);
        assert.deepStrictEqual(createRequest(model, { ModelName: "m", Tags: TAGS }).Tags, TAGS);
    });
});

describe("adopt's messages and tags (describeDifferences, adoptedTags)", () => {
    it("names each differing leaf path with the declared and the live value; Environment values are never shown", () => {
        const declared = { ExecutionRoleArn: ROLE, PrimaryContainer: { Image: `${IMAGE}-2`, Environment: { DB_PASSWORD: "declared-pw" } } };
        const live = { ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, Environment: { DB_PASSWORD: "live-pw" } } };
        const paths = matches(model, declared, live);
        assert.deepStrictEqual(paths, ["PrimaryContainer.Image", "PrimaryContainer.Environment.DB_PASSWORD"]);
        const said = describeDifferences(model, declared, live, paths);
        assert.deepStrictEqual(said, [
            `PrimaryContainer.Image (declared ${JSON.stringify(`${IMAGE}-2`)}, live ${JSON.stringify(IMAGE)})`,
            "PrimaryContainer.Environment.DB_PASSWORD (values not shown: Environment values may be secrets)",
        ]);
        // A whole container differing (one side absent) holds an Environment map: named, not shown.
        const whole = describeDifferences(model, { PrimaryContainer: declared.PrimaryContainer }, {}, ["PrimaryContainer"]);
        assert.ok(!whole[0].includes("-pw"), whole[0]);
    });

    it("keeps live tags the program does not declare by default, removes them with adoptTags \"remove\", never AWS's own", () => {
        const live = [{ Key: "team", Value: "ml" }, { Key: "owner", Value: "console" }, { Key: "aws:cloudformation:stack-id", Value: "x" }];
        const declared = [{ Key: "team", Value: "risk" }];
        assert.deepStrictEqual(adoptedTags(declared, live, undefined), { base: [{ Key: "team", Value: "ml" }], kept: ["owner"] });
        assert.deepStrictEqual(adoptedTags(declared, live, "keep"), { base: [{ Key: "team", Value: "ml" }], kept: ["owner"] });
        assert.deepStrictEqual(adoptedTags(declared, live, "remove"), { base: live.slice(0, 2), kept: [] });
    });
});
