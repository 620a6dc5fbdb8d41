import * as assert from "assert";
import { diffInputs } from "../../../provider/engine/diff";
import { modelSpec } from "../../../provider/model/spec";
import { UNKNOWN } from "../../../provider/common/unknown";
import { IMAGE, ROLE } from "./fixtures";

const settings = { region: "us-east-1" };
const diffModel = (s: typeof settings, o: Record<string, unknown>, n: Record<string, unknown>) => diffInputs(modelSpec, s, o, n);

/** Old outputs as create stores them: the checked inputs plus computed outputs. */
function olds(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        __provider: "p1",
        __logicalName: "m",
        __autoNamed: true,
        ModelName: "m-1234567",
        ExecutionRoleArn: ROLE,
        PrimaryContainer: { Image: IMAGE, Environment: { A: "1" } },
        Tags: [{ Key: "team", Value: "ml" }, { Key: "env", Value: "dev" }],
        arn: "arn:aws:sagemaker:us-east-1:123456789012:model/m-1234567",
        name: "m-1234567",
        region: "us-east-1",
        creationTime: "2024-01-01T00:00:00.000Z",
        model: {},
        ...extra,
    };
}

function news(extra: Record<string, unknown> = {}): Record<string, unknown> {
    const { arn: _a, name: _n, region: _r, creationTime: _c, model: _m, ...inputs } = olds();
    return { ...inputs, ...extra };
}

