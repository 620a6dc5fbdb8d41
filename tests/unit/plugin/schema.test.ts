// The plugin's committed schema and wire table are what the generator makes of the member specs
// and the committed API model; and the schema says what AWS's documentation and Pulumi's naming
// convention say (expected values are literal, from the API reference and aws-native's names).
import * as assert from "assert";
import * as fs from "fs";
import { committedSchemaFiles } from "../../../plugin/schema/files";
import { renderGenerated } from "../../../scripts/plugin/schema-generator";
import { camelName } from "../../../plugin/schema/names";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function firstDifference(actual: string, expected: string): string {
    const a = actual.split("\n"), e = expected.split("\n");
    const line = a.findIndex((l, i) => l !== e[i]);
    return `line ${line + 1}:\n  committed: ${a[line]?.slice(0, 200)}\n  generated: ${e[line]?.slice(0, 200)}`;
}

describe("plugin schema", () => {
    const files = committedSchemaFiles();
    const schema = JSON.parse(fs.readFileSync(files.schema, "utf8")) as Json;
    const resource = (kind: string): Json => schema.resources[`sagemaker:index:${kind}`];
    const type = (name: string): Json => schema.types[`sagemaker:index:${name}`];

    it("schema/sagemaker.json and schema/wire.json are what the generator makes now (no drift)", () => {
        const generated = renderGenerated();
        const committedSchema = fs.readFileSync(files.schema, "utf8");
        const committedWire = fs.readFileSync(files.wire, "utf8");
        assert.ok(committedSchema === generated.schema, `schema/sagemaker.json is stale at ${firstDifference(committedSchema, generated.schema)}\nFix: npm run generate:plugin-schema`);
        assert.ok(committedWire === generated.wire, `schema/wire.json is stale at ${firstDifference(committedWire, generated.wire)}\nFix: npm run generate:plugin-schema`);
    });

    it("names members in camelCase as aws-native spells them", () => {
        const table: [string, string][] = [
            ["PrimaryContainer", "primaryContainer"], ["ExecutionRoleArn", "executionRoleArn"], ["S3Uri", "s3Uri"],
            ["KmsKeyId", "kmsKeyId"], ["VpcConfig", "vpcConfig"], ["ModelDataUrl", "modelDataUrl"], ["Tags", "tags"],
            ["EnableNetworkIsolation", "enableNetworkIsolation"], ["S3DataSource", "s3DataSource"],
        ];
        for (const [api, expected] of table) {
            assert.strictEqual(camelName(api), expected, api);
        }
        assert.deepStrictEqual(Object.keys(resource("Model").inputProperties).sort(), [
            "adopt", "adoptTags", "containers", "enableNetworkIsolation", "executionRoleArn", "inferenceExecutionConfig", "modelName",
            "primaryContainer", "region", "tags", "vpcConfig",
        ]);
    });

    it("serves the three kinds and the three registry lookups", () => {
        assert.deepStrictEqual(Object.keys(schema.resources).sort(),
            ["sagemaker:index:Model", "sagemaker:index:ModelPackage", "sagemaker:index:ModelPackageGroup"]);
        assert.deepStrictEqual(Object.keys(schema.functions).sort(), ["sagemaker:index:getLatestModelPackageVersion",
            "sagemaker:index:getModelPackageVersion", "sagemaker:index:getModelPackageVersions"]);
    });

    it("types members from the API model: objects, lists, maps, enums with their values", () => {
        // ContainerDefinition (API reference): Mode is SingleModel | MultiModel; Environment a string map.
        const container = type("ContainerDefinition");
        assert.deepStrictEqual(container.properties.mode, { $ref: "#/types/sagemaker:index:ContainerMode", description: container.properties.mode.description });
        assert.deepStrictEqual(type("ContainerMode").enum, [{ value: "SingleModel" }, { value: "MultiModel" }]);
        assert.deepStrictEqual(container.properties.environment.additionalProperties, { type: "string" });
        assert.strictEqual(container.properties.environment.secret, true, "container environments may hold secrets");
        assert.deepStrictEqual(resource("Model").inputProperties.containers.items, { $ref: "#/types/sagemaker:index:ContainerDefinition" });
        // ModelApprovalStatus: Approved | Rejected | PendingManualApproval.
        assert.deepStrictEqual(type("ModelApprovalStatus").enum.map((e: Json) => e.value).sort(), ["Approved", "PendingManualApproval", "Rejected"]);
        // Tag: Key and Value, both required.
        assert.deepStrictEqual(type("Tag").required, ["key", "value"]);
        assert.strictEqual(resource("Model").inputProperties.enableNetworkIsolation.type, "boolean");
    });

    it("marks what replaces: every Model member but tags; a package's approval is updated in place", () => {
        const model = resource("Model").inputProperties;
        for (const p of ["modelName", "primaryContainer", "containers", "executionRoleArn", "vpcConfig", "enableNetworkIsolation", "inferenceExecutionConfig", "region"]) {
            assert.strictEqual(model[p].replaceOnChanges, true, p);
        }
        assert.strictEqual(model.tags.replaceOnChanges, undefined);
        const pkg = resource("ModelPackage").inputProperties;
        assert.strictEqual(pkg.modelApprovalStatus.replaceOnChanges, undefined);
        assert.strictEqual(pkg.customerMetadataProperties.replaceOnChanges, undefined);
        assert.strictEqual(pkg.modelPackageGroupName.replaceOnChanges, true);
    });

    it("requires what CreateModel requires, but not a generated name", () => {
        assert.strictEqual(resource("Model").requiredInputs, undefined, "ModelName is generated when left out");
        assert.strictEqual(resource("ModelPackageGroup").requiredInputs, undefined);
    });

    it("documents members from the API reference", () => {
        assert.match(resource("Model").inputProperties.executionRoleArn.description, /IAM role/);
    });

    it("has no setting the plugin fills in itself", () => {
        for (const kind of ["Model", "ModelPackage", "ModelPackageGroup"]) {
            for (const hidden of ["logicalName", "autoNamed", "autoNameScope", "clientTokenScope", "__logicalName", "__autoNamed", "__autoNameScope", "__clientTokenScope"]) {
                assert.strictEqual(resource(kind).inputProperties[hidden], undefined, `${kind}.${hidden}`);
            }
        }
    });
});
