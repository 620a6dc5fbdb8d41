// Shared helpers of the reliability layer: a local endpoint (optionally behind the fault proxy),
// the environment a stack needs to talk to it, and the "state equals inventory" comparison.
import * as path from "path";
import { startLocalEndpoint } from "../../local-endpoint";
import type { FaultConfig, Inventory, LocalEndpoint } from "../../local-endpoint/types";
import type { PulumiStack, StateResource } from "../../scripts/lib/pulumi-cli";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

export const TYPES = {
    model: "pulumi-nodejs:dynamic/sagemaker:Model",
    group: "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup",
    package: "pulumi-nodejs:dynamic/sagemaker:ModelPackage",
} as const;

export const FIXTURES = path.join(__dirname, "..", "e2e", "fixtures", "reliability");

/** Full sizes of the issue (RELIABILITY_FULL=1), CI sizes otherwise. */
export const FULL = process.env.RELIABILITY_FULL === "1";

export interface FaultyEnvironment {
    endpoint: LocalEndpoint;
    proxy?: FaultProxy;
    /** What the stack talks to: the proxy when there is one, else the endpoint. */
    url: string;
    close(): Promise<void>;
}

export async function startFaultyEnvironment(options: {
    throttleRate?: number;
    faults?: FaultConfig;
    seed?: number;
    packageStatusDelayMs?: number;
} = {}): Promise<FaultyEnvironment> {
    const endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: options.packageStatusDelayMs ?? 40, faults: options.faults });
    const proxy = options.throttleRate !== undefined
        ? await startFaultProxy(endpoint.url, { throttleRate: options.throttleRate, seed: options.seed })
        : undefined;
    return {
        endpoint,
        proxy,
        url: proxy?.url ?? endpoint.url,
        async close() {
            await proxy?.close();
            await endpoint.close();
        },
    };
}

/** Environment of every pulumi command of a stack that talks to `url`. */
export function stackEnv(url: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
        AWS_ENDPOINT_URL_SAGEMAKER: url,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20",
        ...extra,
    };
}

/** ARNs (lower-cased) of the SageMaker resources in a state, by kind. */
export function stateInventory(resources: StateResource[]): Inventory {
    const arns = (type: string, pick: (r: StateResource) => unknown) => resources
        .filter((r) => r.type === type)
        .map((r) => String(pick(r)).toLowerCase())
        .sort();
    return {
        models: arns(TYPES.model, (r) => r.outputs?.arn),
        modelPackageGroups: arns(TYPES.group, (r) => r.outputs?.arn),
        modelPackages: arns(TYPES.package, (r) => r.id),
    };
}

export function sortedInventory(inv: Inventory): Inventory {
    const lower = (xs: string[]) => xs.map((x) => x.toLowerCase()).sort();
    return { models: lower(inv.models), modelPackageGroups: lower(inv.modelPackageGroups), modelPackages: lower(inv.modelPackages) };
}

/** Live resources the state does not know (orphans) and state entries that are not live (ghosts). */
export function compareInventories(state: Inventory, live: Inventory): { orphans: string[]; ghosts: string[]; duplicates: string[] } {
    const all = (i: Inventory) => [...i.models, ...i.modelPackageGroups, ...i.modelPackages];
    const s = all(state);
    const l = all(live);
    const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    return {
        orphans: l.filter((x) => !s.includes(x)),
        ghosts: s.filter((x) => !l.includes(x)),
        duplicates: [...dup(s), ...dup(l)],
    };
}

export async function stateOf(stack: PulumiStack): Promise<{ resources: StateResource[]; pending: unknown[] }> {
    const exported = await stack.exportState();
    return { resources: exported.deployment.resources ?? [], pending: exported.deployment.pending_operations ?? [] };
}
