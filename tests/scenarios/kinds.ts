// One scenario list for every resource kind (like terraform-provider-aws's model_test.go: basic,
// update in place, replace, _disappears, destroy check, adopt, case-only rename, lost create
// response, unknowns at preview). tests/scenarios/programs.ts says, per kind, what each scenario
// declares; the runners are tests/unit/engine/scenarios.test.ts (check and diff over the spec),
// tests/integration/engine/scenarios.test.ts (the lifecycle against the local endpoint) and
// tests/e2e/scenarios.test.ts (the real CLI).
import type { KindSpec } from "../../provider/engine/kind";
import { modelSpec } from "../../provider/model/spec";
import { modelPackageSpec } from "../../provider/model-package/spec";
import { modelPackageGroupSpec } from "../../provider/model-package-group/spec";
import { PROGRAMS, type ScenarioProgram } from "./programs";

export { IMAGE, inferenceSpecification, ROLE, title, withUnknown } from "./programs";

export interface KindScenarios extends ScenarioProgram {
    spec: KindSpec;
}

const SPECS = { Model: modelSpec, ModelPackage: modelPackageSpec, ModelPackageGroup: modelPackageGroupSpec } as const;

export const SCENARIOS: KindScenarios[] = PROGRAMS.map((p) => ({ ...p, spec: SPECS[p.kind] as KindSpec }));
