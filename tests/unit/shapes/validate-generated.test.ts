// Data-driven: every constrained member reachable from the create inputs, one accepted value and
// one rejected value per constraint, built from the generated table itself.
import * as assert from "assert";
import { validateShape } from "../../../provider/shapes/validate";
import { casesFor, DELETE, isConstrained, minimal, reachableTargets, withValue } from "./shape-cases";

for (const root of ["CreateModelInput", "CreateModelPackageInput", "UpdateModelPackageInput", "CreateModelPackageGroupInput"]) {
  describe(`validateShape(${root}) generated cases`, () => {
    it("accepts the minimal valid input", () => {
      assert.deepStrictEqual(validateShape(root, minimal(root)), []);
    });

    const targets = reachableTargets(root).filter(isConstrained);
    it("reaches the members the providers rely on", () => {
      assert.ok(targets.length > 5, `only ${targets.length} targets`);
    });

    for (const target of targets) {
      it(`${target.path} (${target.shapeName})`, () => {
        const cases = casesFor(target);
        assert.ok(cases.some((c) => c.expect !== "accept"), "every constrained member has a rejected case");
        for (const c of cases) {
          const input = withValue(root, target.steps, c.value === DELETE ? DELETE : c.value);
          const issues = validateShape(root, input);
          if (c.expect === "accept") {
            assert.deepStrictEqual(issues, [], `${c.description} should be accepted`);
          } else {
            const { constraint, path } = c.expect;
            const hit = issues.find((i) => i.constraint === constraint && i.path === path);
            assert.ok(hit, `${c.description}: expected ${constraint} at ${path}, got ${JSON.stringify(issues)}`);
            assert.ok(hit.message.startsWith(`${path}: `), `message names the path: ${hit.message}`);
          }
        }
      });
    }
  });
}
