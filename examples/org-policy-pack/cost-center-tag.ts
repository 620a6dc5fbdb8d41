// Acme's own rule: every SageMaker model carries a non-empty `cost-center` tag, whichever resource
// declares it (pulumi-sagemaker, @pulumi/aws, @pulumi/aws-native), so the bill can be split by team.
import { ResourceValidationPolicy } from "@pulumi/policy";

const TAG = "cost-center";

/** The tags as key -> value: a list of {Key, Value} (SDK), of {key, value} (CloudFormation), or a map (Terraform). */
function tagsOf(type: string, props: Record<string, unknown>): Record<string, unknown> | undefined {
    const tags = type === "pulumi-nodejs:dynamic/sagemaker:Model" ? props.Tags : props.tags;
    if (Array.isArray(tags)) {
        return Object.fromEntries(tags.map(t => [t?.Key ?? t?.key, t?.Value ?? t?.value]));
    }
    return typeof tags === "object" && tags !== null ? tags as Record<string, unknown> : undefined;
}

export const costCenterTag: ResourceValidationPolicy = {
    name: "acme-sagemaker-cost-center-tag",
    description: `SageMaker models carry a non-empty "${TAG}" tag.`,
    enforcementLevel: "mandatory",
    severity: "low",
    validateResource: (args, report) => {
        if (!["pulumi-nodejs:dynamic/sagemaker:Model", "aws:sagemaker/model:Model", "aws-native:sagemaker:Model"].includes(args.type)) {
            return;
        }
        const value = tagsOf(args.type, args.props)?.[TAG];
        if (typeof value !== "string" || value.trim() === "") {
            const key = args.type === "pulumi-nodejs:dynamic/sagemaker:Model" ? "Tags" : "tags";
            report(`Model "${args.name}" (${args.type}): ${key} has no "${TAG}" tag. Fix: add the tag with the team's cost center, ` +
                `e.g. ${key === "Tags" ? `{ Key: "${TAG}", Value: "ml-platform" }` : `"${TAG}": "ml-platform"`}.`);
        }
    },
};
