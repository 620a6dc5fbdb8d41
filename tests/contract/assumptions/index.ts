// Every service assumption, in report order. docs/ARCHITECTURE.md ("Service assumptions") names the
// code relying on each; tests/integration/contract proves each can fail.
import type { Assumption } from "../assumption";
import { modelAssumptions } from "./models";
import { packageAssumptions } from "./packages";
import { lifecycleAssumptions, registryAssumptions } from "./registry";
import { tagAssumptions } from "./tags";
import { validationAssumptions } from "./validation";

export const ASSUMPTIONS: Assumption[] = [
    ...modelAssumptions,
    ...tagAssumptions,
    ...packageAssumptions,
    ...lifecycleAssumptions,
    ...registryAssumptions,
    ...validationAssumptions,
];
