// Entry point the policy runtime executes: constructing the PolicyPack starts the analyzer server.
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("sagemaker-guardrails", {
    description: "Guardrails for Amazon SageMaker models and model packages: network isolation, region match, EULA acceptance.",
    displayName: "SageMaker guardrails",
    provider: "aws",
    tags: ["sagemaker", "aws"],
    enforcementLevel: "mandatory",
    policies,
});
