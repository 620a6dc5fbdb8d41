// Values unknown at preview traced to the stack resources that produce them (propertyDependencies),
// and the regions of the stack's SageMaker resources, so an output of one can be placed.
import { PolicyResource } from "@pulumi/policy";
import { dialectFor } from "../normalize/dialects";
import { isUnknown } from "../normalize/unknowns";
import { resourceRegion } from "./deployment";

/** Group resources: the member that holds their declared name, and where their region is read. */
export const GROUP_TYPES: Record<string, { nameKey: string; regionKey?: string; configKey: string }> = {
    "pulumi-nodejs:dynamic/sagemaker:ModelPackageGroup": { nameKey: "ModelPackageGroupName", regionKey: "region", configKey: "aws:region" },
    "aws-native:sagemaker:ModelPackageGroup": { nameKey: "modelPackageGroupName", configKey: "aws-native:region" },
};

/**
 * What the stack resources that `property` of `r` depends on are in `byUrn` (a group's name, a
 * resource's region): how an input that is an output of another resource of the stack is traced.
 */
export function stackSources<T>(r: PolicyResource, property: string, byUrn: Map<string, T>): T[] {
    return (r.propertyDependencies?.[property] ?? []).flatMap(dep => (byUrn.has(dep.urn) ? [byUrn.get(dep.urn) as T] : []));
}

/** The stack's models, packages and groups whose region is known (own input, provider, stack config): URN -> region. */
export function stackResourceRegions(resources: PolicyResource[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of resources) {
        const group = GROUP_TYPES[r.type];
        const found = group ? undefined : dialectFor(r.type);
        const keys = group ?? (found ? { regionKey: found.dialect.region, configKey: found.dialect.regionConfigKey } : undefined);
        if (!keys) {
            continue;
        }
        const region = resourceRegion(r, keys.regionKey, keys.configKey).value;
        if (typeof region === "string" && region !== "" && !isUnknown(region)) {
            out.set(r.urn, region);
        }
    }
    return out;
}
