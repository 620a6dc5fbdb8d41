// S3 buckets declared in the same stack, whatever resource declares them: name -> region.
import { ResourceLike } from "../normalize";
import { asString, isUnknown, read } from "../normalize/unknowns";
import { resourceRegion } from "./deployment";

const BUCKET_TYPES: Record<string, { nameKey: string; regionKey?: string; configKey: string }> = {
    "aws:s3/bucket:Bucket": { nameKey: "bucket", regionKey: "region", configKey: "aws:region" },
    "aws:s3/bucketV2:BucketV2": { nameKey: "bucket", regionKey: "region", configKey: "aws:region" },
    "aws-native:s3:Bucket": { nameKey: "bucketName", configKey: "aws-native:region" },
};

/** Buckets whose name and region are both known. */
export function stackBucketRegions(resources: ResourceLike[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const r of resources) {
        const t = BUCKET_TYPES[r.type];
        if (!t) {
            continue;
        }
        const name = asString(read(r.props, t.nameKey, t.nameKey));
        const region = resourceRegion(r, t.regionKey, t.configKey).value;
        if (typeof name === "string" && typeof region === "string" && !isUnknown(region)) {
            out.set(name, region);
        }
    }
    return out;
}
