// Generated names (provider/common/auto-name.ts; docs/MODEL.md, "ModelName"): always a name SageMaker
// accepts (the API model's ModelName shape), stable across releases (a name recorded by an earlier release
// is what check generates today, or every auto-named resource would be replaced on upgrade), independent
// of the order the program wrote its inputs in, and new for a replacement.
import * as assert from "assert";
import fc from "fast-check";
import { loadApiModel } from "../../../scripts/generate-shapes";
import { autoName, resolveAutoName, scopedSuffix } from "../../../provider/common/auto-name";
import { INTERNAL_KEYS } from "../../../provider/common/internal-keys";
import { lifecycles } from "../../../provider/runtime";

/** CreateModel's ModelName as the API model states it. */
function modelNameShape(): { max: number; pattern: RegExp } {
    const shapes = loadApiModel().model.shapes as Record<string, { max?: number; pattern?: string }>;
    const shape = shapes.ModelName;
    return { max: shape.max!, pattern: new RegExp(`^(?:${shape.pattern})$`) };
}

const hex7 = () => "abc1234";

describe("generated names", () => {
    it("any logical name gives a name the API's ModelName shape accepts (pattern and length)", () => {
        const { max, pattern } = modelNameShape();
        assert.strictEqual(max, 63);
        fc.assert(fc.property(fc.string({ maxLength: 200, unit: "binary" }), (logical) => {
            const name = autoName(logical, hex7);
            return name.length <= max && pattern.test(name);
        }), { numRuns: 2000 });
    });

    it("as docs/MODEL.md says: other characters become one hyphen, edges trimmed, 55 characters before the suffix", () => {
        assert.strictEqual(autoName("fraud_scorer.v2", hex7), "fraud-scorer-v2-abc1234");
        assert.strictEqual(autoName("--a__.b--", hex7), "a-b-abc1234");
        assert.strictEqual(autoName("___", hex7), "sagemaker-abc1234");
        assert.strictEqual(autoName("", hex7), "sagemaker-abc1234");
        // 54 letters, then a hyphen at the cut: the base ends at a letter, not a hyphen
        assert.strictEqual(autoName(`${"a".repeat(54)}-${"b".repeat(20)}`, hex7), `${"a".repeat(54)}-abc1234`);
        assert.strictEqual(autoName("x".repeat(80), hex7), `${"x".repeat(55)}-abc1234`);
        assert.match(autoName("m"), /^m-[0-9a-f]{7}$/);
    });

    it("the name release 1b8b4f4 recorded with the real CLI is the one check generates today", async () => {
        // tests/fixtures/state-main-1b8b4f4/model-entry.json: ModelName "scorer-e18e766", declared in project
        // e2e-internal-fields, stack record-21531-1, no parent, logical name scorer.
        const checked = await lifecycles.Model.check({ region: "us-east-1" }, {}, {
            ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole",
            PrimaryContainer: {
                Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1",
                ModelDataUrl: "s3://sagemaker-us-east-1-123456789012/scorer/model.tar.gz",
            },
            Tags: [{ Key: "team", Value: "risk" }],
            [INTERNAL_KEYS.logicalName]: "scorer",
            [INTERNAL_KEYS.autoNameScope]: "e2e-internal-fields\nrecord-21531-1\n\nscorer",
            __provider: "serialized-provider-text",
        });
        assert.deepStrictEqual(checked.failures ?? [], []);
        assert.strictEqual(checked.inputs?.ModelName, "scorer-e18e766");
    });

    it("the suffix does not depend on the order of keys, at any depth; it does on values and list order", () => {
        const scope = "p\ns\n\nm";
        const a = { B: 1, A: { y: [1, 2], x: "v" } };
        const b = { A: { x: "v", y: [1, 2] }, B: 1 };
        assert.strictEqual(scopedSuffix(scope, a), scopedSuffix(scope, b));
        assert.notStrictEqual(scopedSuffix(scope, a), scopedSuffix(scope, { ...a, B: 2 }));
        assert.notStrictEqual(scopedSuffix(scope, a), scopedSuffix(scope, { ...a, A: { y: [2, 1], x: "v" } }));
        assert.notStrictEqual(scopedSuffix(scope, a), scopedSuffix("p\ns2\n\nm", a));
        assert.match(scopedSuffix(scope, a), /^[0-9a-f]{7}$/);
        // null members are values too (JSON null), and many keys sort as few do
        assert.notStrictEqual(scopedSuffix(scope, { ...a, C: null }), scopedSuffix(scope, a));
        const keys = Array.from({ length: 40 }, (_, i) => `K${String(i).padStart(2, "0")}`);
        const forward = Object.fromEntries(keys.map((k, i) => [k, i]));
        const shuffled = Object.fromEntries([...keys].sort((x, y) => ((x.charCodeAt(2) * 7 + x.charCodeAt(1)) % 11) - ((y.charCodeAt(2) * 7 + y.charCodeAt(1)) % 11) || (x < y ? 1 : -1)).map((k) => [k, forward[k]]));
        assert.notDeepStrictEqual(Object.keys(shuffled), keys);
        assert.strictEqual(scopedSuffix(scope, shuffled), scopedSuffix(scope, forward));
    });

    describe("resolveAutoName (check)", () => {
        const scope = { [INTERNAL_KEYS.logicalName]: "m", [INTERNAL_KEYS.autoNameScope]: "p\ns\n\nm" };

        it("keeps a name the program gives, and says it was not generated", () => {
            const inputs: Record<string, unknown> = { ModelName: "given", ...scope };
            assert.strictEqual(resolveAutoName({}, inputs, "ModelName", "Model"), undefined);
            assert.strictEqual(inputs.ModelName, "given");
            assert.strictEqual(inputs[INTERNAL_KEYS.autoNamed], false);
        });

        it("a name of null is no name: generated, from the other inputs", () => {
            const inputs: Record<string, unknown> = { ModelName: null, ...scope, Tags: [] };
            resolveAutoName({}, inputs, "ModelName", "Model");
            assert.strictEqual(inputs.ModelName, `m-${scopedSuffix("p\ns\n\nm", { Tags: [] })}`);
            assert.strictEqual(inputs[INTERNAL_KEYS.autoNamed], true);
        });

        it("an old generated name that is empty or not a string is not kept", () => {
            const fresh = `m-${scopedSuffix("p\ns\n\nm", { Tags: [] })}`;
            for (const previous of ["", 42, undefined]) {
                const inputs: Record<string, unknown> = { ...scope, Tags: [] };
                resolveAutoName({ ModelName: previous, [INTERNAL_KEYS.autoNamed]: true }, inputs, "ModelName", "Model");
                assert.strictEqual(inputs.ModelName, fresh, String(previous));
            }
        });

        it("keeps the name generated earlier only while the old inputs say it was generated", () => {
            const generated: Record<string, unknown> = { ...scope, Tags: [] };
            resolveAutoName({ ModelName: "m-0000000", [INTERNAL_KEYS.autoNamed]: true }, generated, "ModelName", "Model");
            assert.strictEqual(generated.ModelName, "m-0000000");
            const given: Record<string, unknown> = { ...scope, Tags: [] };
            resolveAutoName({ ModelName: "m-0000000", [INTERNAL_KEYS.autoNamed]: false }, given, "ModelName", "Model");
            assert.match(String(given.ModelName), /^m-[0-9a-f]{7}$/);
            assert.notStrictEqual(given.ModelName, "m-0000000");
            assert.strictEqual(given[INTERNAL_KEYS.autoNamed], true);
        });

        it("seeds the suffix with the declared inputs only: not the logical name, flags, scope or serialized provider", () => {
            const base = { ...scope, Tags: [{ Key: "k", Value: "v" }] };
            const plain: Record<string, unknown> = { ...base };
            const withOurs: Record<string, unknown> = { ...base, __provider: "other text", [INTERNAL_KEYS.clientTokenScope]: "x", [INTERNAL_KEYS.autoNamed]: false };
            resolveAutoName({}, plain, "ModelName", "Model");
            resolveAutoName({}, withOurs, "ModelName", "Model");
            assert.strictEqual(withOurs.ModelName, plain.ModelName);
            assert.strictEqual(plain.ModelName, `m-${scopedSuffix("p\ns\n\nm", { Tags: [{ Key: "k", Value: "v" }] })}`);
        });

        it("without a scope, a random suffix; with neither name nor logical name, a failure that names the fix", () => {
            const random: Record<string, unknown> = { [INTERNAL_KEYS.logicalName]: "m" };
            resolveAutoName({}, random, "ModelName", "Model");
            assert.match(String(random.ModelName), /^m-[0-9a-f]{7}$/);
            // a null scope is no scope: a new random suffix each time
            const once: Record<string, unknown> = { [INTERNAL_KEYS.logicalName]: "m", [INTERNAL_KEYS.autoNameScope]: null };
            const twice: Record<string, unknown> = { [INTERNAL_KEYS.logicalName]: "m", [INTERNAL_KEYS.autoNameScope]: null };
            resolveAutoName({}, once, "ModelName", "Model");
            resolveAutoName({}, twice, "ModelName", "Model");
            assert.notStrictEqual(once.ModelName, twice.ModelName);
            // an empty or non-string logical name is none
            for (const logical of ["", 7]) {
                const inputs: Record<string, unknown> = { [INTERNAL_KEYS.logicalName]: logical };
                assert.strictEqual(resolveAutoName({}, inputs, "ModelName", "Model")?.property, "ModelName", String(logical));
            }
            const none: Record<string, unknown> = {};
            const failure = resolveAutoName({}, none, "ModelName", "Model");
            assert.strictEqual(failure?.property, "ModelName");
            assert.match(failure?.reason ?? "", /new Model\(name, args\)/);
            assert.strictEqual(none[INTERNAL_KEYS.autoNamed], undefined);
        });
    });
});
