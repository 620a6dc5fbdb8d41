// Shared helpers for the end-to-end suites (tests/e2e): the real Pulumi CLI on temporary file
// backends, programs deploying into a local SageMaker endpoint that runs in the mocha process.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { LocalEndpoint, LocalEndpointOptions, startLocalEndpoint } from "../../local-endpoint";
import { PulumiStack, REPO_ROOT, RunResult, StateResource } from "../../scripts/lib/pulumi-cli";
import { localClient } from "./local-endpoint";

export { PulumiStack, REPO_ROOT };
export type { RunResult, StateResource };

export const MODEL = "pulumi-nodejs:dynamic/sagemaker:Model";
export const MODEL_PACKAGE = "pulumi-nodejs:dynamic/sagemaker:ModelPackage";
export const MODEL_PACKAGE_GROUP = "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup";

/** The policies of the sagemaker-guardrails pack. */
export const POLICIES = ["sagemaker-network-isolation", "sagemaker-region-match", "sagemaker-eula-acceptance", "sagemaker-registry-approval"] as const;
export type PolicyName = (typeof POLICIES)[number];

/** Absolute path of the policy pack (the CLI wants it absolute: programs run in their own directory). */
export const POLICY_PACK_DIR = path.join(REPO_ROOT, "policy-pack");
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");
export const FIXTURES_DIR = path.join(REPO_ROOT, "tests", "e2e", "fixtures");

export const exampleDir = (name: string): string => path.join(EXAMPLES_DIR, name);
export const fixtureDir = (name: string): string => path.join(FIXTURES_DIR, name);

/**
 * Mocha hooks for one local endpoint per describe. Read `.endpoint` / `.client` inside tests.
 * Package status delay is short but not zero, so a create really waits for `Completed`.
 */
export function useE2eEndpoint(opts: LocalEndpointOptions = {}): { endpoint: LocalEndpoint; client: SageMakerClient } {
    const ctx = {} as { endpoint: LocalEndpoint; client: SageMakerClient };
    before(async () => {
        ctx.endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 100, ...opts });
        ctx.client = localClient(ctx.endpoint);
    });
    after(async () => {
        ctx.client?.destroy();
        await ctx.endpoint?.close();
    });
    return ctx;
}

/** What `pulumi` needs in its environment to deploy into the local endpoint (dummy credentials only). */
export function endpointEnv(endpoint: LocalEndpoint): NodeJS.ProcessEnv {
    return {
        AWS_ENDPOINT_URL_SAGEMAKER: endpoint.url,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        PULUMI_SAGEMAKER_PACKAGE_POLL_MS: "20",
    };
}

let stackCounter = 0;

/**
 * A stack name unique to this process: several suites (and other people's runs in the same
 * checkout) may use the same example directory, and each stack writes Pulumi.<stack>.yaml there.
 */
export function uniqueStackName(prefix: string): string {
    stackCounter += 1;
    return `${prefix}-${process.pid}-${stackCounter}`;
}

export interface E2eStackOptions {
    /** the local endpoint to deploy into; none for preview-only stacks */
    endpoint?: LocalEndpoint;
    /** stack config on top of `aws:region: us-east-1` */
    config?: Record<string, string>;
    env?: NodeJS.ProcessEnv;
    /** prefix of the (unique) stack name */
    name?: string;
}

/** A stack of the project in `projectDir` on its own temporary backend, configured for the local endpoint. */
export function createStack(projectDir: string, options: E2eStackOptions = {}): Promise<PulumiStack> {
    return PulumiStack.create(projectDir, {
        stackName: uniqueStackName(options.name ?? `e2e-${path.basename(projectDir)}`),
        config: { "aws:region": "us-east-1", ...options.config },
        env: { ...(options.endpoint ? endpointEnv(options.endpoint) : {}), ...options.env },
    });
}

/** Sets (or, with `undefined`, removes) stack config values. */
export async function setConfig(stack: PulumiStack, values: Record<string, string | undefined>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined) {
            await stack.expectOk(["config", "rm", key]);
        } else {
            await stack.expectOk(["config", "set", key, value]);
        }
    }
}

