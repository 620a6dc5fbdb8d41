// Acme's organization policy pack: one pack, three sources of policies.
//   pulumi preview --policy-pack examples/org-policy-pack   (after `npm install` here)
import { PolicyPack } from "@pulumi/policy";
import { sagemakerGuardrails } from "sagemaker-guardrails";
import { awsguardPolicies } from "./awsguard";
import { costCenterTag } from "./cost-center-tag";

new PolicyPack("acme-policies", {
    description: "Acme: SageMaker guardrails, AWS best practices (awsguard) and Acme's own rules.",
    enforcementLevel: "mandatory",
    policies: [
        // The SageMaker guardrails with Acme's regions and artifact buckets as defaults.
        ...sagemakerGuardrails({
            regionMatch: { allowedRegions: ["us-east-1", "eu-west-1"], bucketRegions: { "acme-ml-artifacts": "us-east-1" } },
        }),
        // AWS best practices: advisory, as AwsGuard itself defaults, except what Acme enforces.
        ...awsguardPolicies("advisory", { "s3-bucket-logging-enabled": "mandatory", "encrypted-volumes": "mandatory" }),
        costCenterTag,
    ],
});
