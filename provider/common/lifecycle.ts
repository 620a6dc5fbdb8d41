import type * as pulumi from "@pulumi/pulumi";
import type { ProviderSettings } from "./settings";

type Inputs = Record<string, unknown>;
type Outputs = Record<string, unknown>;

/**
 * What each resource kind implements at run time (provider/<kind>/lifecycle.ts). The serialized
 * provider only forwards to these, so its closure stays a few hundred bytes.
 */
export interface Lifecycle {
    check(settings: ProviderSettings, olds: Inputs, news: Inputs): Promise<pulumi.dynamic.CheckResult>;
    diff(settings: ProviderSettings, id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult>;
    create(settings: ProviderSettings, inputs: Inputs): Promise<pulumi.dynamic.CreateResult>;
    read(settings: ProviderSettings, id: string, props: Outputs | undefined): Promise<pulumi.dynamic.ReadResult>;
    update(settings: ProviderSettings, id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult>;
    delete(settings: ProviderSettings, id: string, props: Outputs): Promise<void>;
}

export type ResourceKind = "Model" | "ModelPackage" | "ModelPackageGroup";
