import * as assert from "assert";
import { project } from "../../../provider/model-package/project";

describe("ModelPackage read projection", () => {
    it("keeps only declared structure members (AWS adds ImageDigest) but whole lists and maps", () => {
        const declared = { Containers: [{ Image: "img:1" }], SupportedContentTypes: ["text/csv"] };
        const actual = { Containers: [{ Image: "img:2", ImageDigest: "sha256:abc" }], SupportedContentTypes: ["text/csv", "application/json"] };
        assert.deepStrictEqual(project("InferenceSpecification", declared, actual),
            { Containers: [{ Image: "img:2" }], SupportedContentTypes: ["text/csv", "application/json"] });
    });

    it("shows map keys added outside the program", () => {
        assert.deepStrictEqual(project("CustomerMetadataMap", { a: "1" }, { a: "1", b: "2" }), { a: "1", b: "2" });
    });

    it("turns Dates into ISO strings and absent into undefined", () => {
        assert.strictEqual(project("Timestamp", "x", new Date(0)), "1970-01-01T00:00:00.000Z");
        assert.strictEqual(project("EntityDescription", "x", undefined), undefined);
    });
});
