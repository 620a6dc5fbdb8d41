// The representations the pack reads, in one list: a new one (another provider's spelling of the
// same SageMaker API) is one Dialect file and one line here.
import { awsClassic } from "./aws-classic";
import { awsNative } from "./aws-native";
import { Dialect } from "./dialect";
import { ResourceKind } from "./members";
import { ourModel } from "./our-model";
import { sagemakerPlugin } from "./sagemaker-plugin";

const DIALECTS: readonly Dialect[] = [ourModel, awsClassic, awsNative, sagemakerPlugin];

export function dialectFor(type: string): { dialect: Dialect; kind: ResourceKind } | undefined {
    for (const d of DIALECTS) {
        if (d.modelType === type) {
            return { dialect: d, kind: "model" };
        }
        if (d.modelPackageType === type) {
            return { dialect: d, kind: "model-package" };
        }
    }
    return undefined;
}
