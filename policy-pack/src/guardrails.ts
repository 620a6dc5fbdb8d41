// The library's main entry: the SageMaker guardrails as a policy list for any policy pack.
import { EnforcementLevel, Policies } from "@pulumi/policy";
import { PolicySettings } from "./policies/common";
import { EulaAcceptanceConfig, eulaAcceptancePolicy } from "./policies/eula-acceptance";
import { NetworkIsolationConfig, networkIsolationPolicy } from "./policies/network-isolation";
import { PlaintextSecretsConfig, plaintextSecretsPolicy } from "./policies/plaintext-secrets";
import { RegionMatchConfig, regionMatchPolicy } from "./policies/region-match";
import { RegistryApprovalConfig, registryApprovalPolicy } from "./policies/registry-approval";

/** Settings of every guardrail, by policy; each is a level or `{ enforcementLevel?, ...options }`. */
export interface GuardrailsConfig {
    /** Level of every policy that sets none itself (default: each policy's own, mandatory). */
    enforcementLevel?: EnforcementLevel;
    /** `sagemaker-network-isolation` */
    networkIsolation?: PolicySettings<NetworkIsolationConfig>;
    /** `sagemaker-region-match` */
    regionMatch?: PolicySettings<RegionMatchConfig>;
    /** `sagemaker-eula-acceptance` */
    eulaAcceptance?: PolicySettings<EulaAcceptanceConfig>;
    /** `sagemaker-registry-approval` */
    registryApproval?: PolicySettings<RegistryApprovalConfig>;
    /** `sagemaker-plaintext-secrets`: opt-in, listed only when given (its own level: advisory). */
    plaintextSecrets?: PolicySettings<PlaintextSecretsConfig>;
}

const KEYS: (keyof GuardrailsConfig)[] = ["enforcementLevel", "networkIsolation", "regionMatch", "eulaAcceptance", "registryApproval", "plaintextSecrets"];

/**
 * The SageMaker guardrails, to spread into a PolicyPack next to other policies:
 *
 *     new PolicyPack("acme", { policies: [...sagemakerGuardrails({ regionMatch: { allowedRegions: ["eu-west-1"] } }), ...own] });
 *
 * Options given here become the policies' config defaults; `--policy-pack-config` overrides them.
 */
export function sagemakerGuardrails(config: GuardrailsConfig = {}): Policies {
    const unknown = Object.keys(config).filter(k => !KEYS.includes(k as keyof GuardrailsConfig));
    if (unknown.length > 0) {
        throw new Error(`sagemakerGuardrails: unknown key ${unknown.map(k => JSON.stringify(k)).join(", ")}; the keys are ${KEYS.join(", ")}.`);
    }
    const all = config.enforcementLevel;
    const level = <C>(s: PolicySettings<C> | undefined): PolicySettings<C> | undefined =>
        all === undefined || typeof s === "string" ? s : ({ ...s, enforcementLevel: s?.enforcementLevel ?? all }) as PolicySettings<C>;
    return [
        networkIsolationPolicy(level(config.networkIsolation)),
        regionMatchPolicy(level(config.regionMatch)),
        eulaAcceptancePolicy(level(config.eulaAcceptance)),
        registryApprovalPolicy(level(config.registryApproval)),
        ...(config.plaintextSecrets === undefined ? [] : [plaintextSecretsPolicy(level(config.plaintextSecrets))]),
    ];
}
