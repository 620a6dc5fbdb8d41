// S3 locations in every spelling SageMaker accepts (the API pattern is `(https|s3)://([^/]+)/?(.*)`).
// Host rules, right to left from the partition's DNS suffix (generated/partitions.json). Sources:
// [sdk] the S3 endpoint rules of @aws-sdk/client-s3 (its endpointProvider: what each bucket, region,
//       FIPS / dual-stack / path-style / accelerate / access point / S3 Express input resolves to);
// [ug]  Amazon S3 User Guide, "Virtual hosting of buckets" and "Legacy endpoints" (s3-REGION dash
//       hosts, s3-external-1, the global s3.amazonaws.com), "Using access points" (s3:// access point ARNs).
import { Partition, regionAmong, splitDnsSuffix } from "./partitions";
import { other, OtherLocation, S3Location } from "./types";

// S3 bucket names: 3-63 characters today; legacy us-east-1 buckets up to 255, with upper case and "_" [ug].
const BUCKET = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
const HOST_BUCKET = /^[a-z0-9][a-z0-9.-]{0,254}$/;
const ACCOUNT = /^\d{12}$/;
const EXPRESS_ZONE = /^s3express-(fips-)?([a-z0-9]{2,12}-az\d{1,3})$/;

interface HostMatch {
    /** Labels left of the endpoint labels: the bucket (virtual-hosted), or none (path-style). */
    left: string[];
    region?: string;
    /** The region's partition; for region-less hosts, the suffix's first partition. */
    partition: string;
    form: string;
    accessPoint?: "regional" | "multi-region" | "outposts";
}

/** The endpoint part of an S3 host, given its labels before a DNS suffix that `partitions` use. */
function matchHost(labels: string[], partitions: Partition[]): HostMatch | undefined {
    const found = endpoint(labels, partitions);
    if (!found) {
        return undefined;
    }
    const partition = found.region ? regionAmong(found.region, partitions)!.id : partitions[0].id;
    return { ...found, partition };
}

function endpoint(labels: string[], partitions: Partition[]): Omit<HostMatch, "partition"> | undefined {
    const n = labels.length;
    const at = (i: number) => labels[n - i];
    const region = (label: string | undefined) => (label !== undefined && regionAmong(label, partitions) ? label : undefined);
    const rest = (k: number) => labels.slice(0, n - k);
    // {alias}.mrap.accesspoint.s3-global: Multi-Region Access Point, routed to any region [sdk]
    if (n >= 4 && at(1) === "s3-global" && at(2) === "accesspoint" && at(3) === "mrap") {
        return { left: rest(2), form: "Multi-Region Access Point", accessPoint: "multi-region" };
    }
    // {name}-{account}.{outpost}.s3-outposts.{region} [sdk]
    if (n >= 4 && at(2) === "s3-outposts" && region(at(1))) {
        return { left: rest(2), region: at(1), form: "Outposts access point", accessPoint: "outposts" };
    }
    // {svc}[.dualstack].{region}: regional virtual-hosted, path-style and access point hosts [sdk]
    for (const dual of [true, false]) {
        const svcAt = dual ? 3 : 2;
        if (n < svcAt || (dual && at(2) !== "dualstack") || !region(at(1))) {
            continue;
        }
        const svc = at(svcAt);
        const flags = [svc.endsWith("-fips") ? "FIPS" : "", dual ? "dual-stack" : ""].filter(Boolean).join(", ");
        if (svc === "s3" || svc === "s3-fips") {
            const style = svcAt === n ? "path-style" : "virtual-hosted";
            return { left: rest(svcAt), region: at(1), form: flags ? `${style}, ${flags}` : style };
        }
        if (svc === "s3-accesspoint" || svc === "s3-accesspoint-fips") {
            return { left: rest(svcAt), region: at(1), form: flags ? `access point, ${flags}` : "access point", accessPoint: "regional" };
        }
        const express = dual ? null : EXPRESS_ZONE.exec(svc);
        if (express) {
            return { left: rest(2), region: at(1), form: `S3 Express directory bucket (zone ${express[2]}${express[1] ? ", FIPS" : ""})` };
        }
    }
    // s3-{region} and s3-external-1 (= us-east-1): legacy regional dash hosts [ug]
    const last = at(1);
    if (last === "s3-external-1" && partitions[0].id === "aws") {
        return { left: rest(1), region: "us-east-1", form: "legacy s3-external-1 endpoint" };
    }
    if (last.startsWith("s3-") && region(last.slice(3))) {
        return { left: rest(1), region: last.slice(3), form: "legacy s3-REGION endpoint" };
    }
    // s3 alone: the legacy global endpoint; the bucket's region is not in the host [ug] [sdk: aws-global]
    if (last === "s3") {
        return { left: rest(1), form: "legacy global endpoint (no region in the host)" };
    }
    // {bucket}.s3-accelerate[.dualstack]: Transfer Acceleration, no region in the host [sdk]
    if (last === "s3-accelerate" || (last === "dualstack" && at(2) === "s3-accelerate")) {
        return { left: rest(last === "dualstack" ? 2 : 1), form: "Transfer Acceleration endpoint (no region in the host)" };
    }
    return undefined;
}

