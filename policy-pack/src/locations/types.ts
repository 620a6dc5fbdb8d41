// What the location parser returns: where AWS keeps what a SageMaker member points at.

/** An S3 object or prefix. `region` is absent when the spelling does not say (s3://, legacy global, ...). */
export interface S3Location {
    kind: "s3";
    partition?: string;
    region?: string;
    bucket: string;
    key: string;
    /** How it was written, for messages: "s3:// URI", "virtual-hosted, dual-stack", "legacy global endpoint", ... */
    form: string;
    /** The owner, where the spelling names it (access points). */
    account?: string;
    /** Set when the "bucket" is an access point (regional ARN or host, or a Multi-Region Access Point). */
    accessPoint?: { name: string; account?: string; multiRegion: boolean };
    /** `s3://<bucket>/<key>`: one spelling per object, what gated locations and approvals are matched against. */
    canonical: string;
}

/** An image in an Amazon ECR private registry. */
export interface EcrLocation {
    kind: "ecr";
    partition: string;
    region: string;
    account: string;
    repository: string;
    form: string;
}

export interface ArnLocation {
    kind: "arn";
    partition: string;
    service: string;
    /** Absent for global services (IAM) and global resources (Multi-Region Access Points). */
    region?: string;
    account: string;
    resource: string;
}

/** A plain name or key id: SageMaker resolves it in the resource's own region. */
export interface NameLocation {
    kind: "name";
    what: string;
}

/** Not a location this parser can place: an image in another registry, or a value it does not understand. */
export interface OtherLocation {
    kind: "other";
    /** Why it is not placed, for messages. */
    reason: string;
    /** For images: the registry host (a registry that is not ECR). Absent: the value is not understood. */
    registry?: string;
}

export type Location = S3Location | EcrLocation | ArnLocation | NameLocation | OtherLocation;

/** What a member holds, from its API shape (scripts/generate-policy-data.ts). */
export type MemberKind = "s3" | "image" | "kms" | "arn" | "arn-or-name" | "uri";

export const other = (reason: string, registry?: string): OtherLocation => (registry === undefined ? { kind: "other", reason } : { kind: "other", reason, registry });
