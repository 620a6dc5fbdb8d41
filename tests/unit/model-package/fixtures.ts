/** Inputs shared by the ModelPackage unit and integration tests. */
export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1";
export const MODEL_DATA = "s3://my-bucket/models/model.tar.gz";

export function inferenceSpec(image = IMAGE): Record<string, unknown> {
    return {
        Containers: [{ Image: image, ModelDataUrl: MODEL_DATA }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
        SupportedRealtimeInferenceInstanceTypes: ["ml.m5.large"],
        SupportedTransformInstanceTypes: ["ml.m5.large"],
    };
}

export function versioned(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { ModelPackageGroupName: "churn", InferenceSpecification: inferenceSpec(), ...extra };
}

export function unversioned(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { ModelPackageName: "churn-standalone", InferenceSpecification: inferenceSpec(), ...extra };
}

export function spec(name: string, image = IMAGE): Record<string, unknown> {
    return { Name: name, Containers: [{ Image: image }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] };
}
