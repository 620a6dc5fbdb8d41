// The one location parser: any string a SageMaker member may hold -> where AWS keeps it.
// Linear in the input: values are capped before any matching, and every pattern is anchored and
// free of nested repetition. The policies never match locations any other way.
import { parseArn } from "./arn";
import { parseImage } from "./ecr";
import { parseS3 } from "./s3";
import { Location, MemberKind, other } from "./types";

export * from "./types";
export { partitionOfRegion, PARTITIONS } from "./partitions";

/** Longer than any SageMaker location member accepts (RoleArn and KmsKeyId: 2048): never parsed. */
const MAX_LOCATION_LENGTH = 2048;

const NAME = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}(\/\d{1,9})?$/;
const KMS_KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const KMS_ALIAS = /^alias\/[a-zA-Z0-9/_-]{1,256}$/;

export function parseLocation(value: string, kind: MemberKind): Location {
    if (value.length > MAX_LOCATION_LENGTH) {
        return other(`${value.length} characters, longer than any SageMaker location member accepts (${MAX_LOCATION_LENGTH})`);
    }
    switch (kind) {
        case "s3":
            return parseS3(value);
        case "image":
            return parseImage(value);
        case "arn":
            return parseArn(value);
        case "kms":
            if (value.startsWith("arn:")) {
                const arn = parseArn(value);
                return arn.kind === "arn" && arn.service !== "kms" ? other(`an ARN of service "${arn.service}", not a KMS key`) : arn;
            }
            // A key id or alias name resolves in the caller's region (KMS Developer Guide, "Key identifiers").
            return KMS_KEY_ID.test(value) ? { kind: "name", what: "KMS key id" } : KMS_ALIAS.test(value) ? { kind: "name", what: "KMS alias" } : other("not a KMS key ARN, key id or alias");
        case "arn-or-name":
            if (value.startsWith("arn:")) {
                return parseArn(value);
            }
            return NAME.test(value) ? { kind: "name", what: "name" } : other("neither an ARN nor a SageMaker name");
        case "uri":
            if (value.startsWith("arn:")) {
                return parseArn(value);
            }
            return value.startsWith("s3://") || value.startsWith("https://") ? parseS3(value) : other("neither an ARN nor an S3 location");
    }
}
