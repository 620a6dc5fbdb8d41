// The same model written in each representation the pack governs.
import { TestResource } from "../../helpers/policy-args";

export type Rep = "ours" | "aws" | "aws-native";
export const REPS: Rep[] = ["ours", "aws", "aws-native"];

export const TYPES: Record<Rep, { model: string; modelPackage?: string }> = {
    "ours": { model: "pulumi-nodejs:dynamic/sagemaker:Model", modelPackage: "pulumi-nodejs:dynamic/sagemaker:ModelPackage" },
    "aws": { model: "aws:sagemaker/model:Model" },
    "aws-native": { model: "aws-native:sagemaker:Model", modelPackage: "aws-native:sagemaker:ModelPackage" },
};

export const IMAGE_USE1 = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7";
export const IMAGE_USW2 = "123456789012.dkr.ecr.us-west-2.amazonaws.com/xgboost:1.7";
export const ROLE = "arn:aws:iam::123456789012:role/sagemaker";

export interface ModelSpec {
    image?: unknown;
    modelDataUrl?: unknown;
    s3Uri?: unknown;
    acceptEula?: unknown;
    hubContentArn?: unknown;
    modelPackageName?: unknown;
    isolation?: unknown;
    vpc?: boolean;
    region?: string;
    /** Put the container in Containers[] instead of PrimaryContainer. */
    inList?: boolean;
    /** Replace the whole container with this (e.g. an unknown sentinel). */
    container?: unknown;
}

const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export function model(rep: Rep, name: string, s: ModelSpec, provider?: TestResource["provider"]): TestResource {
    const pascal = rep === "ours";
    const k = (p: string) => (pascal ? p : p[0].toLowerCase() + p.slice(1));
    const access = s.acceptEula === undefined ? undefined : { [k("AcceptEula")]: s.acceptEula };
    const hub = s.hubContentArn === undefined || rep === "aws" ? undefined : { [k("HubContentArn")]: s.hubContentArn };
    const s3 = s.s3Uri === undefined ? undefined : drop({
        [k("S3Uri")]: s.s3Uri, [k("S3DataType")]: "S3Prefix", [k("CompressionType")]: "None",
        [k("ModelAccessConfig")]: access, [k("HubAccessConfig")]: hub,
    });
    const mds = s3 === undefined ? undefined : rep === "aws" ? { s3DataSources: [s3] } : { [k("S3DataSource")]: s3 };
    const container = s.container ?? drop({
        [k("Image")]: s.image, [k("ModelDataUrl")]: s.modelDataUrl, [k("ModelDataSource")]: mds, [k("ModelPackageName")]: s.modelPackageName,
    });
    const vpc = s.vpc ? { [k("SecurityGroupIds")]: ["sg-1"], [k("Subnets")]: ["subnet-1"] } : undefined;
    const props = drop({
        [rep === "ours" ? "ModelName" : rep === "aws" ? "name" : "modelName"]: `${name}-physical`,
        [k("ExecutionRoleArn")]: ROLE,
        [s.inList ? k("Containers") : k("PrimaryContainer")]: s.inList ? [container] : container,
        [k("EnableNetworkIsolation")]: s.isolation,
        [k("VpcConfig")]: vpc,
        region: rep === "aws-native" ? undefined : s.region,
        __provider: rep === "ours" ? "exports.handler = __f0; /* serialized provider */" : undefined,
    });
    return { type: TYPES[rep].model, name, props, provider };
}

/** A model package with one inference container. */
export function modelPackage(rep: "ours" | "aws-native", name: string, s: ModelSpec & { sourceUri?: unknown; groupName?: unknown }): TestResource {
    const pascal = rep === "ours";
    const k = (p: string) => (pascal ? p : p[0].toLowerCase() + p.slice(1));
    const access = s.acceptEula === undefined ? undefined : { [k("AcceptEula")]: s.acceptEula };
    const s3 = s.s3Uri === undefined ? undefined : drop({ [k("S3Uri")]: s.s3Uri, [k("S3DataType")]: "S3Prefix", [k("CompressionType")]: "None", [k("ModelAccessConfig")]: access });
    const container = drop({ [k("Image")]: s.image, [k("ModelDataUrl")]: s.modelDataUrl, [k("ModelDataSource")]: s3 && { [k("S3DataSource")]: s3 } });
    const props = drop({
        [k("ModelPackageGroupName")]: s.groupName ?? "fraud",
        [k("InferenceSpecification")]: { [k("Containers")]: [container], [k("SupportedContentTypes")]: ["text/csv"], [rep === "ours" ? "SupportedResponseMIMETypes" : "supportedResponseMimeTypes"]: ["text/csv"] },
        [k("SourceUri")]: s.sourceUri,
        region: rep === "ours" ? s.region : undefined,
    });
    return { type: TYPES[rep].modelPackage!, name, props };
}

export const awsProvider = (region: string) => ({ type: "pulumi:providers:aws", props: { region } });
export const nativeProvider = (region: string) => ({ type: "pulumi:providers:aws-native", props: { region } });
export const dynamicProvider = { type: "pulumi:providers:pulumi-nodejs", props: {} };
