// sagemaker-region-match: everything a model or package reads must be in the region it deploys to.
import { PolicyResource, ReportViolation, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { ArnLocation, EcrLocation, Location, MemberKind, parseLocation, partitionOfRegion, S3Location } from "../locations";
import { REGION_NAME_PATTERN } from "../locations/partitions";
import { LocationRef, normalize, ResourceLike, SageMakerResource } from "../normalize";
import { isUnknown } from "../normalize/unknowns";
import { deploymentRegion, RegionResolution } from "../region/deployment";
import { stackBucketRegions } from "../region/stack-buckets";
import { stackResourceRegions, stackSources } from "../region/stack-sources";
import {
    at, configure, configWithDefaults, Findings, label, Level3, OnUnknown, onUnknownSchema, perResource, PolicyInfo, PolicySettings, unrecognizedLocationsSchema,
} from "./common";

export interface RegionMatchConfig {
    allowedRegions?: string[];
    bucketRegions: Record<string, string>;
    bucketRegionPatterns: string[];
    unknownBucketRegion: Level3;
    nonEcrImages: Level3;
    unrecognizedLocations: "fail" | "warn";
    onUnknown: OnUnknown;
}

/** Bucket names that carry their region, as regexes with a named group `region`. */
const DEFAULT_BUCKET_REGION_PATTERNS = [
    // SageMaker JumpStart's public and gated (private) caches.
    "^jumpstart-(?:private-)?cache-prod-(?<region>[a-z]{2}(?:-[a-z]+)+-\\d+)$",
    // SageMaker's default bucket: sagemaker-<region>-<account>.
    "^sagemaker-(?<region>[a-z]{2}(?:-[a-z]+)+-\\d+)-\\d{12}$",
];

export const regionMatchDefaults: RegionMatchConfig = {
    bucketRegions: {},
    bucketRegionPatterns: DEFAULT_BUCKET_REGION_PATTERNS,
    unknownBucketRegion: "warn",
    nonEcrImages: "ignore",
    unrecognizedLocations: "fail",
    onUnknown: "warn",
};

const NAME = "sagemaker-region-match";
// The one region rule (a name some AWS partition claims), generated from the SDK's partition data.
const REGION = REGION_NAME_PATTERN;

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
        description: "An S3 location whose bucket region neither the URL, the config, the bucket name nor the stack tells.",
    },
    nonEcrImages: {
        type: "string",
        enum: ["fail", "warn", "ignore"],
        description: "Images outside ECR (private registries through the VPC) have no region to compare.",
    },
    unrecognizedLocations: unrecognizedLocationsSchema,
    onUnknown: onUnknownSchema,
};

/** How each member kind is written so the policy can place it, for messages. */
const EXPECTED_FORMS: Record<MemberKind, string> = {
    "s3": "s3://BUCKET/KEY or an https:// URL of an S3 endpoint",
    "image": "an ECR image (ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG)",
    "kms": "a KMS key ARN, key id or alias",
    "arn": "an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)",
    "arn-or-name": "an ARN or a name",
    "uri": "an ARN or an S3 location",
};

function where(r: RegionResolution): string {
    return r.source === "resource" ? `its ${r.path}` : r.source === "provider" ? "its provider's region" : `stack config ${r.path}`;
}

// Compiled once per pattern list (the config's), not once per location.
const compiled = new WeakMap<string[], RegExp[]>();

function regionFromBucketName(bucket: string, patterns: string[]): string | undefined {
    let regexes = compiled.get(patterns);
    if (!regexes) {
        regexes = patterns.map(p => new RegExp(p));
        compiled.set(patterns, regexes);
    }
    for (const re of regexes) {
        const m = re.exec(bucket);
        if (m?.groups?.region) {
            return m.groups.region;
        }
    }
    return undefined;
}

