// Builds policy arguments the way the analyzer does (@pulumi/policy 1.21 server.js) and runs a
// policy's validateResource / validateStack / remediateResource, collecting what it reports.
// Props go through the pack's own unknownCheckingProxy, so unknowns throw exactly as in the engine.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import type {
    EnforcementLevel, PolicyResource, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy,
    StackValidationArgs, StackValidationPolicy,
} from "../../policy-pack/node_modules/@pulumi/policy";

export const PACK_DIR = path.resolve(__dirname, "../../policy-pack");
const fromPack = (id: string) => require(require.resolve(id, { paths: [PACK_DIR] }));
const proxy = fromPack("@pulumi/policy/proxy");
const deserialize = fromPack("@pulumi/policy/deserialize");

/** The engine's unknown sentinels (what a computed input looks like during preview). */
export const UNKNOWN = proxy.unknownStringValue as string;
export const UNKNOWN_BOOL = proxy.unknownBooleanValue as string;
export const UNKNOWN_OBJECT = proxy.unknownObjectValue as string;
export const UNKNOWN_ARRAY = proxy.unknownArrayValue as string;

export interface Diagnostic {
    policyName: string;
    enforcementLevel: EnforcementLevel;
    message: string;
    urn?: string;
}

export interface TestResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    provider?: { type: string; name?: string; props: Record<string, unknown> };
    /** Names of the resources this one depends on (stack validation), in all and per input property. */
    dependsOn?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface RunOptions {
    /** The policy's config as in --policy-pack-config (may include enforcementLevel). */
    config?: Record<string, unknown>;
    /** Stack config the engine passes in PULUMI_CONFIG, e.g. {"aws:region": "us-east-1"}. */
    stackConfig?: Record<string, string>;
}

export interface RunResult {
    diagnostics: Diagnostic[];
    notApplicable?: string;
}

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::sagemaker-app::${type}::${name}`;
}

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "not applicable");
    }
}

/** Deserialized inputs: JSON values only (undefined dropped), wrapped in the unknown-checking proxy. */
function engineProps(props: Record<string, unknown>): Record<string, unknown> {
    return proxy.unknownCheckingProxy(JSON.parse(JSON.stringify(props)));
}

function levelOf(policy: { enforcementLevel?: EnforcementLevel }, config?: Record<string, unknown>): EnforcementLevel {
    // server.js: config level, else the policy's, else the pack's (ours: mandatory).
    return (config?.enforcementLevel as EnforcementLevel) || policy.enforcementLevel || "mandatory";
}

function policyConfig(config?: Record<string, unknown>): object {
    const { enforcementLevel: _level, ...rest } = config ?? {};
    return rest;
}

function reporter(policy: { name: string; description: string }, level: EnforcementLevel, ds: Diagnostic[], fixedUrn?: string): ReportViolation {
    // Mirrors makeReportViolationFun: a string is appended to the description; an object overrides.
    return ((message: unknown, urn?: string) => {
        if (typeof message === "object" && message !== null) {
            const info = message as { message?: string; enforcementLevel?: EnforcementLevel; urn?: string };
            ds.push({ policyName: policy.name, message: info.message ?? policy.description, enforcementLevel: info.enforcementLevel || level, urn: fixedUrn ?? info.urn });
        } else {
            ds.push({ policyName: policy.name, message: `${policy.description}\n${message}`, enforcementLevel: level, urn: fixedUrn ?? urn });
        }
    }) as ReportViolation;
}

function withStackConfig<T>(stackConfig: Record<string, string> | undefined, fn: () => Promise<T>): Promise<T> {
    pulumi.runtime.setAllConfig(stackConfig ?? {}, []);
    return fn().finally(() => pulumi.runtime.setAllConfig({}, []));
}

export function resourceArgs(r: TestResource, config?: Record<string, unknown>): ResourceValidationArgs {
    const urn = urnOf(r.type, r.name);
    const args: ResourceValidationArgs = {
        type: r.type,
        name: r.name,
        urn,
        props: engineProps(r.props),
        opts: { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] },
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: <T extends object>() => policyConfig(config) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
    if (r.provider) {
        const name = r.provider.name ?? "default";
        args.provider = { type: r.provider.type, name, urn: urnOf(r.provider.type, name), props: engineProps(r.provider.props) };
    }
    return args;
}

async function guarded(policyName: string, ds: Diagnostic[], fn: () => Promise<void>): Promise<string | undefined> {
    try {
        await fn();
    } catch (e) {
        if (e instanceof NotApplicable) {
            return e.reason ?? "";
        }
        if (e instanceof proxy.UnknownValueError) {
            // server.js turns an unknown read into an advisory for the whole policy.
            ds.push({ policyName, enforcementLevel: "advisory", message: `can't run policy '${policyName}' during preview: ${(e as Error).message}` });
            return undefined;
        }
        throw e;
    }
    return undefined;
}

