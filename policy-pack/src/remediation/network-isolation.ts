// Remediation for sagemaker-network-isolation: the props with network isolation switched on.
import { SageMakerResource } from "../normalize";

/**
 * The props with network isolation switched on, in the member the resource's provider reads.
 * Setting the key on the analyzer's proxy writes through to its target, which the analyzer
 * serializes as-is, so unknown values elsewhere travel back untouched. Misspelt keys beside it are
 * left for the violation to name (the remediated value is the one the provider reads).
 */
export function withNetworkIsolation(view: SageMakerResource, props: Record<string, unknown>): Record<string, unknown> {
    props[view.networkIsolation?.path ?? view.dialect.member("EnableNetworkIsolation")] = true;
    return props;
}
