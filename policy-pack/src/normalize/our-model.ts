// pulumi-sagemaker's dynamic resources: the SDK's PascalCase members plus our camelCase `region`.
import { Dialect } from "./dialect";

export const ourModel: Dialect = {
    representation: "pulumi-sagemaker",
    modelType: "pulumi-nodejs:dynamic/sagemaker:Model",
    modelPackageType: "pulumi-nodejs:dynamic/sagemaker:ModelPackage",
    regionConfigKey: "aws:region",
    region: "region",
    member: name => name,
    packageOutputs: { arn: "arn", version: "version" },
};