/**
 * Why an object key cannot be placed, if it cannot: a `.` or `..` segment (in the key as decoded
 * once, and decoded once more; a backslash counts as a separator, as WHATWG URL parsers take it for
 * https) or an encoded slash or backslash. Whether
 * SageMaker resolves them is not documented, so no prefix can be proven to hold the object.
 */
function keyProblem(rawKey: string, key: string): string | undefined {
    if (/%(2f|5c)/i.test(rawKey)) {
        return "the key has an encoded slash or backslash (%2F, %5C): which object it names depends on who decodes it";
    }
    const decoded = decodeKey(key) ?? key;
    if (decoded.split(/[/\\]/).some(seg => seg === "." || seg === "..")) {
        return "the key has a \".\" or \"..\" segment: whether SageMaker resolves it is not documented, so the object it names is not known";
    }
    return undefined;
}

function location(bucket: string, rawKey: string, key: string, form: string, extra: Partial<S3Location> = {}): S3Location | OtherLocation {
    const problem = keyProblem(rawKey, key);
    if (problem) {
        return other(problem);
    }
    return { kind: "s3", bucket, key, form, canonical: `s3://${bucket}/${key}`, ...extra };
}

/** `s3://bucket/key`, or an access point ARN in place of the bucket [ug: "Using access points"]. */
function s3Uri(rest: string): S3Location | OtherLocation {
    if (rest.startsWith("arn:")) {
        // arn:PARTITION:s3:REGION:ACCOUNT:accesspoint/NAME/KEY (a Multi-Region Access Point has no region)
        const m = /^arn:([a-z-]{3,20}):s3:([a-z0-9-]{0,40}):(\d{12}):accesspoint\/([A-Za-z0-9.-]{1,63})(?:\/(.*))?$/s.exec(rest);
        if (!m) {
            return other("not an S3 access point ARN (arn:PARTITION:s3:REGION:ACCOUNT:accesspoint/NAME)");
        }
        const [, partition, region, account, name, key = ""] = m;
        const arn = `arn:${partition}:s3:${region}:${account}:accesspoint/${name}`;
        const multiRegion = region === "";
        return location(arn, key, key, multiRegion ? "Multi-Region Access Point ARN" : "access point ARN", {
            partition, region: multiRegion ? undefined : region, account, accessPoint: { name, account, multiRegion },
        });
    }
    const slash = rest.indexOf("/");
    const bucket = slash < 0 ? rest : rest.slice(0, slash);
    const key = slash < 0 ? "" : rest.slice(slash + 1);
    if (!BUCKET.test(bucket)) {
        return other(`"${bucket.slice(0, 80)}" is not an S3 bucket name`);
    }
    const form = bucket.endsWith("--x-s3") ? "s3:// URI of an S3 Express directory bucket" : bucket.endsWith("-s3alias") ? "s3:// URI of an access point alias" : "s3:// URI";
    return location(bucket, key, key, form);
}