export async function runResourcePolicy(policy: ResourceValidationPolicy, r: TestResource, opts: RunOptions = {}): Promise<RunResult> {
    const ds: Diagnostic[] = [];
    let level = levelOf(policy, opts.config);
    if (level === "disabled") {
        return { diagnostics: ds };
    }
    if (level === "remediate") {
        level = "mandatory";
    }
    const validations = Array.isArray(policy.validateResource) ? policy.validateResource : policy.validateResource ? [policy.validateResource] : [];
    let notApplicable: string | undefined;
    await withStackConfig(opts.stackConfig, async () => {
        for (const v of validations) {
            const args = resourceArgs(r, opts.config);
            notApplicable = (await guarded(policy.name, ds, async () => v(args, reporter(policy, level, ds, args.urn)))) ?? notApplicable;
        }
    });
    return { diagnostics: ds, notApplicable };
}

export function stackResource(r: TestResource): PolicyResource {
    const a = resourceArgs(r);
    return { type: a.type, name: a.name, urn: a.urn, props: a.props, opts: a.opts, provider: a.provider, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined };
}

function assertNever(message: string): never {
    throw new Error(message);
}

export async function runStackPolicy(policy: StackValidationPolicy, resources: TestResource[], opts: RunOptions = {}): Promise<RunResult> {
    const ds: Diagnostic[] = [];
    let level = levelOf(policy, opts.config);
    if (level === "disabled") {
        return { diagnostics: ds };
    }
    if (level === "remediate") {
        level = "mandatory";
    }
    const stack = resources.map(stackResource);
    const byName = (names: string[] = []) => names.map(n => stack.find(r => r.name === n) ?? assertNever(`no resource named ${n}`));
    resources.forEach((r, i) => {
        stack[i].dependencies = byName(r.dependsOn);
        stack[i].propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, names]) => [k, byName(names)]));
    });
    const args: StackValidationArgs = {
        resources: stack,
        stackTags: new Map(),
        getConfig: <T extends object>() => policyConfig(opts.config) as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
    let notApplicable: string | undefined;
    await withStackConfig(opts.stackConfig, async () => {
        notApplicable = await guarded(policy.name, ds, async () => policy.validateStack(args, reporter(policy, level, ds)));
    });
    return { diagnostics: ds, notApplicable };
}

/** Runs remediateResource like the engine under enforcementLevel "remediate"; returns the serialized new props. */
export async function runRemediation(policy: ResourceValidationPolicy, r: TestResource, opts: RunOptions = {}): Promise<{ props?: Record<string, unknown>; notApplicable?: string }> {
    if (!policy.remediateResource) {
        throw new Error(`${policy.name} has no remediateResource`);
    }
    let result: Record<string, unknown> | undefined;
    let notApplicable: string | undefined;
    await withStackConfig(opts.stackConfig, async () => {
        const args = resourceArgs(r, opts.config);
        notApplicable = await guarded(policy.name, [], async () => {
            const out = await Promise.resolve(policy.remediateResource!(args));
            if (out) {
                result = await deserialize.serializeProperties(out);
            }
        });
    });
    return { props: result, notApplicable };
}

/** Messages at a level, for short assertions. */
export function messages(res: RunResult, level?: EnforcementLevel): string[] {
    return res.diagnostics.filter(d => !level || d.enforcementLevel === level).map(d => d.message);
}
