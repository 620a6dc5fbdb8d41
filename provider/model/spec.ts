import type { DescribeModelOutput } from "../common/sdk-shapes";
import { COMMON_SETTINGS, type KindSpec } from "../engine/kind";
import { isRolePropagation, ROLE_PROPAGATION_MS } from "../aws/propagation";
import { MODEL_MEMBERS } from "./members";
import { ruleFailures } from "../rules/wording";

/** The Model: its members (members.ts), its API calls and outputs, its rules (rules.ts). */

export const modelSpec: KindSpec<DescribeModelOutput> = {
    kind: "Model",
    doc: "docs/MODEL.md",
    members: MODEL_MEMBERS,
    own: COMMON_SETTINGS,
    name: { member: "ModelName", generated: true },
    // Only what the inputs do not hold: `name` would repeat ModelName, DescribeModel's answer the inputs.
    computedOutputs: ["arn", "region", "creationTime"],
    // CreateModel's cross-field rules (provider/rules/model.ts, shared with the local endpoint).
    rules: (inputs) => ruleFailures("CreateModel", inputs),
    lostCreate: { by: "name" },
    api: {
        commands: (sm) => ({ create: sm.CreateModelCommand, describe: sm.DescribeModelCommand, delete: sm.DeleteModelCommand }),
        // A role created in the same deployment may not be assumable yet (aws/propagation.ts).
        createRetry: { when: isRolePropagation, forMs: ROLE_PROPAGATION_MS },
        outputs: () => ({}),
    },
    hooks: {},
};
