// Location spellings and where AWS says they point, written down from AWS's documentation and the
// SDK's endpoint data, never from the parser. Each row names its source; `sdk` rows are also
// re-derived from @aws-sdk/client-s3's endpoint provider (locations.test.ts checks that the SDK
// resolves those parameters to exactly this URL).
//
// Sources:
//   S3-VH   Amazon S3 User Guide, "Virtual hosting of buckets" (virtual-hosted and path-style URLs, dotted bucket names)
//   S3-LEG  Amazon S3 User Guide, "Virtual hosting of buckets" > "Legacy endpoints" (s3-Region dash hosts,
//           s3-external-1 for us-east-1, the legacy global endpoint s3.amazonaws.com)
//   S3-AP   Amazon S3 User Guide, "Using access points" (s3-accesspoint hosts, s3:// access point ARNs in the AWS CLI,
//           access point aliases "...-s3alias")
//   S3-MRAP Amazon S3 User Guide, "Multi-Region Access Points" (ALIAS.mrap.accesspoint.s3-global.amazonaws.com, arn:aws:s3::ACCOUNT:accesspoint/ALIAS.mrap)
//   S3-EXP  Amazon S3 User Guide, "Directory buckets" (BUCKET--ZONE--x-s3.s3express-ZONE.REGION.amazonaws.com)
//   S3-TA   Amazon S3 User Guide, "Transfer Acceleration" (BUCKET.s3-accelerate[.dualstack].amazonaws.com)
//   SDK     @aws-sdk/client-s3 endpoint rules (params given in `sdk`), with the partition DNS suffixes of the SDK's partitions
//   ECR     Amazon ECR User Guide, "Private registry concepts" (ACCOUNT.dkr.ecr.REGION.amazonaws.com) and "Making requests
//           to Amazon ECR registries" (dual-stack: ACCOUNT.dkr-ecr.REGION.on.aws)
//   ECR-GR  AWS General Reference, "Amazon ECR endpoints and quotas" (dkr.ecr-fips, dkr-ecr-fips ... on.aws)
//   ARN     AWS General Reference / IAM User Guide, "Amazon Resource Names (ARNs)"; KMS Developer Guide, "Key identifiers"
//   SM      SageMaker API Reference (HubContentArn, ModelPackageName, SourceUri, KmsKeyId members)
//   RFC3986 URI syntax: host names are case-insensitive; 443 is the default https port
//   DOCKER  Docker reference format: a first component without "." or ":" (and not localhost) is a Docker Hub namespace
import type { MemberKind } from "../../../policy-pack/src/locations";

export interface Expected {
    kind: "s3" | "ecr" | "arn" | "name" | "other";
    partition?: string;
    /** Absent: the spelling does not say (the config or the stack must). */
    region?: string;
    bucket?: string;
    key?: string;
    account?: string;
    /** For images in another registry (not ECR). */
    registry?: string;
}

export interface Row {
    value: string;
    kind: MemberKind;
    source: string;
    expect: Expected;
    /** Endpoint parameters from which the SDK resolves exactly `value` (its host and path). */
    sdk?: { Bucket: string; Region: string; UseFIPS?: boolean; UseDualStack?: boolean; ForcePathStyle?: boolean; Accelerate?: boolean; key: string };
}

const B = "amzn-s3-demo-bucket";
const s3 = (value: string, source: string, expect: Omit<Expected, "kind">, sdk?: Row["sdk"]): Row => ({ value, kind: "s3", source, expect: { kind: "s3", ...expect }, sdk });
const ecr = (value: string, source: string, expect: Omit<Expected, "kind">): Row => ({ value, kind: "image", source, expect: { kind: "ecr", ...expect } });
const unplaced = (value: string, kind: MemberKind, source: string, registry?: string): Row => ({ value, kind, source, expect: { kind: "other", registry } });

