// @pulumi/aws v7 (Terraform-bridged): camelCase, `name` for ModelName, per-resource `region`, S3 model
// data sources as a list (`modelDataSource.s3DataSources[]`), no ModelPackage resource.
import { camel, Dialect } from "./dialect";

export const awsClassic: Dialect = {
    representation: "aws",
    modelType: "aws:sagemaker/model:Model",
    regionConfigKey: "aws:region",
    region: "region",
    member: camel({ ModelName: "name", S3DataSource: "s3DataSources" }),
};
