// The pack's policies, importable without starting the analyzer (tests, docs).
import { Policies } from "@pulumi/policy";
import { eulaAcceptance } from "./eula-acceptance";
import { networkIsolation } from "./network-isolation";
import { regionMatch } from "./region-match";

export { eulaAcceptance, networkIsolation, regionMatch };

export const policies: Policies = [networkIsolation, regionMatch, eulaAcceptance];
