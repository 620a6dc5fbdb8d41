// What the policies share: config settings and defaults, resource labels, levels for what a policy
// cannot decide (unknown values, unrecognized locations), and how findings are reported.
import { EnforcementLevel, PolicyConfigSchema, ReportViolation, ResourceValidationArgs, Severity } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { LocationRef, normalize, SageMakerResource, Setting } from "../normalize";
import { show } from "../normalize/text";
import { Unknown } from "../normalize/unknowns";

export type OnUnknown = "fail" | "warn";
export type Level3 = "fail" | "warn" | "ignore";

// No `default` here: configure() sets every schema default from the policy's effective defaults.
export const onUnknownSchema: PolicyConfigJSONSchema = {
    type: "string",
    enum: ["fail", "warn"],
    description: "What an unknown (computed) value that could break this rule does during preview: " +
        "'fail' reports a violation at the policy's level, 'warn' reports an advisory.",
};

/**
 * How a program configures one policy: an enforcement level, or an object with an optional
 * `enforcementLevel` and any of the policy's options. The options become the defaults of the
 * policy's config schema, so `--policy-pack-config` still overrides them key by key (the engine
 * applies schema defaults, then the pack's config, then the file's).
 */
export type PolicySettings<C> = EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Partial<C>);

/** A policy's effective defaults and level from its settings; unknown option names throw (JavaScript callers). */
function resolveSettings<C extends object>(policy: string, defaults: C, options: readonly string[], settings?: PolicySettings<C>): { config: C; level?: EnforcementLevel } {
    if (settings === undefined) {
        return { config: defaults };
    }
    if (typeof settings === "string") {
        return { config: defaults, level: settings };
    }
    const { enforcementLevel, ...given } = settings;
    const unknown = Object.keys(given).filter(k => !options.includes(k));
    if (unknown.length > 0) {
        throw new Error(`${policy}: unknown option ${unknown.map(k => JSON.stringify(k)).join(", ")}; its options are ${options.join(", ")}.`);
    }
    return { config: configWithDefaults(given, defaults), level: enforcementLevel };
}

export const unrecognizedLocationsSchema: PolicyConfigJSONSchema = {
    type: "string",
    enum: ["fail", "warn"],
    description: "A location the pack's parser cannot place (not an S3, ECR, ARN or KMS form it knows, or longer than the API allows): " +
        "'fail' reports a violation at the policy's level, 'warn' an advisory. Never ignored.",
};

/** What a policy says about itself: the same whatever its settings. */
export interface PolicyInfo {
    description: string;
    severity: Severity;
    tags: string[];
    remediationSteps: string;
}

/** What a policy's settings decide: its effective defaults, and the metadata, level and config schema it is built with. */
export function configure<C extends object>(name: string, info: PolicyInfo, defaults: C, properties: Record<keyof C & string, PolicyConfigJSONSchema>, settings?: PolicySettings<C>): {
    defaults: C;
    base: PolicyInfo & { name: string; enforcementLevel: EnforcementLevel; configSchema: PolicyConfigSchema };
} {
    const { config, level } = resolveSettings(name, defaults, Object.keys(properties), settings);
    return { defaults: config, base: { name, ...info, enforcementLevel: level ?? "mandatory", configSchema: { properties: withDefaults(properties, config) } } };
}

/** A validateResource that builds the view, reads the config and flushes what `judge` found. */
export function perResource<C extends { onUnknown: OnUnknown }>(defaults: C, judge: (args: ResourceValidationArgs, view: SageMakerResource, cfg: C, f: Findings) => void) {
    return (args: ResourceValidationArgs, report: ReportViolation): void => {
        const view = normalize(args);
        if (!view) {
            return;
        }
        const cfg = configWithDefaults(args.getConfig<Partial<C>>(), defaults);
        const f = new Findings();
        judge(args, view, cfg, f);
        f.flush(report, cfg.onUnknown, view);
    };
}

/** True only for the boolean true (and the string "true" that config-file and YAML programs send). */
export function isTrue(v: unknown): boolean {
    return v === true || v === "true";
}

/** `PrimaryContainer.Image "123….dkr.ecr…"`: a location member and its value, for messages. */
export function at(ref: LocationRef): string {
    return `${ref.path} ${show(ref.value)}`;
}

