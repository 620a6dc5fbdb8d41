// The registry lookups against the local endpoint, as a Pulumi program runs them: settings from the
// stack config (sagemaker:endpoint, aws:region), credentials from the SDK's chain (dummy ones here).
import * as pulumi from "@pulumi/pulumi";
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, type ModelApprovalStatus, type SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { LocalEndpoint, LocalEndpointOptions } from "../../../local-endpoint";
import { useLocalEndpoint } from "../../helpers/local-endpoint";

/** A version to register, as a training pipeline would. */
export interface VersionSpec {
    approval?: ModelApprovalStatus;
    metadata?: Record<string, string>;
    description?: string;
}

/**
 * A local endpoint, plus the stack config a program on it would have and dummy credentials in the
 * environment; all restored afterwards.
 */
export function useRegistryEndpoint(opts: LocalEndpointOptions = {}): { endpoint: LocalEndpoint; client: SageMakerClient } {
    const t = useLocalEndpoint(opts);
    const env = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
    const savedEnv: Record<string, string | undefined> = {};
    let savedConfig: Record<string, string> = {};
    before(() => {
        savedConfig = pulumi.runtime.allConfig();
        pulumi.runtime.setAllConfig({ ...savedConfig, "aws:region": "us-east-1", "sagemaker:endpoint": t.endpoint.url, "sagemaker:retryBaseDelayMs": "10" });
        for (const [k, v] of Object.entries(env)) {
            savedEnv[k] = process.env[k];
            process.env[k] = v;
        }
    });
    after(() => {
        pulumi.runtime.setAllConfig(savedConfig);
        for (const [k, v] of Object.entries(savedEnv)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    });
    return t;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Creates the group and its versions in order (versions 1, 2, ...); returns their ARNs. */
export async function registerGroup(client: SageMakerClient, group: string, versions: VersionSpec[], spacingMs = 0): Promise<string[]> {
    await client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
    const arns: string[] = [];
    for (const v of versions) {
        if (spacingMs > 0) {
            await sleep(spacingMs);
        }
        const created = await client.send(new CreateModelPackageCommand({
            ModelPackageGroupName: group,
            ...(v.approval ? { ModelApprovalStatus: v.approval } : {}),
            ...(v.metadata ? { CustomerMetadataProperties: v.metadata } : {}),
            ...(v.description ? { ModelPackageDescription: v.description } : {}),
        }));
        arns.push(created.ModelPackageArn!);
    }
    return arns;
}

/** Calls per operation since `endpoint.resetCounters()`, only those made. */
export function callsMade(endpoint: LocalEndpoint): Record<string, number> {
    return Object.fromEntries(Object.entries(endpoint.counters()).filter(([, n]) => n > 0));
}