export const ROWS: Row[] = [
    // s3:// URIs: no region in the spelling
    s3(`s3://${B}/models/model.tar.gz`, "S3-VH (S3 URI)", { bucket: B, key: "models/model.tar.gz" }),
    s3(`s3://${B}`, "S3-VH (S3 URI)", { bucket: B, key: "" }),
    s3(`s3://${B}/`, "S3-VH (S3 URI)", { bucket: B, key: "" }),
    // Regional virtual-hosted and path-style, standard, dual-stack, FIPS, both (aws)
    s3(`https://${B}.s3.us-west-2.amazonaws.com/models/m.tar.gz`, "S3-VH, SDK", { partition: "aws", region: "us-west-2", bucket: B, key: "models/m.tar.gz" },
        { Bucket: B, Region: "us-west-2", key: "models/m.tar.gz" }),
    s3(`https://s3.us-west-2.amazonaws.com/${B}/models/m.tar.gz`, "S3-VH (path-style), SDK", { partition: "aws", region: "us-west-2", bucket: B, key: "models/m.tar.gz" },
        { Bucket: B, Region: "us-west-2", ForcePathStyle: true, key: "models/m.tar.gz" }),
    s3(`https://${B}.s3.dualstack.eu-west-1.amazonaws.com/k/m.tar.gz`, "SDK (UseDualStack)", { partition: "aws", region: "eu-west-1", bucket: B, key: "k/m.tar.gz" },
        { Bucket: B, Region: "eu-west-1", UseDualStack: true, key: "k/m.tar.gz" }),
    s3(`https://s3.dualstack.eu-west-1.amazonaws.com/${B}/k/m.tar.gz`, "SDK (UseDualStack, ForcePathStyle)", { partition: "aws", region: "eu-west-1", bucket: B, key: "k/m.tar.gz" },
        { Bucket: B, Region: "eu-west-1", UseDualStack: true, ForcePathStyle: true, key: "k/m.tar.gz" }),
    s3(`https://${B}.s3-fips.us-east-2.amazonaws.com/k`, "SDK (UseFIPS)", { partition: "aws", region: "us-east-2", bucket: B, key: "k" },
        { Bucket: B, Region: "us-east-2", UseFIPS: true, key: "k" }),
    s3(`https://s3-fips.us-east-2.amazonaws.com/${B}/k`, "SDK (UseFIPS, ForcePathStyle)", { partition: "aws", region: "us-east-2", bucket: B, key: "k" },
        { Bucket: B, Region: "us-east-2", UseFIPS: true, ForcePathStyle: true, key: "k" }),
    s3(`https://${B}.s3-fips.dualstack.us-west-2.amazonaws.com/k`, "SDK (UseFIPS, UseDualStack)", { partition: "aws", region: "us-west-2", bucket: B, key: "k" },
        { Bucket: B, Region: "us-west-2", UseFIPS: true, UseDualStack: true, key: "k" }),
    s3(`https://s3-fips.dualstack.us-west-2.amazonaws.com/${B}/k`, "SDK (UseFIPS, UseDualStack, ForcePathStyle)", { partition: "aws", region: "us-west-2", bucket: B, key: "k" },
        { Bucket: B, Region: "us-west-2", UseFIPS: true, UseDualStack: true, ForcePathStyle: true, key: "k" }),
    // Legacy global endpoint: the bucket's region is not in the host
    s3(`https://${B}.s3.amazonaws.com/k`, "S3-LEG, SDK (Region aws-global)", { partition: "aws", bucket: B, key: "k" },
        { Bucket: B, Region: "aws-global", key: "k" }),
    s3(`https://s3.amazonaws.com/${B}/k`, "S3-LEG, SDK (Region aws-global, ForcePathStyle)", { partition: "aws", bucket: B, key: "k" },
        { Bucket: B, Region: "aws-global", ForcePathStyle: true, key: "k" }),
    // Legacy dash-region hosts, s3-external-1
    s3(`https://${B}.s3-us-west-2.amazonaws.com/k`, "S3-LEG (s3-Region)", { partition: "aws", region: "us-west-2", bucket: B, key: "k" }),
    s3(`https://s3-us-west-2.amazonaws.com/${B}/k`, "S3-LEG (s3-Region, path-style)", { partition: "aws", region: "us-west-2", bucket: B, key: "k" }),
    s3(`https://${B}.s3-eu-west-1.amazonaws.com/k`, "S3-LEG (s3-Region)", { partition: "aws", region: "eu-west-1", bucket: B, key: "k" }),
    s3(`https://${B}.s3-external-1.amazonaws.com/k`, "S3-LEG (s3-external-1 is US East (N. Virginia))", { partition: "aws", region: "us-east-1", bucket: B, key: "k" }),
    s3(`https://s3-external-1.amazonaws.com/${B}/k`, "S3-LEG (s3-external-1, path-style)", { partition: "aws", region: "us-east-1", bucket: B, key: "k" }),
    // Port and case
    s3(`https://${B}.s3.us-west-2.amazonaws.com:443/k`, "RFC3986 (default https port), S3-VH", { partition: "aws", region: "us-west-2", bucket: B, key: "k" }),
    s3(`https://${B.toUpperCase()}.S3.US-WEST-2.AMAZONAWS.COM/k`, "RFC3986 (host case), S3-VH", { partition: "aws", region: "us-west-2", bucket: B, key: "k" }),
    s3(`https://S3.Eu-West-1.AmazonAWS.com/${B}/Key/Case`, "RFC3986 (host case), S3-VH (path-style)", { partition: "aws", region: "eu-west-1", bucket: B, key: "Key/Case" }),
    s3(`https://s3.amazonaws.com:443/${B}/k`, "RFC3986, S3-LEG", { partition: "aws", bucket: B, key: "k" }),
    // Other partitions (DNS suffixes from the SDK's partitions)
    s3(`https://${B}.s3.cn-north-1.amazonaws.com.cn/k`, "SDK (Region cn-north-1)", { partition: "aws-cn", region: "cn-north-1", bucket: B, key: "k" },
        { Bucket: B, Region: "cn-north-1", key: "k" }),
    s3(`https://s3.cn-northwest-1.amazonaws.com.cn/${B}/k`, "SDK (Region cn-northwest-1, ForcePathStyle)", { partition: "aws-cn", region: "cn-northwest-1", bucket: B, key: "k" },
        { Bucket: B, Region: "cn-northwest-1", ForcePathStyle: true, key: "k" }),
    s3(`https://${B}.s3.dualstack.cn-north-1.amazonaws.com.cn/k`, "SDK (cn-north-1, UseDualStack)", { partition: "aws-cn", region: "cn-north-1", bucket: B, key: "k" },
        { Bucket: B, Region: "cn-north-1", UseDualStack: true, key: "k" }),
    s3(`https://${B}.s3.us-gov-west-1.amazonaws.com/k`, "SDK (Region us-gov-west-1)", { partition: "aws-us-gov", region: "us-gov-west-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-gov-west-1", key: "k" }),
    s3(`https://${B}.s3-fips.us-gov-east-1.amazonaws.com/k`, "SDK (us-gov-east-1, UseFIPS)", { partition: "aws-us-gov", region: "us-gov-east-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-gov-east-1", UseFIPS: true, key: "k" }),
    s3(`https://s3-fips.dualstack.us-gov-west-1.amazonaws.com/${B}/k`, "SDK (us-gov-west-1, UseFIPS, UseDualStack, ForcePathStyle)", { partition: "aws-us-gov", region: "us-gov-west-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-gov-west-1", UseFIPS: true, UseDualStack: true, ForcePathStyle: true, key: "k" }),
    s3(`https://${B}.s3.us-iso-east-1.c2s.ic.gov/k`, "SDK (Region us-iso-east-1)", { partition: "aws-iso", region: "us-iso-east-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-iso-east-1", key: "k" }),
    s3(`https://${B}.s3.us-isob-east-1.sc2s.sgov.gov/k`, "SDK (Region us-isob-east-1)", { partition: "aws-iso-b", region: "us-isob-east-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-isob-east-1", key: "k" }),
    s3(`https://${B}.s3.eu-isoe-west-1.cloud.adc-e.uk/k`, "SDK (Region eu-isoe-west-1)", { partition: "aws-iso-e", region: "eu-isoe-west-1", bucket: B, key: "k" },
        { Bucket: B, Region: "eu-isoe-west-1", key: "k" }),
    s3(`https://${B}.s3.us-isof-south-1.csp.hci.ic.gov/k`, "SDK (Region us-isof-south-1)", { partition: "aws-iso-f", region: "us-isof-south-1", bucket: B, key: "k" },
        { Bucket: B, Region: "us-isof-south-1", key: "k" }),
    s3(`https://${B}.s3.eusc-de-east-1.amazonaws.eu/k`, "SDK (Region eusc-de-east-1: AWS European Sovereign Cloud)", { partition: "aws-eusc", region: "eusc-de-east-1", bucket: B, key: "k" },
        { Bucket: B, Region: "eusc-de-east-1", key: "k" }),
    s3(`https://s3-fips.eusc-de-east-1.amazonaws.eu/${B}/k`, "SDK (eusc-de-east-1, UseFIPS, ForcePathStyle)", { partition: "aws-eusc", region: "eusc-de-east-1", bucket: B, key: "k" },
        { Bucket: B, Region: "eusc-de-east-1", UseFIPS: true, ForcePathStyle: true, key: "k" }),
    // Bucket names with dots
    s3("https://s3.us-east-1.amazonaws.com/my.dotted.bucket/k", "SDK (dotted bucket names resolve path-style)", { partition: "aws", region: "us-east-1", bucket: "my.dotted.bucket", key: "k" },
        { Bucket: "my.dotted.bucket", Region: "us-east-1", key: "k" }),
    s3("https://my.dotted.bucket.s3.us-east-1.amazonaws.com/k", "S3-VH (bucket names with dots)", { partition: "aws", region: "us-east-1", bucket: "my.dotted.bucket", key: "k" }),
    // Access points
    s3("https://myap-123456789012.s3-accesspoint.us-west-2.amazonaws.com/k", "S3-AP, SDK (Bucket = access point ARN)", { partition: "aws", region: "us-west-2", account: "123456789012", key: "k" },
        { Bucket: "arn:aws:s3:us-west-2:123456789012:accesspoint/myap", Region: "us-west-2", key: "k" }),
    s3("https://myap-123456789012.s3-accesspoint-fips.dualstack.us-west-2.amazonaws.com/k", "SDK (access point ARN, UseFIPS, UseDualStack)", { partition: "aws", region: "us-west-2", account: "123456789012", key: "k" },
        { Bucket: "arn:aws:s3:us-west-2:123456789012:accesspoint/myap", Region: "us-west-2", UseFIPS: true, UseDualStack: true, key: "k" }),
    s3("s3://arn:aws:s3:us-west-2:123456789012:accesspoint/myap/models/m.tar.gz", "S3-AP (AWS CLI s3:// access point ARN)", { partition: "aws", region: "us-west-2", account: "123456789012", key: "models/m.tar.gz" }),
    s3("s3://arn:aws-us-gov:s3:us-gov-west-1:123456789012:accesspoint/myap/k", "S3-AP, ARN (aws-us-gov partition)", { partition: "aws-us-gov", region: "us-gov-west-1", account: "123456789012", key: "k" }),
    s3("s3://myap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias/k", "S3-AP (access point alias: used as a bucket name)", { bucket: "myap-hrzrlukc5m36ft7okagglf3gmwluquse1b-s3alias", key: "k" }),
    // Multi-Region Access Points: no single region
    s3("https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/k", "S3-MRAP, SDK (Bucket = MRAP ARN)", { partition: "aws", bucket: "mfzwi23gnjvgw.mrap", key: "k" },
        { Bucket: "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", Region: "us-west-2", key: "k" }),
    s3("s3://arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap/k", "S3-MRAP (ARN has no region)", { partition: "aws", account: "123456789012", bucket: "arn:aws:s3::123456789012:accesspoint/mfzwi23gnjvgw.mrap", key: "k" }),
    // S3 Express One Zone directory buckets
    s3("https://mybucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/k", "S3-EXP, SDK", { partition: "aws", region: "us-west-2", bucket: "mybucket--usw2-az1--x-s3", key: "k" },
        { Bucket: "mybucket--usw2-az1--x-s3", Region: "us-west-2", key: "k" }),
    s3("https://mybucket--use1-az4--x-s3.s3express-fips-use1-az4.us-east-1.amazonaws.com/k", "SDK (directory bucket, UseFIPS)", { partition: "aws", region: "us-east-1", bucket: "mybucket--use1-az4--x-s3", key: "k" },
        { Bucket: "mybucket--use1-az4--x-s3", Region: "us-east-1", UseFIPS: true, key: "k" }),
    s3("s3://mybucket--usw2-az1--x-s3/k", "S3-EXP (s3:// URI: no region)", { bucket: "mybucket--usw2-az1--x-s3", key: "k" }),
    // Transfer Acceleration: global host
    s3(`https://${B}.s3-accelerate.amazonaws.com/k`, "S3-TA, SDK (Accelerate)", { partition: "aws", bucket: B, key: "k" }, { Bucket: B, Region: "us-east-1", Accelerate: true, key: "k" }),
    s3(`https://${B}.s3-accelerate.dualstack.amazonaws.com/k`, "S3-TA (dual-stack)", { partition: "aws", bucket: B, key: "k" }),
    // Outposts access point
    s3("https://reports-123456789012.op-01234567890123456.s3-outposts.us-west-2.amazonaws.com/k", "SDK (Outposts access point ARN)", { partition: "aws", region: "us-west-2", account: "123456789012", key: "k" },
        { Bucket: "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/reports", Region: "us-west-2", key: "k" }),
    // Keys: percent-encoding and queries are URL syntax, not part of the key
    s3(`https://${B}.s3.us-west-2.amazonaws.com/models%20v1/m%20x.tar.gz`, "RFC3986 (percent-encoding), S3-VH", { partition: "aws", region: "us-west-2", bucket: B, key: "models v1/m x.tar.gz" }),
    // Keys that name no one object: an encoded "/" (decoded or not, by whom?) and dot segments (does SageMaker resolve them? undocumented)
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com/models%2Fv1/m.tar.gz`, "s3", "RFC3986 (an encoded slash is data, not a separator, for whoever does not decode it)"),
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com/approved/../other/m.tar.gz`, "s3", "RFC3986 5.2.4 (dot segments are removed by URL resolution)"),
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com/approved/%2e%2e/other/m.tar.gz`, "s3", "RFC3986 2.3 / 5.2.4 (%2E is \".\")"),
    unplaced(`https://s3.us-west-2.amazonaws.com/${B}/./m.tar.gz`, "s3", "RFC3986 5.2.4"),
    unplaced(`s3://${B}/approved/../other/m.tar.gz`, "s3", "RFC3986 5.2.4 (an s3:// URI is a URI too)"),
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com/approved\\..\\other/m.tar.gz`, "s3", "WHATWG URL (a backslash is a separator in https URLs)"),
    s3(`https://${B}.s3.us-west-2.amazonaws.com/k/m.tar.gz?versionId=3`, "RFC3986 (query), S3-VH", { partition: "aws", region: "us-west-2", bucket: B, key: "k/m.tar.gz" }),

    // Not S3 locations (the API pattern accepts any https URL): never placed
    unplaced("https://example.com/model.tar.gz", "s3", "S3-VH (not an S3 endpoint)"),
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com.evil.example/k`, "s3", "S3-VH (amazonaws.com is not the host's suffix)"),
    unplaced(`https://${B}.s3.us-east-1.amazonaws.com.cn/k`, "s3", "SDK partitions (us-east-1 is not an aws-cn region)"),
    unplaced("https://s3.amazonaws.com/", "s3", "S3-VH (path-style needs a bucket)"),
    unplaced(`https://${B}.s3.us-west-2.amazonaws.com:8443/k`, "s3", "RFC3986 (S3 serves https on 443)"),
    unplaced(`https://user@${B}.s3.us-west-2.amazonaws.com/k`, "s3", "RFC3986 (userinfo)"),
    unplaced(`HTTPS://${B}.s3.us-west-2.amazonaws.com/k`, "s3", "SM (S3Uri pattern (https|s3):// is case-sensitive)"),
    unplaced(`ftp://${B}/k`, "s3", "SM (S3Uri pattern)"),
    unplaced(`https://${B}.s3-website-us-east-1.amazonaws.com/k`, "s3", "S3 User Guide, website endpoints (not an S3 API endpoint)"),

    // Images
    ecr("123456789012.dkr.ecr.us-west-2.amazonaws.com/xgboost:1.7", "ECR", { partition: "aws", region: "us-west-2", account: "123456789012" }),
    ecr("123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/xgboost:1.7", "ECR-GR (FIPS)", { partition: "aws", region: "us-east-1", account: "123456789012" }),
    ecr("123456789012.dkr-ecr.eu-west-1.on.aws/xgboost:1.7", "ECR (dual-stack)", { partition: "aws", region: "eu-west-1", account: "123456789012" }),
    ecr("123456789012.dkr-ecr-fips.us-west-2.on.aws/xgboost:1.7", "ECR-GR (dual-stack FIPS)", { partition: "aws", region: "us-west-2", account: "123456789012" }),
    ecr("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/xgboost:1.7", "ECR, SDK partitions (aws-cn suffix)", { partition: "aws-cn", region: "cn-north-1", account: "123456789012" }),
    ecr("123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/xgboost:1.7", "ECR (GovCloud)", { partition: "aws-us-gov", region: "us-gov-west-1", account: "123456789012" }),
    ecr("123456789012.dkr.ecr.us-iso-east-1.c2s.ic.gov/xgboost:1.7", "ECR, SDK partitions (aws-iso suffix)", { partition: "aws-iso", region: "us-iso-east-1", account: "123456789012" }),
    ecr("123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu/xgboost:1.7", "ECR, SDK partitions (aws-eusc suffix)", { partition: "aws-eusc", region: "eusc-de-east-1", account: "123456789012" }),
    ecr("123456789012.DKR.ECR.US-WEST-2.AMAZONAWS.COM:443/xgboost:1.7", "ECR, RFC3986 (host case, port)", { partition: "aws", region: "us-west-2", account: "123456789012" }),
    ecr(`763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-tgi-inference@sha256:${"a".repeat(64)}`, "ECR (by digest)", { partition: "aws", region: "us-east-1", account: "763104351884" }),
    unplaced("registry.example.com/team/model:1", "image", "DOCKER (a registry host)", "registry.example.com"),
    unplaced("ubuntu:22.04", "image", "DOCKER (Docker Hub)", "docker.io"),
    unplaced("public.ecr.aws/lambda/python:3.12", "image", "Amazon ECR Public User Guide (public.ecr.aws: a public registry, not a regional one)", "public.ecr.aws"),
    unplaced("123456789012.dkr.ecr.us-west-2.amazonaws.com.evil.example/x:1", "image", "ECR (the host must end in the partition suffix)"),
    ecr("123456789012.dkr.ecr.us-west-9.amazonaws.com/x:1", "SDK partitions (not a listed region, but aws's region pattern admits it, as the SDK's partition() does)", { partition: "aws", region: "us-west-9", account: "123456789012" }),

    // ARNs, KMS keys, names
    { value: "arn:aws:iam::123456789012:role/SageMakerExecutionRole", kind: "arn", source: "ARN (IAM: no region)", expect: { kind: "arn", partition: "aws", account: "123456789012" } },
    { value: "arn:aws-cn:iam::123456789012:role/SageMakerExecutionRole", kind: "arn", source: "ARN (aws-cn partition)", expect: { kind: "arn", partition: "aws-cn", account: "123456789012" } },
    { value: "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", kind: "kms", source: "ARN, KMS key identifiers (key ARN)", expect: { kind: "arn", partition: "aws", region: "eu-west-1", account: "123456789012" } },
    { value: "arn:aws:kms:us-west-2:123456789012:alias/ml-models", kind: "kms", source: "KMS key identifiers (alias ARN)", expect: { kind: "arn", partition: "aws", region: "us-west-2", account: "123456789012" } },
    { value: "1234abcd-12ab-34cd-56ef-1234567890ab", kind: "kms", source: "KMS key identifiers (key id: the caller's region)", expect: { kind: "name" } },
    { value: "mrk-1234abcd12ab34cd56ef1234567890ab", kind: "kms", source: "KMS key identifiers (multi-Region key id)", expect: { kind: "name" } },
    { value: "alias/ml-models", kind: "kms", source: "KMS key identifiers (alias name)", expect: { kind: "name" } },
    { value: "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/Model/huggingface-llm-mistral-7b/2.3.0", kind: "arn", source: "SM (HubContentArn of the public hub: account aws)", expect: { kind: "arn", partition: "aws", region: "us-east-1", account: "aws" } },
    { value: "arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/3", kind: "arn-or-name", source: "SM (ModelPackageName: versioned package ARN)", expect: { kind: "arn", partition: "aws", region: "eu-west-1", account: "123456789012" } },
    { value: "churn-unversioned", kind: "arn-or-name", source: "SM (ModelPackageName: a name, resolved in the model's region)", expect: { kind: "name" } },
    { value: `https://${B}.s3.ap-south-1.amazonaws.com/source/`, kind: "uri", source: "SM (SourceUri), S3-VH", expect: { kind: "s3", partition: "aws", region: "ap-south-1", bucket: B, key: "source/" } },
    { value: "arn:aws:sagemaker:ap-south-1:123456789012:model/source-model", kind: "uri", source: "SM (SourceUri: a model ARN)", expect: { kind: "arn", partition: "aws", region: "ap-south-1", account: "123456789012" } },
    unplaced("arn:aws-moon:iam::123456789012:role/x", "arn", "ARN (no such partition)"),
    unplaced("arn:aws:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "kms", "SDK partitions (cn-north-1 is an aws-cn region)"),
    unplaced("arn:aws:s3:::amzn-s3-demo-bucket", "kms", "KMS key identifiers (an S3 ARN is no key)"),
    unplaced("my key", "kms", "KMS key identifiers"),
    unplaced("git@example.com:models/churn.git", "uri", "SM (SourceUri: an ARN or an S3 location)"),
];
