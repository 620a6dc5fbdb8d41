// The guardrails govern the plugin's types as a fourth dialect: every member the pack inspects is
// spelled by the dialect as the plugin's schema spells it (the wire table, generated from the API
// model), and the policies judge a plugin resource as they judge the others.
import * as assert from "assert";
import * as fs from "fs";
import { sagemakerPlugin } from "../../../policy-pack/src/normalize/sagemaker-plugin";
import { normalize } from "../../../policy-pack/src/normalize";
import { networkIsolation, regionMatch } from "../../../policy-pack/src";
import { committedSchemaFiles } from "../../../plugin/schema/files";
import type { WireShape, WireTable } from "../../../plugin/schema/wire";
import { messages, runResourcePolicy } from "../../helpers/policy-args";

type Members = Record<string, { api: string; shape?: string }>;

describe("guardrails: the plugin's types as a dialect", () => {
    const wire = JSON.parse(fs.readFileSync(committedSchemaFiles().wire, "utf8")) as WireTable;
    const inspected = JSON.parse(fs.readFileSync(require.resolve("../../../policy-pack/src/generated/inspected-members.json"), "utf8")) as {
        members: Record<string, { path: string }[]>; dataSources: Record<string, string[]>;
    };

    /** The schema's spelling of each step of an API path, walking the wire table from the resource. */
    function schemaSteps(kind: string, path: string): { api: string; schema: string }[] {
        let members: Members | undefined = wire.resources[kind].members;
        const out: { api: string; schema: string }[] = [];
        for (const step of path.replace(/\[\]/g, "").split(".")) {
            const entry: [string, { api: string; shape?: string }] | undefined = Object.entries(members ?? {}).find(([, m]) => m.api === step);
            assert.ok(entry, `${kind}: ${path}: the schema has no member ${step}`);
            out.push({ api: step, schema: entry[0] });
            let shape: WireShape | undefined = entry[1].shape ? wire.shapes[entry[1].shape] : undefined;
            if (shape?.type === "list") {
                shape = wire.shapes[shape.member];
            }
            members = shape?.type === "structure" ? shape.members : undefined;
        }
        return out;
    }

    it("spells every inspected member as the plugin's schema does", () => {
        const kinds = { "model": "Model", "model-package": "ModelPackage" } as const;
        let checked = 0;
        for (const [packKind, kind] of Object.entries(kinds)) {
            const paths = [...inspected.members[packKind].map((m) => m.path), ...inspected.dataSources[packKind],
                ...(kind === "Model" ? ["EnableNetworkIsolation", "VpcConfig.Subnets", "VpcConfig.SecurityGroupIds"] : ["ModelApprovalStatus"])];
            for (const path of paths) {
                for (const { api, schema } of schemaSteps(kind, path)) {
                    assert.strictEqual(sagemakerPlugin.member(api), schema, `${kind}.${path}: ${api}`);
                    checked++;
                }
            }
        }
        assert.ok(checked > 100, `${checked} steps checked`);
    });

    it("governs sagemaker:index:Model and sagemaker:index:ModelPackage", () => {
        const view = normalize({ type: "sagemaker:index:Model", name: "m", urn: "urn:pulumi:dev::p::sagemaker:index:Model::m", props: {
            primaryContainer: { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:1", modelDataSource: { s3DataSource: { s3Uri: "s3://sagemaker-eu-west-1-123456789012/m/" } } },
            enableNetworkIsolation: false, region: "us-east-1",
        } });
        assert.ok(view);
        assert.strictEqual(view.representation, "sagemaker-plugin");
        assert.deepStrictEqual(view.locations.map((l) => l.path), ["primaryContainer.image", "primaryContainer.modelDataSource.s3DataSource.s3Uri"]);
        assert.ok(normalize({ type: "sagemaker:index:ModelPackage", name: "p", urn: "u", props: {} }));
    });

    it("network isolation: a plugin model without it is a violation naming the schema's member", async () => {
        const res = await runResourcePolicy(networkIsolation, { type: "sagemaker:index:Model", name: "fraud", props: {
            primaryContainer: { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1" }, enableNetworkIsolation: false, region: "us-east-1",
        } }, {});
        const [m] = messages(res, "mandatory");
        assert.match(m, /Model "fraud" \(sagemaker:index:Model\)/);
        assert.match(m, /enableNetworkIsolation is false/);
    });

    it("region match: an image in another region than the plugin model's region is a violation", async () => {
        const res = await runResourcePolicy(regionMatch, { type: "sagemaker:index:Model", name: "m", props: {
            primaryContainer: { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/x:1" }, enableNetworkIsolation: true, region: "us-east-1",
        } }, {});
        const [m] = messages(res, "mandatory");
        assert.match(m, /primaryContainer\.image/);
        assert.match(m, /eu-west-1/);
    });
});