/** Where each source that knows says the location is: the host or ARN itself, then the config. */
function regionClaims(loc: S3Location | EcrLocation | ArnLocation, cfg: RegionMatchConfig): { region: string; what: string }[] {
    if (loc.kind === "ecr") {
        return [{ region: loc.region, what: "in the ECR registry of region" }];
    }
    if (loc.kind === "arn") {
        return loc.region ? [{ region: loc.region, what: "an ARN in region" }] : [];
    }
    const claims: { region: string; what: string }[] = [];
    if (loc.region) {
        claims.push({ region: loc.region, what: `in bucket "${loc.bucket}" (${loc.form}) of region` });
    }
    const configured = Object.prototype.hasOwnProperty.call(cfg.bucketRegions, loc.bucket) ? cfg.bucketRegions[loc.bucket] : undefined;
    const named = regionFromBucketName(loc.bucket, cfg.bucketRegionPatterns);
    for (const region of [configured, named]) {
        if (region && !claims.some(c => c.region === region)) {
            claims.push({ region, what: `in bucket "${loc.bucket}" of region` });
        }
    }
    return claims;
}

/** The location of a member value, or why it has none this policy can use (normalize walks lists item by item). */
function locate(ref: LocationRef): Location | "unknown" {
    if (isUnknown(ref.value)) {
        return "unknown";
    }
    return typeof ref.value === "string" ? parseLocation(ref.value, ref.member.kind) : { kind: "other", reason: `a ${typeof ref.value}, not a string` };
}

function unrecognized(view: SageMakerResource, ref: LocationRef, reason: string, deploy: string, cfg: RegionMatchConfig, f: Findings): void {
    f.levelled(cfg.unrecognizedLocations, `${label(view)}: ${at(ref)} is not a location this policy can place (${reason}), so it cannot tell ` +
        `which region SageMaker would read it from. Fix: write it as ${EXPECTED_FORMS[ref.member.kind]} in "${deploy}", ` +
        `or set unrecognizedLocations to "warn".`);
}

/** Per-resource pass: every location whose region the value itself, the config or the bucket name tells. */
function judgeResource(resource: ResourceLike, view: SageMakerResource, cfg: RegionMatchConfig, f: Findings): void {
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
    const deployPartition = partitionOfRegion(deploy)?.id;
    if (cfg.allowedRegions && cfg.allowedRegions.length > 0 && !cfg.allowedRegions.includes(deploy)) {
        f.violation(`${label(view)}: deploys to "${deploy}" (from ${where(region)}), which is not in allowedRegions ` +
            `${JSON.stringify(cfg.allowedRegions)}. Fix: set ${region.path} to one of ${cfg.allowedRegions.join(", ")}.`);
    }
    const deploysTo = `the ${view.kind === "model" ? "model" : "model package"} deploys to "${deploy}" (from ${where(region)})`;
    for (const u of view.opaque) {
        f.unknown(u, `it may reference images or artifacts outside "${deploy}"`);
    }
    for (const ref of view.locations) {
        const loc = locate(ref);
        if (loc === "unknown") {
            continue; // the stack pass places it by the resource it comes from, or reports it
        }
        if (loc.kind === "name") {
            continue; // a name or key id resolves in the resource's own region
        }
        if (loc.kind === "other") {
            if (ref.member.kind === "image" && loc.registry !== undefined) {
                f.levelled(cfg.nonEcrImages, `${label(view)}: ${at(ref)} is not an ECR image (registry "${loc.registry}"), so its region cannot ` +
                    `be checked. Fix: use an ECR image in "${deploy}", or set nonEcrImages to "ignore" for private registries reached through the VPC.`);
            } else {
                unrecognized(view, ref, loc.reason, deploy, cfg, f);
            }
            continue;
        }
        if (loc.partition && deployPartition && loc.partition !== deployPartition) {
            f.violation(`${label(view)}: ${at(ref)} is in partition "${loc.partition}" but ${deploysTo}, in partition "${deployPartition}". ` +
                `Fix: reference a resource in "${deploy}" (partition ${deployPartition}).`);
            continue;
        }
        const mismatch = regionClaims(loc, cfg).find(c => c.region !== deploy);
        if (mismatch) {
            const fix = loc.kind === "ecr" ? `push or replicate the image to ECR in "${deploy}" and reference that registry`
                : loc.kind === "arn" ? `use the ${loc.service} resource's ARN in "${deploy}"`
                    : `copy the artifact to a bucket in "${deploy}" and reference that`;
            f.violation(`${label(view)}: ${at(ref)} is ${mismatch.what} "${mismatch.region}" but ${deploysTo}. Fix: ${fix}, or deploy it in "${mismatch.region}".`);
        }
        // An S3 location nothing places is judged by the stack pass, which sees the stack's buckets.
    }
}

