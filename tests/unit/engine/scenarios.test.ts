// The scenario list (tests/scenarios/kinds.ts) at the unit layer: check and diff over each kind's
// spec, as the engine calls them during preview. No API call is made by either.
import * as assert from "assert";
import { checkInputs } from "../../../provider/engine/check";
import { diffInputs } from "../../../provider/engine/diff";
import { SCENARIOS, title, withUnknown } from "../../scenarios/kinds";

type Props = Record<string, unknown>;

const settings = { region: "us-east-1" };
const PROVIDER = "serialized-provider";

for (const s of SCENARIOS) {
    // What our resource constructors add: the logical name where the kind generates names.
    const own = s.spec.name?.generated ? { __logicalName: "scenario" } : {};
    const check = (news: Props, olds: Props = {}) => checkInputs(s.spec, settings, olds, { ...news, ...own, __provider: PROVIDER });
    const checked = (news: Props, olds: Props = {}) => {
        const r = check(news, olds);
        assert.deepStrictEqual(r.failures, [], "check failures");
        return r.inputs!;
    };
    /** Old outputs as the engine passes them to diff: the inputs plus what create computed. */
    const outputsOf = (inputs: Props) => ({ ...inputs, arn: "arn:aws:sagemaker:us-east-1:123456789012:x/y", region: "us-east-1", status: "Completed" });
    const diff = (oldInputs: Props, newInputs: Props) => diffInputs(s.spec, settings, outputsOf(checked(oldInputs)), checked(newInputs, checked(oldInputs)));
    const name = "Fraud-Scores";

    describe(`scenarios over the spec: ${title(s)}`, () => {
        it("basic: check accepts the declared inputs and records the deployment region", () => {
            assert.strictEqual(checked(s.basic(name)).region, "us-east-1");
        });

        it("no change: the same inputs again are no change", () => {
            assert.deepStrictEqual(diff(s.basic(name), s.basic(name)), { changes: false, replaces: [], deleteBeforeReplace: false });
        });

        it(`update in place: a change of ${s.inPlace.member} replaces nothing`, () => {
            assert.deepStrictEqual(diff(s.basic(name), s.inPlace.change(s.basic(name))), { changes: true, replaces: [], deleteBeforeReplace: false });
        });

        it(`replace: a change of ${s.replace.member} replaces it${s.nameMember ? ", deleting first (the fixed name stays)" : ", creating first (a new version)"}`, () => {
            assert.deepStrictEqual(diff(s.basic(name), s.replace.change(s.basic(name))),
                { changes: true, replaces: [s.replace.member], deleteBeforeReplace: s.nameMember !== undefined });
        });

        if (s.nameMember) {
            const member = s.nameMember;
            it("case-only rename: SageMaker names are case-insensitive, so the old one is deleted first", () => {
                const renamed = { ...s.basic(name), [member]: name.toLowerCase() };
                assert.deepStrictEqual(diff(s.basic(name), renamed), { changes: true, replaces: [member], deleteBeforeReplace: true });
            });

            it("a real rename is created alongside (no delete first)", () => {
                const renamed = { ...s.basic(name), [member]: "other-name" };
                assert.deepStrictEqual(diff(s.basic(name), renamed), { changes: true, replaces: [member], deleteBeforeReplace: false });
            });
        }

        it(`unknowns at preview: ${s.unknownMember} not known yet passes check and diffs as a change`, () => {
            const r = check(withUnknown(s.basic(name), s.unknownMember));
            assert.deepStrictEqual(r.failures, []);
            const d = diffInputs(s.spec, settings, outputsOf(checked(s.basic(name))), r.inputs!);
            assert.strictEqual(d.changes, true);
        });

        it("check never throws: an error inside a rule is a failure naming the kind and its doc", () => {
            const failing = { ...s.spec, rules: () => { throw new TypeError("Cannot read properties of null"); } };
            const r = checkInputs(failing, settings, {}, { ...s.basic(name), ...own });
            assert.strictEqual(r.failures!.length, 1);
            assert.match(r.failures![0].reason, new RegExp(`the ${s.kind} inputs could not be validated \\(Cannot read properties of null\\)`));
            assert.match(r.failures![0].reason, /Fix: check the inputs' types against docs\//);
        });
    });
}