/** Schema properties with `default` set from the effective defaults (absent values get none). */
function withDefaults(properties: Record<string, PolicyConfigJSONSchema>, defaults: object): Record<string, PolicyConfigJSONSchema> {
    const values = defaults as Record<string, unknown>;
    return Object.fromEntries(Object.entries(properties).map(([k, schema]) => {
        const { default: _old, ...rest } = schema;
        return [k, values[k] === undefined ? rest : { ...rest, default: values[k] as PolicyConfigJSONSchema["default"] }];
    }));
}

/** Policy config with the schema's defaults filled in (the engine may or may not apply them). */
export function configWithDefaults<T extends object>(raw: object, defaults: T): T {
    const out: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
    for (const [k, v] of Object.entries(raw)) {
        if (v !== undefined && v !== null) {
            out[k] = v;
        }
    }
    return out as T;
}

/** How a message names a resource: `Model "fraud-model" (aws:sagemaker/model:Model)`. */
export function label(r: SageMakerResource): string {
    const kind = r.kind === "model" ? "Model" : "ModelPackage";
    return `${kind} "${r.name}" (${r.type})`;
}

/**
 * Reports an advisory (a warning that never blocks) with our own message.
 * @pulumi/policy 1.21's reportViolation also accepts a policy-info object whose
 * `enforcementLevel` overrides the policy's (server.js makeReportViolationFun); its typings
 * only declare the string form, hence the cast. Pinned version; covered by unit tests.
 */
function reportAdvisory(report: ReportViolation, message: string, urn?: string): void {
    const asObject = report as unknown as (info: { message: string; enforcementLevel: "advisory"; urn?: string }) => void;
    asObject({ message, enforcementLevel: "advisory", urn });
}

/** Collects findings, then reports them: violations at the policy level, unknowns per `onUnknown`. */
export class Findings {
    private readonly violations: string[] = [];
    private readonly unknowns: string[] = [];
    private readonly advisories: string[] = [];

    violation(message: string): void {
        this.violations.push(message);
    }

    /** A value that is unknown during preview and could break the rule. */
    unknown(u: Unknown | { path: string }, whatCouldFail: string): void {
        this.unknowns.push(`${u.path} is unknown during preview; ${whatCouldFail}`);
    }

    /**
     * Keys that spell a setting otherwise than the member the provider reads: the deployment
     * ignores them, so the rule was judged without them; each is named as a violation.
     */
    misspelt(resource: SageMakerResource, s: Setting, meaning: string, holderType: string = resource.type): void {
        const reader = holderType.startsWith("pulumi-nodejs:") ? "pulumi-sagemaker" : `the ${holderType.split(":")[0]} provider`;
        for (const path of s.misspelt) {
            this.violation(`${label(resource)}: ${path} is not a member ${reader} reads (it reads ${s.path}), so ${meaning} is judged from ` +
                `${s.path} ${show(s.value)}. Fix: rename ${path} to ${s.path}.`);
        }
    }

    advisory(message: string): void {
        this.advisories.push(message);
    }

    /** A finding whose weight the config chose: fail (violation), warn (advisory) or ignore. */
    levelled(level: Level3, message: string): void {
        if (level === "fail") {
            this.violation(message);
        } else if (level === "warn") {
            this.advisory(message);
        }
    }

    flush(report: ReportViolation, onUnknown: OnUnknown, resource: SageMakerResource, urn?: string): void {
        for (const v of this.violations) {
            report(v, urn);
        }
        for (const a of this.advisories) {
            reportAdvisory(report, a, urn);
        }
        if (this.unknowns.length > 0) {
            const fix = onUnknown === "fail"
                ? "Fix: make these values known at preview time (plain values or resources that already exist), " +
                  "or set this policy's onUnknown to \"warn\"."
                : "They are checked again once known (pulumi up, pulumi policy analyze).";
            const message = `${label(resource)}: cannot be checked during preview: ${this.unknowns.join("; ")}. ${fix}`;
            if (onUnknown === "fail") {
                report(message, urn);
            } else {
                reportAdvisory(report, message, urn);
            }
        }
    }
}
