import type { DescribeModelOutput } from "@aws-sdk/client-sagemaker";
import { COMMON_SETTINGS, type KindSpec, type Props } from "../engine/kind";
import { isRolePropagation, ROLE_PROPAGATION_MS } from "../aws/propagation";
import { toPlain } from "../common/values";
import { MODEL_MEMBERS } from "./members";
import { ruleFailures } from "../rules/wording";

/** The Model: its members (members.ts), its API calls and outputs, its rules (rules.ts). */

/**
 * The `model` output: DescribeModel's answer without the containers' Environment, whose values
 * may be secrets (they stay in PrimaryContainer/Containers, which Pulumi keeps secret when the
 * input was secret).
 */
export function publicDescription(d: DescribeModelOutput | undefined): Props | undefined {
    if (!d) {
        return undefined;
    }
    const { $metadata: _metadata, ...rest } = d as DescribeModelOutput & { $metadata?: unknown };
    const copy = toPlain(rest) as Props;
    const strip = (c: unknown) => {
        if (c && typeof c === "object") {
            delete (c as Props).Environment;
        }
    };
    strip(copy.PrimaryContainer);
    if (Array.isArray(copy.Containers)) {
        copy.Containers.forEach(strip);
    }
    return copy;
}

export const modelSpec: KindSpec<DescribeModelOutput> = {
    kind: "Model",
    doc: "docs/MODEL.md",
    members: MODEL_MEMBERS,
    own: COMMON_SETTINGS,
    name: { member: "ModelName", generated: true },
    computedOutputs: ["arn", "name", "region", "creationTime", "model"],
    // CreateModel's cross-field rules (provider/rules/model.ts, shared with the local endpoint).
    rules: (inputs) => ruleFailures("CreateModel", inputs),
    lostCreate: { by: "name" },
    api: {
        commands: (sm) => ({ create: sm.CreateModelCommand, describe: sm.DescribeModelCommand, delete: sm.DeleteModelCommand }),
        // A role created in the same deployment may not be assumable yet (aws/propagation.ts).
        createRetry: { when: isRolePropagation, forMs: ROLE_PROPAGATION_MS },
        outputs: (d, inputs, fallback) => ({ name: inputs.ModelName, model: publicDescription(d) ?? fallback.model }),
    },
    hooks: {},
};