function decodeKey(raw: string): string | undefined {
    try {
        return decodeURIComponent(raw);
    } catch {
        return undefined;
    }
}

/** `https://HOST[:443]/PATH` where HOST is an S3 endpoint of some partition. */
function httpsUrl(rest: string): S3Location | OtherLocation {
    const end = rest.search(/[/?#]/);
    const authority = end < 0 ? rest : rest.slice(0, end);
    // What follows the host: the path, without a query or fragment (S3 object keys are the path).
    let path = end < 0 ? "" : rest.slice(end);
    const cut = path.search(/[?#]/);
    path = (cut < 0 ? path : path.slice(0, cut)).replace(/^\//, "");
    if (authority.includes("@")) {
        return other("an https URL with user information is not an S3 location");
    }
    const colon = authority.indexOf(":");
    if (colon >= 0 && authority.slice(colon + 1) !== "443") {
        return other(`an https URL on port ${authority.slice(colon + 1).slice(0, 10)} is not an S3 endpoint`);
    }
    const host = (colon < 0 ? authority : authority.slice(0, colon)).toLowerCase();
    const split = host.length <= 253 ? splitDnsSuffix(host) : undefined;
    const match = split && matchHost(split.labels, split.partitions);
    if (!match) {
        return other(`host "${host.slice(0, 100)}" is not an S3 endpoint of any AWS partition`);
    }
    const partition = match.partition;
    if (match.accessPoint) {
        // The left part is the access point: NAME-ACCOUNT (regional, Outposts) or ALIAS.mrap.
        if (match.accessPoint === "multi-region") {
            const alias = match.left.join(".");
            const key = decodeKey(path);
            if (key === undefined) {
                return other("the URL's path is not valid percent-encoding");
            }
            return location(alias, path, key, match.form, { partition, accessPoint: { name: alias, multiRegion: true } });
        }
        const label = match.left[0] ?? "";
        const dash = label.lastIndexOf("-");
        const account = label.slice(dash + 1);
        if (match.left.length !== (match.accessPoint === "outposts" ? 2 : 1) || dash < 1 || !ACCOUNT.test(account)) {
            return other(`host "${host.slice(0, 100)}" is not an access point host (NAME-ACCOUNT.s3-accesspoint.REGION...)`);
        }
        const key = decodeKey(path);
        if (key === undefined) {
            return other("the URL's path is not valid percent-encoding");
        }
        return location(label, path, key, match.form, { partition, region: match.region, account, accessPoint: { name: label.slice(0, dash), account, multiRegion: false } });
    }
    let bucket: string;
    let rawKey: string;
    if (match.left.length > 0) {
        bucket = match.left.join(".");
        rawKey = path;
        if (!HOST_BUCKET.test(bucket)) {
            return other(`"${bucket.slice(0, 80)}" is not an S3 bucket name`);
        }
    } else {
        const slash = path.indexOf("/");
        bucket = slash < 0 ? path : path.slice(0, slash);
        rawKey = slash < 0 ? "" : path.slice(slash + 1);
        if (!BUCKET.test(bucket)) {
            return other(bucket === "" ? "a path-style S3 URL without a bucket" : `"${bucket.slice(0, 80)}" is not an S3 bucket name`);
        }
    }
    const key = decodeKey(rawKey);
    if (key === undefined) {
        return other("the URL's path is not valid percent-encoding");
    }
    return location(bucket, rawKey, key, match.form, { partition, region: match.region });
}

/** An S3 location from any spelling the API accepts, or why it is not one. */
export function parseS3(value: string): S3Location | OtherLocation {
    if (value.startsWith("s3://")) {
        return s3Uri(value.slice(5));
    }
    if (value.startsWith("https://")) {
        return httpsUrl(value.slice(8));
    }
    return other("not an s3:// or https:// URL");
}
