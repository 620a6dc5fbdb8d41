// ARNs: arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE ("Amazon Resource Names", AWS General Reference).
// The partition must be one AWS has (generated/partitions.json) and the region one of its regions.
import { partitionById, regionAmong } from "./partitions";
import { ArnLocation, other, OtherLocation } from "./types";

const SERVICE = /^[a-z0-9-]{1,40}$/;
// Twelve digits; "aws" for AWS-owned resources (SageMakerPublicHub hub content).
const ACCOUNT = /^(\d{12}|aws)?$/;

export function parseArn(value: string): ArnLocation | OtherLocation {
    const parts = value.split(":", 6);
    if (parts.length < 6 || parts[0] !== "arn") {
        return other("not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
    }
    const [, partition, service, region, account] = parts;
    // split() with a limit drops the rest: the resource is everything after the fifth colon.
    const resource = value.slice(parts.slice(0, 5).join(":").length + 1);
    const p = partitionById(partition);
    if (!p) {
        return other(`"${partition.slice(0, 40)}" is not an AWS partition`);
    }
    if (!SERVICE.test(service) || !ACCOUNT.test(account) || resource === "") {
        return other("not an ARN (arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE)");
    }
    if (region !== "" && !regionAmong(region, [p])) {
        return other(`"${region.slice(0, 40)}" is not a region of partition ${p.id}`);
    }
    return { kind: "arn", partition: p.id, service, region: region === "" ? undefined : region, account, resource };
}
