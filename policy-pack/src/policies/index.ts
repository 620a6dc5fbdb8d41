// The policies with their default settings, and the factories that give them other defaults.
import { Policies } from "@pulumi/policy";
import { eulaAcceptance, eulaAcceptancePolicy } from "./eula-acceptance";
import { networkIsolation, networkIsolationPolicy } from "./network-isolation";
import { regionMatch, regionMatchPolicy } from "./region-match";
import { registryApproval, registryApprovalPolicy } from "./registry-approval";

export {
    eulaAcceptance, eulaAcceptancePolicy, networkIsolation, networkIsolationPolicy, regionMatch, regionMatchPolicy, registryApproval, registryApprovalPolicy,
};

/** Every policy with its defaults, in the order the ready-made pack lists them. */
export const policies: Policies = [networkIsolation, regionMatch, eulaAcceptance, registryApproval];
