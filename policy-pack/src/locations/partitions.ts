// AWS partitions and their regions, from the SDK's endpoint data (generated/partitions.json, made by
// scripts/generate-policy-data.ts from @aws-sdk/core's partitionsInfo). Lookups follow the SDK's
// `partition(region)`: a listed region first, then the partition's region pattern; unlike the SDK
// we never fall back to "aws" for a region no partition claims.
import * as generated from "../generated/partitions.json";

export interface Partition {
    id: string;
    dnsSuffix: string;
    dualStackDnsSuffix: string;
    regions: ReadonlySet<string>;
    regionRegex: RegExp;
}

export const PARTITIONS: readonly Partition[] = generated.partitions.map(p => ({
    id: p.id,
    dnsSuffix: p.dnsSuffix,
    dualStackDnsSuffix: p.dualStackDnsSuffix,
    regions: new Set(p.regions),
    regionRegex: new RegExp(p.regionRegex),
}));

/** Longest suffix first, so "amazonaws.com.cn" is tried before "amazonaws.com". */
const BY_SUFFIX = [...PARTITIONS].sort((a, b) => b.dnsSuffix.length - a.dnsSuffix.length);

// Region names are short: anything else is not one, and the partition patterns never see long input.
const REGION_SHAPE = /^[a-z][a-z0-9-]{1,38}[0-9]$/;

export function partitionById(id: string): Partition | undefined {
    return PARTITIONS.find(p => p.id === id);
}

export function partitionOfRegion(region: string): Partition | undefined {
    if (!REGION_SHAPE.test(region)) {
        return undefined;
    }
    return PARTITIONS.find(p => p.regions.has(region)) ?? PARTITIONS.find(p => p.regionRegex.test(region));
}

export function isRegionOf(region: string, partition: Partition): boolean {
    return partitionOfRegion(region) === partition;
}

/** The partition whose DNS suffix ends `host`, and the labels before it. */
export function splitDnsSuffix(host: string): { partition: Partition; labels: string[] } | undefined {
    for (const p of BY_SUFFIX) {
        if (host.endsWith(`.${p.dnsSuffix}`)) {
            return { partition: p, labels: host.slice(0, -(p.dnsSuffix.length + 1)).split(".") };
        }
    }
    return undefined;
}
