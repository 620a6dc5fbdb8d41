// sagemaker-network-isolation: model containers must not reach the network (optionally: run in a VPC).
import { ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { globMatch } from "../normalize/locations";
import { isUnknown, normalize, SageMakerResource, show, withNetworkIsolation } from "../normalize";
import { configWithDefaults, Findings, label, OnUnknown, onUnknownSchema, PolicySettings, settle, withDefaults } from "./common";

export interface NetworkIsolationConfig {
    requireVpcConfig: boolean;
    exemptions: { namePattern: string; reason: string }[];
    onUnknown: OnUnknown;
}

export const networkIsolationDefaults: NetworkIsolationConfig = { requireVpcConfig: false, exemptions: [], onUnknown: "fail" };

const NAME = "sagemaker-network-isolation";

const properties: Record<keyof NetworkIsolationConfig, PolicyConfigJSONSchema> = {
    requireVpcConfig: { type: "boolean", description: "Also require a VpcConfig on every model." },
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
    onUnknown: onUnknownSchema("fail"),
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

/** The policy with these settings as its defaults (and level). */
export function networkIsolationPolicy(settings?: PolicySettings<NetworkIsolationConfig>): ResourceValidationPolicy {
    const { config: defaults, level } = settle(NAME, networkIsolationDefaults, Object.keys(properties), settings);
    return {
        name: NAME,
        description: "SageMaker models must enable network isolation so their containers make no outbound network calls.",
        enforcementLevel: level ?? "mandatory",
        severity: "high",
        tags: ["sagemaker", "network", "security"],
        remediationSteps:
            "Set EnableNetworkIsolation: true (enableNetworkIsolation with @pulumi/aws or aws-native) on the model. " +
            "If the container must download at run time, give it a VpcConfig with endpoints instead, and exempt the model " +
            "in this policy's config with a namePattern and a reason. Run the pack with enforcementLevel \"remediate\" to set it automatically.",
        configSchema: { properties: withDefaults(properties, defaults) },
        validateResource: (args, report) => {
            const checked = check(args, defaults);
            if (!checked) {
                return;
            }
            const { view, cfg } = checked;
            const f = new Findings();
            const ni = view.networkIsolation!;
            if (isUnknown(ni.value)) {
                f.unknown(ni.value, "network isolation may end up disabled");
            } else if (ni.value !== true) {
                f.violation(`${label(view)}: ${ni.path} is ${show(ni.value)}, so its containers can make outbound calls. ` +
                    `Fix: set ${ni.path}: true, or exempt the model with {"namePattern": "${view.name}", "reason": "..."}.`);
            }
            if (cfg.requireVpcConfig) {
                const vpc = view.vpcConfig!;
                if (isUnknown(vpc.value)) {
                    f.unknown(vpc.value, "the model may run outside a VPC");
                } else if (vpc.value === undefined) {
                    f.violation(`${label(view)}: ${vpc.path} is <not set> and requireVpcConfig is on. ` +
                        `Fix: set ${vpc.path} with the security group ids and subnets the model runs in.`);
                }
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