/** Runs a command expected to fail; returns its result (fails the test, with the output, when it exits 0). */
export async function expectFailure(stack: PulumiStack, args: string[]): Promise<RunResult> {
    const result = await stack.run(args);
    assert.notEqual(result.code, 0, `pulumi ${args.join(" ")} was expected to fail, but exited 0:\n${result.output}`);
    return result;
}

/** Fails with the whole output unless the command exited 0. */
export function assertOk(result: RunResult, what: string): void {
    assert.equal(result.code, 0, `${what} exited ${result.code}:\n${result.output}`);
}

// ---------------------------------------------------------------------------------------------
// Reading what the CLI printed

export interface ResourceChanges {
    created: number;
    updated: number;
    replaced: number;
    deleted: number;
    unchanged: number;
}

/**
 * The "Resources:" summary at the end of up/preview/destroy/refresh, e.g.
 * `+ 1 created`, `~ 1 updated`, `+-1 replaced`, `- 1 deleted`, `2 unchanged`
 * (preview says "to create", "to update", "to replace", "to delete").
 */
export function resourceChanges(output: string): ResourceChanges {
    const count = (re: RegExp): number => {
        const m = re.exec(output);
        return m ? Number(m[1]) : 0;
    };
    return {
        created: count(/^\s*\+\s*(\d+) (?:created|to create)\s*$/m),
        updated: count(/^\s*~\s*(\d+) (?:updated|to update)\s*$/m),
        replaced: count(/^\s*\+-\s*(\d+) (?:replaced|to replace)\s*$/m),
        deleted: count(/^\s*-\s*(\d+) (?:deleted|to delete)\s*$/m),
        unchanged: count(/^\s*(\d+) unchanged\s*$/m),
    };
}

/** The progress lines about one resource, e.g. ` ~  pulumi-nodejs:dynamic/sagemaker:Model m updated (0.4s) [diff: ~Tags]`. */
export function resourceLines(output: string, type: string, name: string): string[] {
    return output.split("\n").filter((l) => l.includes(` ${type} ${name} `));
}

export interface PolicyViolation {
    level: "mandatory" | "advisory" | "remediate" | string;
    policy: string;
    /** the resource's type token and Pulumi name, when the violation is about a resource */
    type?: string;
    name?: string;
}

/**
 * Violations as the CLI prints them under "Policies:", e.g.
 * `- [mandatory] [severity: high]  sagemaker-network-isolation  (pulumi-nodejs:dynamic/sagemaker:Model: no-isolation)`.
 */
export function policyViolations(output: string): PolicyViolation[] {
    const re = /^\s*- \[(\w+)\]\s+(?:\[severity: \w+\]\s+)?([\w-]+)\s+(?:\(([^:()]+(?::[^:()]+)*): ([^()]+)\))?\s*$/gm;
    const found: PolicyViolation[] = [];
    for (const m of output.matchAll(re)) {
        found.push({ level: m[1], policy: m[2], type: m[3], name: m[4]?.trim() });
    }
    return found;
}

/** `policy` → the names of the resources it reported at `level`, sorted. */
export function violationsAt(output: string, level: string): Record<string, string[]> {
    const byPolicy: Record<string, string[]> = {};
    for (const v of policyViolations(output).filter((x) => x.level === level)) {
        (byPolicy[v.policy] ??= []).push(v.name ?? "");
    }
    for (const names of Object.values(byPolicy)) {
        names.sort();
    }
    return byPolicy;
}

/** Writes a `--policy-pack-config` file in a fresh temp dir; returns its path. */
export function writePolicyConfig(config: unknown): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-config-"));
    const file = path.join(dir, "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(config, null, 2));
    return file;
}

// ---------------------------------------------------------------------------------------------
// Comparing the endpoint with the state

export function sortedIds(resources: StateResource[], key: "arn" = "arn"): string[] {
    return resources.map((r) => String(r.outputs?.[key])).sort();
}

/** Fails unless the endpoint holds nothing at all (all regions). */
export function assertEndpointEmpty(endpoint: LocalEndpoint): void {
    assert.deepEqual(endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
}

/** The calls of one operation since the last reset. */
export function calls(endpoint: LocalEndpoint, operation: string): number {
    return endpoint.counters()[operation] ?? 0;
}