describe("Model diff", () => {
    it("no change: changes=false, explicit empty replaces", () => {
        assert.deepStrictEqual(diffModel(settings, olds(), news()), { changes: false, replaces: [], deleteBeforeReplace: false });
    });

    it("tag order and aws: tags do not count as changes", () => {
        const reordered = news({ Tags: [{ Key: "env", Value: "dev" }, { Key: "team", Value: "ml" }] });
        assert.strictEqual(diffModel(settings, olds(), reordered).changes, false);
        const withSystem = olds({ Tags: [{ Key: "team", Value: "ml" }, { Key: "env", Value: "dev" }, { Key: "aws:cloudformation:stack-name", Value: "s" }] });
        assert.strictEqual(diffModel(settings, withSystem, news()).changes, false);
    });

    it("tag changes update in place", () => {
        for (const Tags of [[{ Key: "team", Value: "ai" }], [], undefined, [{ Key: "team", Value: "ml" }, { Key: "env", Value: "dev" }, { Key: "x", Value: "y" }]]) {
            const d = diffModel(settings, olds(), news({ Tags }));
            assert.deepStrictEqual(d, { changes: true, replaces: [], deleteBeforeReplace: false }, JSON.stringify(Tags));
        }
    });

    it("unknown tags are a possible in-place change", () => {
        assert.deepStrictEqual(diffModel(settings, olds(), news({ Tags: UNKNOWN })), { changes: true, replaces: [], deleteBeforeReplace: false });
        assert.deepStrictEqual(diffModel(settings, olds(), news({ Tags: [{ Key: "team", Value: UNKNOWN }] })).replaces, []);
    });

    it("any other member change replaces (create-before-delete with a generated name)", () => {
        const cases: Record<string, unknown> = {
            PrimaryContainer: { Image: `${IMAGE}-v2`, Environment: { A: "1" } },
            ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other",
            VpcConfig: { SecurityGroupIds: ["sg-1"], Subnets: ["subnet-1"] },
            EnableNetworkIsolation: true,
            InferenceExecutionConfig: { Mode: "Direct" },
            Containers: [{ Image: IMAGE }],
        };
        for (const [member, value] of Object.entries(cases)) {
            const d = diffModel(settings, olds(), news({ [member]: value }));
            assert.deepStrictEqual(d, { changes: true, replaces: [member], deleteBeforeReplace: false }, member);
        }
    });

    it("an environment value change replaces", () => {
        const d = diffModel(settings, olds(), news({ PrimaryContainer: { Image: IMAGE, Environment: { A: "2" } } }));
        assert.deepStrictEqual(d.replaces, ["PrimaryContainer"]);
    });

    it("unknown values in replace-only members replace", () => {
        for (const value of [UNKNOWN, { Image: UNKNOWN, Environment: { A: "1" } }]) {
            const d = diffModel(settings, olds(), news({ PrimaryContainer: value }));
            assert.deepStrictEqual(d.replaces, ["PrimaryContainer"]);
            assert.strictEqual(d.changes, true);
        }
    });

    it("server-side defaults and empty values are not changes", () => {
        const described = olds({ PrimaryContainer: { Image: IMAGE, Mode: "SingleModel", Environment: { A: "1" } }, EnableNetworkIsolation: false, VpcConfig: null });
        assert.strictEqual(diffModel(settings, described, news()).changes, false);
        assert.strictEqual(diffModel(settings, olds({ PrimaryContainer: { Image: IMAGE, Environment: { A: "1" }, AdditionalModelDataSources: [] } }), news()).changes, false);
    });

    it("a user-fixed name forces delete-before-replace when it stays the same", () => {
        const fixed = { ModelName: "fixed", __autoNamed: false };
        const d = diffModel(settings, olds(fixed), news({ ...fixed, ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other" }));
        assert.deepStrictEqual(d, { changes: true, replaces: ["ExecutionRoleArn"], deleteBeforeReplace: true });
        const caseOnly = diffModel(settings, olds(fixed), news({ ModelName: "FIXED", __autoNamed: false }));
        assert.deepStrictEqual(caseOnly, { changes: true, replaces: ["ModelName"], deleteBeforeReplace: true });
    });

    it("renaming a fixed name replaces without delete-before-replace; an unknown fixed name is assumed equal", () => {
        const d = diffModel(settings, olds({ ModelName: "fixed", __autoNamed: false }), news({ ModelName: "other", __autoNamed: false }));
        assert.deepStrictEqual(d, { changes: true, replaces: ["ModelName"], deleteBeforeReplace: false });
        const u = diffModel(settings, olds({ ModelName: "fixed", __autoNamed: false }), news({ ModelName: UNKNOWN, __autoNamed: false }));
        assert.deepStrictEqual(u, { changes: true, replaces: ["ModelName"], deleteBeforeReplace: true });
    });

    it("a tag-only change with a fixed name stays an update", () => {
        const fixed = { ModelName: "fixed", __autoNamed: false };
        const d = diffModel(settings, olds(fixed), news({ ...fixed, Tags: [] }));
        assert.deepStrictEqual(d, { changes: true, replaces: [], deleteBeforeReplace: false });
    });

    it("a changed serialized provider is an update, so upgrades reach existing resources", () => {
        assert.deepStrictEqual(diffModel(settings, olds(), news({ __provider: "p2" })), { changes: true, replaces: [], deleteBeforeReplace: false });
    });

    it("region: explicit or effective change replaces; same effective region does not", () => {
        assert.deepStrictEqual(diffModel(settings, olds(), news({ region: "eu-west-1" })).replaces, ["region"]);
        assert.strictEqual(diffModel(settings, olds(), news({ region: "us-east-1" })).changes, false);
        assert.strictEqual(diffModel(settings, olds(), news()).changes, false);
        assert.deepStrictEqual(diffModel({ region: "eu-west-1" }, olds(), news()).replaces, ["region"]);
        assert.deepStrictEqual(diffModel(settings, olds(), news({ region: UNKNOWN })).replaces, ["region"]);
    });

    it("our own bookkeeping inputs never cause changes", () => {
        assert.strictEqual(diffModel(settings, olds(), news({ __logicalName: "renamed-by-alias" })).changes, false);
    });

    it("several changes at once list every replaced member", () => {
        const d = diffModel(settings, olds(), news({ ExecutionRoleArn: "arn:aws:iam::123456789012:role/Other", EnableNetworkIsolation: true, Tags: [] }));
        assert.deepStrictEqual(d, { changes: true, replaces: ["ExecutionRoleArn", "EnableNetworkIsolation"], deleteBeforeReplace: false });
    });
});
