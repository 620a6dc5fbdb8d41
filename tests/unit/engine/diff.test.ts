// The engine's diff, on what the specs of the kinds share: values compared as data, whatever their keys.
import * as assert from "assert";
import { diffInputs, planUpdate } from "../../../provider/engine/diff";
import { modelSpec } from "../../../provider/model/spec";
import { modelPackageSpec } from "../../../provider/model-package/spec";
import { inferenceSpecification, IMAGE, ROLE } from "../../scenarios/kinds";
import { UNKNOWN } from "../../../provider/common/unknown";
import { withEnv } from "../../helpers/env";

type Props = Record<string, unknown>;
const settings = { region: "us-east-1" };

/** A container Environment parsed from JSON, as inputs arrive: `__proto__` is an own key there. */
function environment(json: string): Props {
    return JSON.parse(json) as Props;
}

describe("engine diff", () => {
    describe("Environment variables are data, whatever their names", () => {
        const model = (env: Props): Props => ({ ModelName: "m", __autoNamed: false, region: "us-east-1", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE, Environment: env } });

        it("a change of a variable named __proto__ replaces the model", () => {
            const d = diffInputs(modelSpec, settings, model(environment('{"__proto__": "a"}')), model(environment('{"__proto__": "b"}')));
            assert.deepStrictEqual(d.replaces, ["PrimaryContainer"]);
        });

        it("adding or removing a variable named __proto__ or constructor is a change", () => {
            for (const json of ['{"__proto__": "a"}', '{"constructor": "x"}']) {
                assert.deepStrictEqual(diffInputs(modelSpec, settings, model({}), model(environment(json))).replaces, ["PrimaryContainer"], json);
                assert.deepStrictEqual(diffInputs(modelSpec, settings, model(environment(json)), model({})).replaces, ["PrimaryContainer"], json);
            }
        });

        it("the same __proto__ value is no change", () => {
            assert.strictEqual(diffInputs(modelSpec, settings, model(environment('{"__proto__": "a"}')), model(environment('{"__proto__": "a"}'))).changes, false);
        });

        it("a version's InferenceSpecification update sends a __proto__ variable as an own key", () => {
            const spec = (env: Props) => ({ ...inferenceSpecification(), Containers: [{ Image: IMAGE, Environment: env }] });
            const olds = { ModelPackageGroupName: "g", region: "us-east-1", InferenceSpecification: spec(environment('{"__proto__": "a"}')) };
            const news = { ...olds, InferenceSpecification: spec(environment('{"__proto__": "b"}')) };
            const request = planUpdate(modelPackageSpec, olds, news).request as { InferenceSpecification: { Containers: { Environment: Props }[] } };
            assert.ok(Object.prototype.hasOwnProperty.call(request.InferenceSpecification.Containers[0].Environment, "__proto__"));
            assert.strictEqual(JSON.stringify(request.InferenceSpecification.Containers[0].Environment), '{"__proto__":"b"}');
        });
    });

    describe("AdditionalInferenceSpecifications (append-only through UpdateModelPackage)", () => {
        const extra = (name: string) => ({ Name: name, Containers: [{ Image: IMAGE }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] });
        const base = { InferenceSpecification: inferenceSpecification(), region: "us-east-1", AdditionalInferenceSpecifications: [extra("a")] };

        it("appending to a version is an in-place AdditionalInferenceSpecificationsToAdd", () => {
            const olds = { ...base, ModelPackageGroupName: "g" };
            const news = { ...olds, AdditionalInferenceSpecifications: [extra("a"), extra("b")] };
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, olds, news), { changes: true, replaces: [], deleteBeforeReplace: false });
            assert.deepStrictEqual(planUpdate(modelPackageSpec, olds, news).request, { AdditionalInferenceSpecificationsToAdd: [extra("b")] });
        });

        it("appending to an unversioned package replaces it (UpdateModelPackage updates versions only)", () => {
            const olds = { ...base, ModelPackageName: "p" };
            const news = { ...olds, AdditionalInferenceSpecifications: [extra("a"), extra("b")] };
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, olds, news),
                { changes: true, replaces: ["AdditionalInferenceSpecifications"], deleteBeforeReplace: true });
            assert.strictEqual(planUpdate(modelPackageSpec, olds, news).request, undefined);
        });

        // UpdateModelPackage only adds (AdditionalInferenceSpecificationsToAdd): any other change makes a new package.
        const version = { ...base, ModelPackageGroupName: "g" };
        const replaces = (news: Props) => {
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, version, news).replaces, ["AdditionalInferenceSpecifications"]);
            assert.strictEqual(planUpdate(modelPackageSpec, version, news).request, undefined, "nothing is sent in place");
        };

        it("changing an existing one replaces the version", () => {
            replaces({ ...version, AdditionalInferenceSpecifications: [{ ...extra("a"), SupportedContentTypes: ["application/json"] }] });
        });

        it("removing one replaces the version", () => {
            replaces({ ...version, AdditionalInferenceSpecifications: [] });
        });

        it("a list not known yet (preview) replaces it, even where there was none", () => {
            replaces({ ...version, AdditionalInferenceSpecifications: UNKNOWN });
            const none = { InferenceSpecification: inferenceSpecification(), region: "us-east-1", ModelPackageGroupName: "g" };
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, none, { ...none, AdditionalInferenceSpecifications: UNKNOWN }).replaces, ["AdditionalInferenceSpecifications"]);
        });

        it("the same ones in another order: no change (they are matched by Name)", () => {
            const olds = { ...version, AdditionalInferenceSpecifications: [extra("a"), extra("b")] };
            const news = { ...olds, AdditionalInferenceSpecifications: [extra("b"), extra("a")] };
            assert.strictEqual(diffInputs(modelPackageSpec, settings, olds, news).changes, false);
            assert.strictEqual(planUpdate(modelPackageSpec, olds, news).request, undefined);
        });

        it("adding the first one to an unversioned package replaces it too", () => {
            const olds = { InferenceSpecification: inferenceSpecification(), region: "us-east-1", ModelPackageName: "p" };
            const news = { ...olds, AdditionalInferenceSpecifications: [extra("a")] };
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, olds, news).replaces, ["AdditionalInferenceSpecifications"]);
        });
    });

    describe("what an in-place update of a version sends (UpdateModelPackage)", () => {
        const version = { ModelPackageGroupName: "g", InferenceSpecification: inferenceSpecification(), region: "us-east-1", ClientToken: "a" };

        it("a different ClientToken (never reported by SageMaker, used once at create) is no change", () => {
            assert.strictEqual(diffInputs(modelPackageSpec, settings, version, { ...version, ClientToken: "b" }).changes, false);
            assert.strictEqual(planUpdate(modelPackageSpec, version, { ...version, ClientToken: "b" }).request, undefined);
            assert.strictEqual(diffInputs(modelPackageSpec, settings, version, { ...version, ClientToken: UNKNOWN }).changes, false, "nor one not known yet (preview)");
        });

        it("CustomerMetadataProperties: the keys added or changed in it, the keys removed in CustomerMetadataPropertiesToRemove", () => {
            const olds = { ...version, CustomerMetadataProperties: { a: "1", b: "2" } };
            assert.deepStrictEqual(planUpdate(modelPackageSpec, olds, { ...olds, CustomerMetadataProperties: { a: "1", b: "20", c: "3" } }).request,
                { CustomerMetadataProperties: { b: "20", c: "3" } });
            assert.deepStrictEqual(planUpdate(modelPackageSpec, olds, { ...olds, CustomerMetadataProperties: { a: "1" } }).request,
                { CustomerMetadataPropertiesToRemove: ["b"] });
        });

        it("a member fixed at creation is never sent in place (its change is a replacement)", () => {
            const news = { ...version, ModelPackageDescription: "new" };
            assert.deepStrictEqual(diffInputs(modelPackageSpec, settings, version, news).replaces, ["ModelPackageDescription"]);
            assert.strictEqual(planUpdate(modelPackageSpec, version, news).request, undefined);
        });
    });

    describe("region: the region the resource resolves to", () => {
        const model = (region?: unknown): Props => ({ ModelName: "m", ExecutionRoleArn: ROLE, PrimaryContainer: { Image: IMAGE }, ...(region === undefined ? {} : { region }) });
        const NO_REGION = { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };

        it("another region replaces the resource", () => {
            assert.deepStrictEqual(diffInputs(modelSpec, settings, model("us-east-1"), model("eu-west-1")).replaces, ["region"]);
        });

        it("a region not known yet (preview) replaces it, even for a state that recorded none", () => {
            assert.deepStrictEqual(diffInputs(modelSpec, settings, model(), model(UNKNOWN)).replaces, ["region"]);
        });

        it("a state that recorded no region: no change (where it lives is not known to differ)", () => {
            assert.strictEqual(diffInputs(modelSpec, settings, model(), model("eu-west-1")).changes, false);
        });

        it("no region for the new inputs anywhere (the SDK's own chain decides): no change", () => {
            withEnv(NO_REGION, () => {
                assert.strictEqual(diffInputs(modelSpec, {}, model("us-east-1"), model()).changes, false);
            });
        });
    });
});
