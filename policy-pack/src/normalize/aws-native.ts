// @pulumi/aws-native (CloudFormation): camelCase CFN names, no per-resource region (the
// provider's `region`, else `aws-native:region`), one S3 data source, hub access config on Model.
import { Dialect } from "./dialect";

export const awsNative: Dialect = {
    representation: "aws-native",
    modelType: "aws-native:sagemaker:Model",
    modelPackageType: "aws-native:sagemaker:ModelPackage",
    regionConfigKey: "aws-native:region",
    modelName: "modelName",
    enableNetworkIsolation: "enableNetworkIsolation",
    vpcConfig: "vpcConfig",
    primaryContainer: "primaryContainer",
    containers: "containers",
    image: "image",
    modelDataUrl: "modelDataUrl",
    modelDataSource: "modelDataSource",
    s3DataSource: "s3DataSource",
    s3DataSourceIsList: false,
    s3Uri: "s3Uri",
    modelAccessConfig: "modelAccessConfig",
    acceptEula: "acceptEula",
    hubAccessConfig: "hubAccessConfig",
    hubContentArn: "hubContentArn",
    containerModelPackageName: "modelPackageName",
    packageName: "modelPackageName",
    packageGroupName: "modelPackageGroupName",
    inferenceSpecification: "inferenceSpecification",
    additionalInferenceSpecifications: "additionalInferenceSpecifications",
    specContainers: "containers",
    sourceUri: "sourceUri",
};
