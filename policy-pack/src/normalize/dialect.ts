// What differs between representations: property names and the shape of S3 data sources.
// Everything else (walking containers, collecting references) is written once in index.ts.

export type Representation = "pulumi-sagemaker" | "aws" | "aws-native";

export interface Dialect {
    representation: Representation;
    /** Type tokens this dialect reads, by kind. */
    modelType: string;
    modelPackageType?: string;
    /** Stack config key the provider falls back to when no region is set. */
    regionConfigKey: string;
    /** Resource-level deployment region input, where the representation has one. */
    region?: string;
    modelName: string;
    enableNetworkIsolation: string;
    vpcConfig: string;
    primaryContainer: string;
    containers: string;
    image: string;
    modelDataUrl: string;
    modelDataSource: string;
    /** Terraform's schema lists S3 data sources (`s3DataSources[]`); SDK/CloudFormation have one. */
    s3DataSource: string;
    s3DataSourceIsList: boolean;
    additionalModelDataSources?: string;
    s3Uri: string;
    modelAccessConfig: string;
    acceptEula: string;
    hubAccessConfig?: string;
    hubContentArn?: string;
    containerModelPackageName: string;
    // Model packages
    packageName?: string;
    packageGroupName?: string;
    inferenceSpecification?: string;
    additionalInferenceSpecifications?: string;
    specContainers?: string;
    sourceUri?: string;
}
