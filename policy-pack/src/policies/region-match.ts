// sagemaker-region-match: everything a model or package reads must be in the region it deploys to.
import { ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { deploymentRegion, isUnknown, normalize, RegionResolution, ResourceLike, SageMakerResource } from "../normalize";
import { stackBucketRegions } from "../normalize/buckets";
import { DEFAULT_BUCKET_REGION_PATTERNS, imageLocation, parseArn, parseS3, regionFromBucketName } from "../normalize/locations";
import { configWithDefaults, Findings, label, OnUnknown, onUnknownSchema, PolicySettings, settle, withDefaults } from "./common";

type Level3 = "fail" | "warn" | "ignore";

export interface RegionMatchConfig {
    allowedRegions?: string[];
    bucketRegions: Record<string, string>;
    bucketRegionPatterns: string[];
    unknownBucketRegion: Level3;
    nonEcrImages: Level3;
    onUnknown: OnUnknown;
}

export const regionMatchDefaults: RegionMatchConfig = {
    bucketRegions: {},
    bucketRegionPatterns: DEFAULT_BUCKET_REGION_PATTERNS,
    unknownBucketRegion: "warn",
    nonEcrImages: "ignore",
    onUnknown: "warn",
};

const REGION = "^[a-z]{2}(-[a-z]+)+-\\d+$";

function where(r: RegionResolution): string {
    return r.source === "resource" ? `its ${r.path}` : r.source === "provider" ? "its provider's region" : `stack config ${r.path}`;
}

/** Region of an S3 location from the URL, the config map or the bucket's name; undefined if none says. */
function s3Region(uri: string, cfg: RegionMatchConfig): { bucket?: string; region?: string } {
    const loc = parseS3(uri);
    if (!loc) {
        return {};
    }
    const region = loc.region ?? cfg.bucketRegions[loc.bucket] ?? regionFromBucketName(loc.bucket, cfg.bucketRegionPatterns);
    return { bucket: loc.bucket, region };
}

function levelled(f: Findings, level: Level3, message: string): void {
    if (level === "fail") {
        f.violation(message);
    } else if (level === "warn") {
        f.advisory(message);
    }
}

/** Per-resource pass: images, ARNs, and S3 locations whose region the config or the name tells. */
function checkResource(resource: ResourceLike, view: SageMakerResource, cfg: RegionMatchConfig, f: Findings): void {
    const region = deploymentRegion(resource, view);
    if (isUnknown(region.value)) {
        f.unknown(region.value, "the deployment region cannot be compared with what the resource references");
        return;
    }
    if (region.value === undefined) {
        f.violation(`${label(view)}: its deployment region is not set (no ${view.dialect.region ?? "region"} input, ` +
            `no provider region, no ${view.dialect.regionConfigKey}). Fix: set ${view.dialect.regionConfigKey} in the stack config ` +
            `or a region on the resource's provider.`);
        return;
    }
    const deploy = region.value;
    if (cfg.allowedRegions && cfg.allowedRegions.length > 0 && !cfg.allowedRegions.includes(deploy)) {
        f.violation(`${label(view)}: deploys to "${deploy}" (from ${where(region)}), which is not in allowedRegions ` +
            `${JSON.stringify(cfg.allowedRegions)}. Fix: set ${region.path} to one of ${cfg.allowedRegions.join(", ")}.`);
    }
    const mismatch = (path: string, value: string, what: string, found: string, fix: string) =>
        f.violation(`${label(view)}: ${path} ${JSON.stringify(value)} is ${what} "${found}" but the ${view.kind === "model" ? "model" : "model package"} ` +
            `deploys to "${deploy}" (from ${where(region)}). Fix: ${fix}, or deploy it in "${found}".`);

    for (const u of view.opaque) {
        f.unknown(u, `it may reference images or artifacts outside "${deploy}"`);
    }
    for (const ref of view.references) {
        if (isUnknown(ref.value)) {
            f.unknown(ref.value, `it may point outside "${deploy}"`);
            continue;
        }
        if (ref.kind === "image") {
            const img = imageLocation(ref.value);
            if (img.registry === "ecr") {
                if (img.region !== deploy) {
                    mismatch(ref.path, ref.value, "in the ECR registry of region", img.region,
                        `push or replicate the image to ECR in "${deploy}" and reference that registry`);
                }
            } else {
                levelled(f, cfg.nonEcrImages, `${label(view)}: ${ref.path} ${JSON.stringify(ref.value)} is not an ECR image ` +
                    `(registry "${img.host}"), so its region cannot be checked. Fix: use an ECR image in "${deploy}", ` +
                    `or set nonEcrImages to "ignore" for private registries reached through the VPC.`);
            }
        } else if (ref.kind === "arn") {
            const arn = parseArn(ref.value);
            if (arn && arn.region && arn.region !== deploy) {
                mismatch(ref.path, ref.value, "an ARN in region", arn.region, `use the ${arn.service} resource's ARN in "${deploy}"`);
            }
        } else {
            const s3 = s3Region(ref.value, cfg);
            if (s3.region && s3.region !== deploy) {
                mismatch(ref.path, ref.value, `in bucket "${s3.bucket}" of region`, s3.region,
                    `copy the artifact to a bucket in "${deploy}" and reference that`);
            }
            // A bucket with no known region is checked by the stack pass, which sees the stack's buckets.
        }
    }
}

/** Stack pass: S3 locations whose bucket region only the stack's own bucket resources can tell. */
function checkStackBuckets(resource: ResourceLike, view: SageMakerResource, cfg: RegionMatchConfig, buckets: Map<string, string>, f: Findings): void {
    const region = deploymentRegion(resource, view);
    if (typeof region.value !== "string") {
        return; // reported by the resource pass
    }
    const deploy = region.value;
    for (const ref of view.references) {
        if (ref.kind !== "s3" || isUnknown(ref.value)) {
            continue;
        }
        const s3 = s3Region(ref.value, cfg);
        if (!s3.bucket || s3.region) {
            continue; // not S3, or already decided by the resource pass
        }
        const inStack = buckets.get(s3.bucket);
        if (inStack === undefined) {
            levelled(f, cfg.unknownBucketRegion, `${label(view)}: ${ref.path} ${JSON.stringify(ref.value)} is in bucket "${s3.bucket}", ` +
                `whose region this policy cannot know. Fix: add {"${s3.bucket}": "<region>"} to bucketRegions in the ` +
                `sagemaker-region-match config, or declare the bucket in this stack.`);
        } else if (inStack !== deploy) {
            f.violation(`${label(view)}: ${ref.path} ${JSON.stringify(ref.value)} is in bucket "${s3.bucket}" of region "${inStack}" ` +
                `(a bucket in this stack) but it deploys to "${deploy}" (from ${where(region)}). Fix: copy the artifact to a bucket in ` +
                `"${deploy}" and reference that, or deploy it in "${inStack}".`);
        }
    }
}

const NAME = "sagemaker-region-match";

const properties: Record<keyof RegionMatchConfig, PolicyConfigJSONSchema> = {
    allowedRegions: {
        type: "array",
        items: { type: "string", pattern: REGION },
        uniqueItems: true,
        description: "Regions SageMaker resources may deploy to. Unset: any region.",
    },
    bucketRegions: {
        type: "object",
        additionalProperties: { type: "string", pattern: REGION },
        description: "Bucket name -> region, for buckets not declared in this stack.",
    },
    bucketRegionPatterns: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "Regexes with a named group 'region' for bucket names that carry their region (defaults: JumpStart caches, sagemaker-<region>-<account>).",
    },
    unknownBucketRegion: {
        type: "string",
        enum: ["fail", "warn", "ignore"],
        description: "An S3 artifact in a bucket whose region neither the config, the bucket name nor the stack tells.",
    },
    nonEcrImages: {
        type: "string",
        enum: ["fail", "warn", "ignore"],
        description: "Images outside ECR (private registries through the VPC) have no region to compare.",
    },
    onUnknown: onUnknownSchema("warn"),
};

