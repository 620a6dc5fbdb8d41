// What the ready-made pack (pack.js) is: its name and PolicyPack arguments, with every guardrail at its defaults.
import { PolicyPackArgs } from "@pulumi/policy";
import { sagemakerGuardrails } from "./guardrails";

export const READY_PACK_NAME = "sagemaker-guardrails";

export function readyPackArgs(): PolicyPackArgs {
    return {
        description: "Guardrails for Amazon SageMaker models and model packages: network isolation, region match, EULA acceptance, registry approval.",
        displayName: "SageMaker guardrails",
        provider: "aws",
        tags: ["sagemaker", "aws"],
        enforcementLevel: "mandatory",
        // Opt-in: disabled until the config gives it a level, e.g. {"sagemaker-plaintext-secrets": "advisory"}.
        policies: sagemakerGuardrails({ plaintextSecrets: "disabled" }),
    };
}
