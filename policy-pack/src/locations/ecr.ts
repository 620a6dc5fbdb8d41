// Container images: `[REGISTRY/]REPOSITORY[:TAG|@DIGEST]`; an Amazon ECR private registry has a
// region in its host. Sources: Amazon ECR User Guide, "Private registry concepts"
// (ACCOUNT.dkr.ecr.REGION.amazonaws.com) and "Making requests to Amazon ECR registries" (dual-stack
// over IPv6: ACCOUNT.dkr-ecr.REGION.on.aws); AWS General Reference, "Amazon ECR endpoints and
// quotas" (FIPS: ACCOUNT.dkr.ecr-fips.REGION..., ACCOUNT.dkr-ecr-fips.REGION.on.aws). The IPv4
// hosts end in the partition's DNS suffix (generated/partitions.json, e.g. amazonaws.com.cn).
import { partitionOfRegion, regionAmong, splitDnsSuffix } from "./partitions";
import { EcrLocation, other, OtherLocation } from "./types";

const ACCOUNT = /^\d{12}$/;
// What an ECR host contains; a host with these that is not one of the forms above is not trusted as another registry.
const ECR_LOOKALIKE = /dkr[.-]ecr|amazonaws\.|\.on\.aws$|\.api\.aws$/;

function ecrHost(host: string): { account: string; region: string; partition: string; form: string } | undefined {
    if (host.endsWith(".on.aws")) {
        const labels = host.slice(0, -".on.aws".length).split(".");
        const p = labels.length === 3 ? partitionOfRegion(labels[2]) : undefined;
        if (p && ACCOUNT.test(labels[0]) && (labels[1] === "dkr-ecr" || labels[1] === "dkr-ecr-fips")) {
            return { account: labels[0], region: labels[2], partition: p.id, form: labels[1] === "dkr-ecr" ? "dual-stack" : "dual-stack FIPS" };
        }
        return undefined;
    }
    const split = splitDnsSuffix(host);
    if (split?.labels.length !== 4) {
        return undefined;
    }
    const [account, dkr, ecr, region] = split.labels;
    const p = regionAmong(region, split.partitions);
    if (p && ACCOUNT.test(account) && dkr === "dkr" && (ecr === "ecr" || ecr === "ecr-fips")) {
        return { account, region, partition: p.id, form: ecr === "ecr" ? "IPv4" : "FIPS" };
    }
    return undefined;
}

export function parseImage(value: string): EcrLocation | OtherLocation {
    const slash = value.indexOf("/");
    const first = slash < 0 ? "" : value.slice(0, slash);
    // Docker's rule: the first component is a registry only if it has a "." or ":" or is localhost
    // (no slash: no registry, `first` is empty).
    if (!(first.includes(".") || first.includes(":") || first === "localhost")) {
        return other("an image on Docker Hub, not in ECR", "docker.io");
    }
    const colon = first.indexOf(":");
    const host = (colon < 0 ? first : first.slice(0, colon)).toLowerCase();
    const port = colon < 0 ? "" : first.slice(colon + 1);
    const ecr = host.length <= 253 && (port === "" || port === "443") ? ecrHost(host) : undefined;
    if (ecr) {
        return { kind: "ecr", ...ecr, repository: value.slice(slash + 1) };
    }
    if (ECR_LOOKALIKE.test(host)) {
        return other(`registry "${host.slice(0, 100)}${port ? `:${port.slice(0, 10)}` : ""}" looks like AWS but is not an ECR registry host (ACCOUNT.dkr.ecr.REGION.amazonaws.com)`);
    }
    return other(`an image in registry "${host.slice(0, 100)}", not in ECR`, host.slice(0, 100));
}
