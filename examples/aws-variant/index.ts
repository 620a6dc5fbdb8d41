// The sagemaker-guardrails policies applied to aws.sagemaker.Model from @pulumi/aws (v7).
// Needs the aws provider plugin: `pulumi up --policy-pack ../../policy-pack` against a real account.
// Here it is tested with Pulumi's runtime mocks instead (tests/unit/examples/aws-variant.test.ts).
import { declareModels } from "./models";

const { role, churn, llama } = declareModels();

export const executionRoleArn = role.arn;
export const churnModelName = churn.name;
export const churnModelArn = churn.arn;
export const llamaModelName = llama.name;
export const llamaModelArn = llama.arn;
