// The data the policies read is what scripts/generate-policy-data.ts makes from AWS's sources (the
// committed API model, the SDK's partitions): a committed file that differs fails here until regenerated
// (`npm run generate:policy-data`). The members the issue names are listed independently below.
import * as assert from "assert";
import * as fs from "fs";
import {
    committedMembers, DOCS_END, DOCS_PATH, DOCS_START, json, MEMBERS_PATH, membersMarkdown, PARTITIONS_PATH, partitionTable, sdkPartitions,
} from "../../../scripts/generate-policy-data";

describe("generated policy data", () => {
    const members = committedMembers();

    it("inspected-members.json is what the generator makes from the API model", () => {
        assert.strictEqual(fs.readFileSync(MEMBERS_PATH, "utf8"), json(members));
    });

    it("partitions.json is what the generator makes from the SDK's partitions", async () => {
        const { info, sdkVersion } = await sdkPartitions();
        assert.strictEqual(fs.readFileSync(PARTITIONS_PATH, "utf8"), json(partitionTable(info, sdkVersion)));
    });

    it("docs/POLICIES.md lists exactly the generated members", () => {
        const docs = fs.readFileSync(DOCS_PATH, "utf8");
        assert.strictEqual(docs.slice(docs.indexOf(DOCS_START), docs.indexOf(DOCS_END) + DOCS_END.length), membersMarkdown(members));
    });

    it("covers the locations the pack once missed, and every partition (issue 13)", async () => {
        const paths = (kind: "model" | "model-package") => members.members[kind].map(m => `${m.path} ${m.kind}`);
        for (const p of [
            "PrimaryContainer.ModelDataSource.S3DataSource.ManifestS3Uri s3",
            "Containers[].AdditionalModelDataSources[].S3DataSource.S3Uri s3",
            "PrimaryContainer.ImageConfig.RepositoryAuthConfig.RepositoryCredentialsProviderArn arn",
            "ExecutionRoleArn arn",
        ]) {
            assert.ok(paths("model").includes(p), p);
        }
        for (const p of [
            "InferenceSpecification.Containers[].AdditionalS3DataSource.S3Uri s3",
            "SecurityConfig.KmsKeyId kms",
            "SourceUri uri",
            "ModelPackageGroupName arn-or-name",
            "ValidationSpecification.ValidationProfiles[].TransformJobDefinition.TransformOutput.KmsKeyId kms",
            "ModelMetrics.ModelQuality.Statistics.S3Uri s3",
            "SamplePayloadUrl s3",
        ]) {
            assert.ok(paths("model-package").includes(p), p);
        }
        assert.deepStrictEqual(members.dataSources.model, [
            "PrimaryContainer.ModelDataSource.S3DataSource", "PrimaryContainer.AdditionalModelDataSources[].S3DataSource",
            "Containers[].ModelDataSource.S3DataSource", "Containers[].AdditionalModelDataSources[].S3DataSource",
        ]);
        const { info } = await sdkPartitions();
        assert.deepStrictEqual(info.partitions.map(p => p.id).sort(), ["aws", "aws-cn", "aws-eusc", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-us-gov"]);
    });
});
