// sagemaker-network-isolation: model containers must not reach the network (optionally: run in a VPC).
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { globMatch } from "../normalize/glob";
import { normalize, SageMakerResource } from "../normalize";
import { show } from "../normalize/text";
import { isUnknown, read } from "../normalize/unknowns";
import { withNetworkIsolation } from "../remediation/network-isolation";
import { configure, configWithDefaults, Findings, isTrue, label, OnUnknown, onUnknownSchema, PolicyInfo, PolicySettings } from "./common";

export interface NetworkIsolationConfig {
    requireVpcConfig: boolean;
    exemptions: { namePattern: string; reason: string }[];
    onUnknown: OnUnknown;
}

export const networkIsolationDefaults: NetworkIsolationConfig = { requireVpcConfig: false, exemptions: [], onUnknown: "fail" };

const NAME = "sagemaker-network-isolation";

const properties: Record<keyof NetworkIsolationConfig, PolicyConfigJSONSchema> = {
    requireVpcConfig: { type: "boolean", description: "Also require a VpcConfig with at least one subnet and one security group on every model." },
    exemptions: {
        type: "array",
        description: "Models this policy skips: namePattern (glob, * and ?) matched against the Pulumi name or the model name.",
        items: {
            type: "object",
            properties: {
                namePattern: { type: "string", minLength: 1 },
                reason: { type: "string", minLength: 1 },
            },
            required: ["namePattern", "reason"],
            additionalProperties: false,
        },
    },
    onUnknown: onUnknownSchema,
};

function exemption(view: SageMakerResource, cfg: NetworkIsolationConfig): { namePattern: string; reason: string } | undefined {
    const names = [view.name];
    if (typeof view.physicalName === "string") {
        names.push(view.physicalName);
    }
    return cfg.exemptions.find(e => names.some(n => globMatch(n, e.namePattern, true)));
}

function check(args: ResourceValidationArgs, defaults: NetworkIsolationConfig): { view: SageMakerResource; cfg: NetworkIsolationConfig } | undefined {
    const view = normalize(args);
    if (!view || view.kind !== "model") {
        // Network isolation is a property of models; packages inherit it from the model that uses them.
        return undefined;
    }
    const cfg = configWithDefaults(args.getConfig<Partial<NetworkIsolationConfig>>(), defaults);
    const ex = exemption(view, cfg);
    if (ex) {
        args.notApplicable(`exempted by namePattern "${ex.namePattern}": ${ex.reason}`);
    }
    return { view, cfg };
}

/**
 * At least one usable id: "yes", "unknown" (an unknown list, or unknown items and no usable one), or
 * "no". An id is a non-empty string (the API's SubnetId / SecurityGroupId patterns need characters);
 * "" or a non-string never counts.
 */
function hasId(v: unknown): "yes" | "unknown" | "no" {
    if (isUnknown(v)) {
        return "unknown";
    }
    if (!Array.isArray(v)) {
        return "no";
    }
    // Each id through read(): the analyzer's proxy throws on reading an unknown item directly.
    const ids = Array.from({ length: v.length }, (_, i) => read(v, i, String(i)));
    if (ids.some(id => typeof id === "string" && id.trim() !== "")) {
        return "yes";
    }
    return ids.some(id => isUnknown(id)) ? "unknown" : "no";
}

function checkVpc(view: SageMakerResource, f: Findings): void {
    const vpc = view.vpcConfig!;
    f.misspelt(view, vpc, "the VPC requirement");
    if (isUnknown(vpc.value)) {
        f.unknown(vpc.value, "the model may run outside a VPC");
        return;
    }
    // A VpcConfig that is not an object (a list, a string, null) has no members: both read as absent.
    f.misspelt(view, vpc.subnets, "the VPC requirement");
    f.misspelt(view, vpc.securityGroupIds, "the VPC requirement");
    const subnets = hasId(vpc.subnets.value);
    const groups = hasId(vpc.securityGroupIds.value);
    for (const [what, state] of [[vpc.subnets, subnets], [vpc.securityGroupIds, groups]] as const) {
        if (state === "unknown") {
            f.unknown({ path: what.path }, "the model may run without it in its VPC");
        }
    }
    if (subnets === "no" || groups === "no") {
        const missing = [subnets === "no" ? "a subnet" : "", groups === "no" ? "a security group" : ""].filter(Boolean).join(" and ");
        f.violation(`${label(view)}: ${vpc.path} is ${show(vpc.value)}, without ${missing}, and requireVpcConfig is on. ` +
            `Fix: set ${vpc.subnets.path} and ${vpc.securityGroupIds.path}, each with at least one non-empty id, for the VPC the model runs in.`);
    }
}

const INFO: PolicyInfo = {
    description: "SageMaker models must enable network isolation so their containers make no outbound network calls.",
    severity: "high",
    tags: ["sagemaker", "network", "security"],
    remediationSteps:
        "Set EnableNetworkIsolation: true (enableNetworkIsolation with @pulumi/aws or aws-native) on the model. " +
        "If the container must download at run time, give it a VpcConfig with endpoints instead, and exempt the model " +
        "in this policy's config with a namePattern and a reason. Run the pack with enforcementLevel \"remediate\" to set it automatically.",
};

/** The policy with these settings as its defaults (and level). */
export function networkIsolationPolicy(settings?: PolicySettings<NetworkIsolationConfig>): ResourceValidationPolicy {
    const { defaults, base } = configure(NAME, INFO, networkIsolationDefaults, properties, settings);
    return {
        ...base,
        validateResource: (args, report) => {
            const checked = check(args, defaults);
            if (!checked) {
                return;
            }
            const { view, cfg } = checked;
            const f = new Findings();
            const ni = view.networkIsolation!;
            f.misspelt(view, ni, "network isolation");
            if (isUnknown(ni.value)) {
                f.unknown(ni.value, "network isolation may end up disabled");
            } else if (!isTrue(ni.value)) {
                const kind = ni.value === undefined || typeof ni.value === "boolean" ? "" : " (not the boolean true)";
                f.violation(`${label(view)}: ${ni.path} is ${show(ni.value)}${kind}, so its containers can make outbound calls. ` +
                    `Fix: set ${ni.path}: true, or exempt the model with {"namePattern": "${view.name}", "reason": "..."}.`);
            }
            if (cfg.requireVpcConfig) {
                checkVpc(view, f);
            }
            f.flush(report, cfg.onUnknown, view);
        },
        remediateResource: args => {
            const checked = check(args, defaults);
            if (!checked || checked.view.networkIsolation!.value === true) {
                return undefined;
            }
            return withNetworkIsolation(checked.view, args.props);
        },
    };
}

export const networkIsolation = networkIsolationPolicy();
