// Values between the schema's names and the API's: structure members renamed, map keys never.
import * as assert from "assert";
import * as fs from "fs";
import { Renamer } from "../../../plugin/rename";
import { committedSchemaFiles } from "../../../plugin/schema/files";
import { UNKNOWN } from "../../../provider/common/unknown";

describe("plugin renaming", () => {
    const renamer = new Renamer(JSON.parse(fs.readFileSync(committedSchemaFiles().wire, "utf8")));

    it("renames nested members, keeps environment variable names and own settings", () => {
        const schema = {
            modelName: "m", region: "eu-west-1",
            primaryContainer: { image: "img", environment: { myVar: "1", SAGEMAKER_PROGRAM: "x" }, modelDataSource: { s3DataSource: { s3Uri: "s3://b/k", s3DataType: "S3Prefix" } } },
            containers: [{ image: "a" }, { containerHostname: "h" }],
            tags: [{ key: "team", value: "ml" }],
        };
        const api = {
            ModelName: "m", region: "eu-west-1",
            PrimaryContainer: { Image: "img", Environment: { myVar: "1", SAGEMAKER_PROGRAM: "x" }, ModelDataSource: { S3DataSource: { S3Uri: "s3://b/k", S3DataType: "S3Prefix" } } },
            Containers: [{ Image: "a" }, { ContainerHostname: "h" }],
            Tags: [{ Key: "team", Value: "ml" }],
        };
        assert.deepStrictEqual(renamer.toApi("Model", schema), api);
        assert.deepStrictEqual(renamer.fromApi("Model", api), schema);
    });

    it("passes unknown values and unknown members through", () => {
        assert.deepStrictEqual(renamer.toApi("Model", { primaryContainer: UNKNOWN, containers: [UNKNOWN], typo: 1 }),
            { PrimaryContainer: UNKNOWN, Containers: [UNKNOWN], typo: 1 });
    });

    it("renames check failure paths", () => {
        assert.strictEqual(renamer.pathFromApi("Model", "PrimaryContainer.Environment.MY_VAR"), "primaryContainer.environment.MY_VAR");
        assert.strictEqual(renamer.pathFromApi("Model", "Containers[1].ModelDataSource.S3DataSource.S3Uri"), "containers[1].modelDataSource.s3DataSource.s3Uri");
        assert.strictEqual(renamer.pathFromApi("ModelPackage", "InferenceSpecification.Containers[0].Image"), "inferenceSpecification.containers[0].image");
        assert.strictEqual(renamer.pathFromApi("Model", "region"), "region");
    });

    it("renames computed outputs described by an API shape (a package's status details)", () => {
        assert.deepStrictEqual(renamer.fromApi("ModelPackage", { statusDetails: { ValidationStatuses: [{ Name: "v", Status: "Completed" }] } }),
            { statusDetails: { validationStatuses: [{ name: "v", status: "Completed" }] } });
    });
});
