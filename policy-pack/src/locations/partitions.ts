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
const SUFFIXES = [...new Set(PARTITIONS.map(p => p.dnsSuffix))].sort((a, b) => b.length - a.length);

// Region names are short: anything else is not one, and the partition patterns never see long input.
const REGION_SHAPE = /^[a-z][a-z0-9-]{1,38}[0-9]$/;

/**
 * THE region rule as one pattern, generated with the partitions (a name some partition claims, by
 * its pattern or by listing it): the same text the provider reads from its copy of this file
 * (provider/identity/partitions.json). Usable as a JSON Schema `pattern` (config schemas).
 */
export const REGION_NAME_PATTERN: string = generated.regionPattern;
const REGION_NAME = new RegExp(REGION_NAME_PATTERN);

/** Whether `text` is a region name (the region rule, with the length guard the partition lookups use). */
export function isRegionName(text: string): boolean {
    return REGION_SHAPE.test(text) && REGION_NAME.test(text);
}

export function partitionById(id: string): Partition | undefined {
    return PARTITIONS.find(p => p.id === id);
}

export function partitionOfRegion(region: string): Partition | undefined {
    if (!REGION_SHAPE.test(region)) {
        return undefined;
    }
    return PARTITIONS.find(p => p.regions.has(region)) ?? PARTITIONS.find(p => p.regionRegex.test(region));
}

/**
 * The DNS suffix that ends `host`, the labels before it, and the partitions that use it (aws and
 * aws-us-gov share amazonaws.com: the region label tells them apart; the first, aws, owns the
 * region-less global hosts).
 */
export function splitDnsSuffix(host: string): { suffix: string; partitions: Partition[]; labels: string[] } | undefined {
    for (const suffix of SUFFIXES) {
        if (host.endsWith(`.${suffix}`)) {
            return { suffix, partitions: PARTITIONS.filter(p => p.dnsSuffix === suffix), labels: host.slice(0, -(suffix.length + 1)).split(".") };
        }
    }
    return undefined;
}

/** The partition of `region` if it is one of `partitions` (those of a DNS suffix). */
export function regionAmong(region: string, partitions: readonly Partition[]): Partition | undefined {
    const p = partitionOfRegion(region);
    return p && partitions.includes(p) ? p : undefined;
}
