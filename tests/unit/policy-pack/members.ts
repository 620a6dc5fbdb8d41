// Resources with one location member set, in each representation's own spelling: PascalCase SDK
// names (ours), camelCase (aws-native), camelCase with Terraform's `s3DataSources` list (aws).
import { TestResource } from "../../helpers/policy-args";
import { nativeProvider, Rep, TYPES } from "./fixtures";

/** The IAM partition of a region, written down from the AWS docs (not from the pack's data). */
export function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("us-isob-")) return "aws-iso-b";
    if (region.startsWith("us-isof-")) return "aws-iso-f";
    if (region.startsWith("us-iso-")) return "aws-iso";
    if (region.startsWith("eu-isoe-")) return "aws-iso-e";
    if (region.startsWith("eusc-")) return "aws-eusc";
    return "aws";
}

function spell(rep: Rep, name: string): { key: string; list: boolean } {
    if (rep === "ours") {
        return { key: name, list: false };
    }
    if (rep === "aws" && name === "S3DataSource") {
        return { key: "s3DataSources", list: true };
    }
    return { key: name[0].toLowerCase() + name.slice(1), list: false };
}

/** Sets `value` at an SDK member path (`A.B[].C`; list items at index 0), creating what is missing. */
export function setMember(props: Record<string, unknown>, rep: Rep, sdkPath: string, value: unknown): Record<string, unknown> {
    const steps = sdkPath.split(".");
    let node: Record<string, unknown> = props;
    steps.forEach((step, i) => {
        const list = step.endsWith("[]");
        const { key, list: wrapped } = spell(rep, list ? step.slice(0, -2) : step);
        const last = i === steps.length - 1;
        if (list || wrapped) {
            const items = (node[key] as Record<string, unknown>[] | undefined) ?? [{}];
            node[key] = items;
            node = items[0];
            return;
        }
        if (last) {
            node[key] = value;
            return;
        }
        node[key] = (node[key] as Record<string, unknown> | undefined) ?? {};
        node = node[key] as Record<string, unknown>;
    });
    return props;
}

/** The resource path a member gets in `rep` (what messages name). */
export function spelledPath(rep: Rep, sdkPath: string): string {
    return sdkPath.split(".").map(step => {
        const list = step.endsWith("[]");
        const { key, list: wrapped } = spell(rep, list ? step.slice(0, -2) : step);
        return list || wrapped ? `${key}[0]` : key;
    }).join(".");
}

/** A model or model package deploying to `region` whose only location is `value` at `sdkPath`. */
export function resourceWith(rep: Rep, kind: "model" | "model-package", sdkPath: string, value: unknown, region: string): TestResource {
    const props: Record<string, unknown> = {};
    if (kind === "model") {
        setMember(props, rep, "ExecutionRoleArn", `arn:${partitionOf(region)}:iam::123456789012:role/sagemaker`);
        setMember(props, rep, "EnableNetworkIsolation", true);
    } else {
        setMember(props, rep, "ModelPackageGroupName", "churn");
    }
    setMember(props, rep, sdkPath, value);
    if (rep !== "aws-native") {
        props.region = region;
    }
    const type = kind === "model" ? TYPES[rep].model : TYPES[rep].modelPackage!;
    return { type, name: "r", props, provider: rep === "aws-native" ? nativeProvider(region) : undefined };
}
