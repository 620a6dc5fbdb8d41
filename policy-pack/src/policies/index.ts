// Every policy with its defaults, in the order the ready-made pack lists them.
import { Policies } from "@pulumi/policy";
import { eulaAcceptance } from "./eula-acceptance";
import { networkIsolation } from "./network-isolation";
import { regionMatch } from "./region-match";
import { registryApproval } from "./registry-approval";

export const policies: Policies = [networkIsolation, regionMatch, eulaAcceptance, registryApproval];
