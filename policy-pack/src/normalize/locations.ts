// Which AWS region an image, ARN or S3 location lives in, from its text alone.

/** ECR registries: `<acct>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]` and dual-stack `<acct>.dkr-ecr.<region>.on.aws`. */
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$|^(\d{12})\.dkr-ecr\.([a-z0-9-]+)\.on\.aws$/;

export type ImageLocation = { registry: "ecr"; region: string; host: string } | { registry: "other"; host: string };

export function imageLocation(image: string): ImageLocation {
    const host = image.split("/")[0];
    const m = ECR_HOST.exec(host);
    if (m) {
        return { registry: "ecr", region: m[2] ?? m[4], host };
    }
    return { registry: "other", host };
}

export interface ParsedArn {
    partition: string;
    service: string;
    region: string;
    account: string;
    resource: string;
}

export function parseArn(arn: string): ParsedArn | undefined {
    const parts = arn.split(":");
    if (parts.length < 6 || parts[0] !== "arn") {
        return undefined;
    }
    const [, partition, service, region, account] = parts;
    return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

export interface S3Location {
    bucket: string;
    key: string;
    /** Known from the URL itself (regional https endpoints only). */
    region?: string;
}

const VIRTUAL_HOST = /^https:\/\/([^/]+)\.s3[.-]([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(.*)$/;
const PATH_STYLE = /^https:\/\/s3[.-]([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^/]+)\/?(.*)$/;

export function parseS3(uri: string): S3Location | undefined {
    let m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    if (m) {
        return { bucket: m[1], key: m[2] };
    }
    m = VIRTUAL_HOST.exec(uri);
    if (m) {
        return { bucket: m[1], key: m[3], region: m[2] };
    }
    m = PATH_STYLE.exec(uri);
    if (m) {
        return { bucket: m[2], key: m[3], region: m[1] };
    }
    return undefined;
}

/** Bucket names that carry their region, as regexes with a named group `region`. */
export const DEFAULT_BUCKET_REGION_PATTERNS = [
    // SageMaker JumpStart's public and gated (private) caches.
    "^jumpstart-(?:private-)?cache-prod-(?<region>[a-z]{2}(?:-[a-z]+)+-\\d+)$",
    // SageMaker's default bucket: sagemaker-<region>-<account>.
    "^sagemaker-(?<region>[a-z]{2}(?:-[a-z]+)+-\\d+)-\\d{12}$",
];

export function regionFromBucketName(bucket: string, patterns: string[]): string | undefined {
    for (const p of patterns) {
        const m = new RegExp(p).exec(bucket);
        if (m?.groups?.region) {
            return m.groups.region;
        }
    }
    return undefined;
}

/**
 * Glob match: `*` is any run of characters (slashes included), `?` one character. A pattern
 * matches every value that starts with it ("s3://bucket/models/" covers everything below it),
 * or only the whole value when `wholeValue` is set (resource names).
 */
export function globMatch(value: string, pattern: string, wholeValue = false): boolean {
    if (!/[*?]/.test(pattern)) {
        return wholeValue ? value === pattern : value.startsWith(pattern);
    }
    const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(wholeValue ? `^${re}$` : `^${re}`).test(value);
}
