// sagemaker-guardrails: Pulumi policies for Amazon SageMaker models and model packages, as a library.
// `sagemakerGuardrails()` returns the policy list for your own PolicyPack; each policy is also
// exported with its defaults and as a factory taking other defaults.
export { sagemakerGuardrails } from "./guardrails";
export type { GuardrailsConfig } from "./guardrails";
export { READY_PACK_NAME, readyPackArgs } from "./ready-pack";
export type { OnUnknown, PolicySettings } from "./policies/common";
export { eulaAcceptance, eulaAcceptanceDefaults, eulaAcceptancePolicy } from "./policies/eula-acceptance";
export type { ApprovedModel, EulaAcceptanceConfig } from "./policies/eula-acceptance";
export { networkIsolation, networkIsolationDefaults, networkIsolationPolicy } from "./policies/network-isolation";
export type { NetworkIsolationConfig } from "./policies/network-isolation";
export { regionMatch, regionMatchDefaults, regionMatchPolicy } from "./policies/region-match";
export { plaintextSecrets, plaintextSecretsDefaults, plaintextSecretsPolicy } from "./policies/plaintext-secrets";
export type { PlaintextSecretsConfig } from "./policies/plaintext-secrets";
export { keyWords, secretWordIn, SECRET_WORDS } from "./generated/plaintext-secrets";
export type { RegionMatchConfig } from "./policies/region-match";
export { registryApproval, registryApprovalDefaults, registryApprovalPolicy } from "./policies/registry-approval";
export type { RegistryApprovalConfig } from "./policies/registry-approval";
export { policies } from "./policies";
// The location parser, for organizations' own rules over the same locations.
export { parseLocation, PARTITIONS, partitionOfRegion } from "./locations";
export { parsePackageRef, parseGroupRef } from "./locations/model-package";
export type { PackageRef, PackageVersionId, GroupId } from "./locations/model-package";
export type { ArnLocation, EcrLocation, Location, MemberKind, NameLocation, OtherLocation, S3Location } from "./locations";
