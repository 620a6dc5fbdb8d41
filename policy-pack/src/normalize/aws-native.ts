// @pulumi/aws-native (CloudFormation): camelCase of the CloudFormation names, which follow the API;
// no per-resource region (the provider's `region`, else `aws-native:region`).
import { camel, Dialect } from "./dialect";

export const awsNative: Dialect = {
    representation: "aws-native",
    modelType: "aws-native:sagemaker:Model",
    modelPackageType: "aws-native:sagemaker:ModelPackage",
    regionConfigKey: "aws-native:region",
    member: camel(),
    packageOutputs: { arn: "modelPackageArn", version: "modelPackageVersion" },
};
