// @pulumi/aws v7 (Terraform-bridged): camelCase, `name`, per-resource `region`,
// `modelDataSource.s3DataSources[]` as a list, no hub access config, no ModelPackage resource.
import { Dialect } from "./dialect";

export const awsClassic: Dialect = {
    representation: "aws",
    modelType: "aws:sagemaker/model:Model",
    regionConfigKey: "aws:region",
    region: "region",
    modelName: "name",
    enableNetworkIsolation: "enableNetworkIsolation",
    vpcConfig: "vpcConfig",
    primaryContainer: "primaryContainer",
    containers: "containers",
    image: "image",
    modelDataUrl: "modelDataUrl",
    modelDataSource: "modelDataSource",
    s3DataSource: "s3DataSources",
    s3DataSourceIsList: true,
    additionalModelDataSources: "additionalModelDataSources",
    s3Uri: "s3Uri",
    modelAccessConfig: "modelAccessConfig",
    acceptEula: "acceptEula",
    containerModelPackageName: "modelPackageName",
};