const description = "SageMaker models and model packages must reference images, ARNs and S3 artifacts in the region they deploy to, " +
    "and deploy only to allowed regions.";

/** The policy with these settings as its defaults (and level). */
export function regionMatchPolicy(settings?: PolicySettings<RegionMatchConfig>): ResourceValidationPolicy & StackValidationPolicy {
    const { config: defaults, level } = settle(NAME, regionMatchDefaults, Object.keys(properties), settings);
    return {
        name: NAME,
        description,
        enforcementLevel: level ?? "mandatory",
        severity: "medium",
        tags: ["sagemaker", "region", "reliability"],
        remediationSteps:
            "SageMaker reads the image from ECR and the model data from S3 in the model's own region. Replicate the ECR " +
            "repository (ECR replication) and copy the S3 artifacts to the deployment region, reference those, or deploy the " +
            "resource in the region that holds them (region input, provider region, or aws:region). For buckets outside the " +
            "stack, map bucket to region in this policy's bucketRegions config.",
        configSchema: { properties: withDefaults(properties, defaults) },
        validateResource: (args, report) => {
            const view = normalize(args);
            if (!view) {
                return;
            }
            const cfg = configWithDefaults(args.getConfig<Partial<RegionMatchConfig>>(), defaults);
            const f = new Findings();
            checkResource(args, view, cfg, f);
            f.flush(report, cfg.onUnknown, view);
        },
        validateStack: (args, report: ReportViolation) => {
            const cfg = configWithDefaults(args.getConfig<Partial<RegionMatchConfig>>(), defaults);
            const buckets = stackBucketRegions(args.resources);
            for (const r of args.resources) {
                const view = normalize(r);
                if (!view) {
                    continue;
                }
                const f = new Findings();
                checkStackBuckets(r, view, cfg, buckets, f);
                f.flush(report, cfg.onUnknown, view, r.urn);
            }
        },
    };
}

export const regionMatch = regionMatchPolicy();