/** What the stack tells: its buckets' regions, and the regions of its SageMaker resources by URN. */
interface StackFacts {
    buckets: Map<string, string>;
    regions: Map<string, string>;
}

/**
 * An unknown value (preview) is known to be in the deployment region when every stack resource its
 * property depends on is a SageMaker resource of the stack in that region (`v1.arn`, `group.name`).
 */
function fromStackInRegion(resource: PolicyResource, ref: LocationRef, deploy: string, regions: Map<string, string>): boolean {
    const property = ref.path.split(/[.[]/)[0];
    const deps = resource.propertyDependencies[property] ?? [];
    const sources = stackSources(resource, property, regions);
    return deps.length > 0 && sources.length === deps.length && sources.every(region => region === deploy);
}

/** Stack pass: unknown values the stack cannot place, and S3 locations whose bucket region only the stack's own bucket resources can tell. */
function judgeStack(resource: PolicyResource, view: SageMakerResource, cfg: RegionMatchConfig, stack: StackFacts, f: Findings): void {
    const region = deploymentRegion(resource, view);
    if (typeof region.value !== "string") {
        return; // reported by the resource pass
    }
    const deploy = region.value;
    const buckets = stack.buckets;
    for (const ref of view.locations) {
        const loc = locate(ref);
        if (loc === "unknown") {
            if (!fromStackInRegion(resource, ref, deploy, stack.regions)) {
                f.unknown(ref.value as { path: string }, `it may point outside "${deploy}"`);
            }
            continue;
        }
        if (loc.kind !== "s3" || regionClaims(loc, cfg).length > 0) {
            continue; // not S3, or decided by the resource pass
        }
        const s3: S3Location = loc;
        const inStack = buckets.get(s3.bucket);
        if (inStack === undefined) {
            f.levelled(cfg.unknownBucketRegion, `${label(view)}: ${at(ref)} is in bucket "${s3.bucket}" (${s3.form}), ` +
                `whose region this policy cannot know. Fix: add {"${s3.bucket}": "<region>"} to bucketRegions in the ` +
                `sagemaker-region-match config, or declare the bucket in this stack.`);
        } else if (inStack !== deploy) {
            f.violation(`${label(view)}: ${at(ref)} is in bucket "${s3.bucket}" of region "${inStack}" ` +
                `(a bucket in this stack) but it deploys to "${deploy}" (from ${where(region)}). Fix: copy the artifact to a bucket in ` +
                `"${deploy}" and reference that, or deploy it in "${inStack}".`);
        }
    }
}

const description = "SageMaker models and model packages must reference images, ARNs and S3 artifacts in the region they deploy to, " +
    "and deploy only to allowed regions.";

const INFO: PolicyInfo = {
    description,
    severity: "medium",
    tags: ["sagemaker", "region", "reliability"],
    remediationSteps:
        "SageMaker reads the image from ECR, the model data from S3 and every ARN it is given in the model's own region. " +
        "Replicate the ECR repository (ECR replication) and copy the S3 artifacts to the deployment region, reference those, " +
        "or deploy the resource in the region that holds them (region input, provider region, or aws:region). For buckets " +
        "outside the stack, map bucket to region in this policy's bucketRegions config.",
};

/** The policy with these settings as its defaults (and level). */
export function regionMatchPolicy(settings?: PolicySettings<RegionMatchConfig>): ResourceValidationPolicy & StackValidationPolicy {
    const { defaults, base } = configure(NAME, INFO, regionMatchDefaults, properties, settings);
    return {
        ...base,
        validateResource: perResource(defaults, judgeResource),
        validateStack: (args, report: ReportViolation) => {
            const cfg = configWithDefaults(args.getConfig<Partial<RegionMatchConfig>>(), defaults);
            const stack = { buckets: stackBucketRegions(args.resources), regions: stackResourceRegions(args.resources) };
            for (const r of args.resources) {
                const view = normalize(r);
                if (!view) {
                    continue;
                }
                const f = new Findings();
                judgeStack(r, view, cfg, stack, f);
                f.flush(report, cfg.onUnknown, view, r.urn);
            }
        },
    };
}

export const regionMatch = regionMatchPolicy();

