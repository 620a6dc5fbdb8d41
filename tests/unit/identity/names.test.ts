// Names from ARNs, name equality, the group key and stable JSON (provider/identity/). ARN forms are
// from the SageMaker API reference (ModelPackageGroupArn, ModelPackageArn: ".../model-package/<group>/<version>").
import * as assert from "assert";
import { groupKey, groupOfVersion, nameOf, sameName, versionOf } from "../../../provider/identity/names";
import { stableJson } from "../../../provider/identity/stable-json";

const GROUP_ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn";
const VERSION_ARN = "arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/12";
const GOV_VERSION_ARN = "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:model-package/churn/3";

describe("identities (provider/identity)", () => {
    it("nameOf: a group ARN gives its name; a name is itself", () => {
        assert.strictEqual(nameOf(GROUP_ARN), "churn");
        assert.strictEqual(nameOf("churn"), "churn");
        assert.strictEqual(nameOf("arn:aws:sagemaker:us-east-1:123456789012:model/my-model"), "my-model");
    });

    it("versionOf / groupOfVersion: a version ARN's number and group, in every partition; nothing for other text", () => {
        assert.strictEqual(versionOf(VERSION_ARN), 12);
        assert.strictEqual(groupOfVersion(VERSION_ARN), "churn");
        assert.strictEqual(versionOf(GOV_VERSION_ARN), 3);
        assert.strictEqual(groupOfVersion(GOV_VERSION_ARN), "churn");
        for (const text of [GROUP_ARN, "churn/12", `x${VERSION_ARN}`, "arn:aws:sagemaker:us-east-1:123456789012:model-package/unversioned", `${VERSION_ARN}x`]) {
            assert.strictEqual(versionOf(text), undefined, text);
            assert.strictEqual(groupOfVersion(text), undefined, text);
        }
    });

    it("sameName: case-insensitive, strings only", () => {
        assert.strictEqual(sameName("Fraud", "fraud"), true);
        assert.strictEqual(sameName("fraud", "fraud-2"), false);
        assert.strictEqual(sameName(undefined, undefined), false);
        assert.strictEqual(sameName("1", 1), false);
    });

    it("groupKey: a group by name or by ARN, in any case, is the same key", () => {
        assert.strictEqual(groupKey(GROUP_ARN), groupKey("Churn"));
        assert.notStrictEqual(groupKey("churn-2"), groupKey(GROUP_ARN));
        assert.strictEqual(groupKey(undefined), undefined);
    });

    it("stableJson: key order never matters, array order does, at every depth", () => {
        assert.strictEqual(stableJson({ b: 1, a: { d: [2, 1], c: null } }), '{"a":{"c":null,"d":[2,1]},"b":1}');
        assert.strictEqual(stableJson({ a: 1, b: 2 }), stableJson({ b: 2, a: 1 }));
        assert.notStrictEqual(stableJson([1, 2]), stableJson([2, 1]));
        assert.strictEqual(stableJson(undefined), "null");
    });
});
