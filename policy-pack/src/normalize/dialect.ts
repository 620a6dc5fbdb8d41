// What differs between representations: how member names are spelled, and where the region lives.
// Walking the members (the generated list of every location SageMaker reads) is written once in index.ts.

export type Representation = "pulumi-sagemaker" | "aws" | "aws-native" | "sagemaker-plugin";

export interface Dialect {
    representation: Representation;
    /** Type tokens this dialect reads, by kind. */
    modelType: string;
    modelPackageType?: string;
    /** Stack config key the provider falls back to when no region is set. */
    regionConfigKey: string;
    /** Resource-level deployment region input, where the representation has one. */
    region?: string;
    /** How this representation spells an SDK member name (`PrimaryContainer` -> `primaryContainer`). */
    member(sdkName: string): string;
    /** Where a model package's outputs are: its ARN and its version number (with modelPackageType). */
    packageOutputs?: { arn: string; version: string };
}

/** camelCase of an SDK name, with the representation's own renames. */
export function camel(renames: Record<string, string> = {}): (sdkName: string) => string {
    return sdkName => renames[sdkName] ?? sdkName[0].toLowerCase() + sdkName.slice(1);
}
