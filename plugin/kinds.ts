/**
 * The plugin's resource kinds: type token <-> the engine's kind, the engine's lifecycle for each
 * (`runtime.lifecycles`, the same seam the dynamic face calls), and what the plugin reads from a
 * kind's spec (read-only): its name member and whether that name is generated.
 */
import type { Lifecycle, ResourceKind } from "../provider/common/lifecycle";
import type { KindSpec } from "../provider/engine/kind";

export const KINDS: readonly ResourceKind[] = ["Model", "ModelPackage", "ModelPackageGroup"];

/** `sagemaker:index:Model` -> `Model`. */
export function kindOf(type: string): ResourceKind {
    const kind = /^sagemaker:index:(\w+)$/.exec(type)?.[1];
    if (!kind || !(KINDS as readonly string[]).includes(kind)) {
        throw new Error(`the sagemaker provider has no resource type ${JSON.stringify(type)}: it serves ${KINDS.map((k) => `sagemaker:index:${k}`).join(", ")}`);
    }
    return kind as ResourceKind;
}

/** The type token of a URN (`urn:pulumi:stack::project::parent$sagemaker:index:Model::name`). */
export function typeOfUrn(urn: string): string {
    const qualified = urn.split("::")[2] ?? "";
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

export function nameOfUrn(urn: string): string {
    return urn.split("::").slice(3).join("::");
}

export function lifecycle(kind: ResourceKind): Lifecycle {
    return (require("../provider/runtime") as typeof import("../provider/runtime")).lifecycles[kind];
}

const SPECS: Record<ResourceKind, () => KindSpec> = {
    Model: () => require("../provider/model/spec").modelSpec,
    ModelPackage: () => require("../provider/model-package/spec").modelPackageSpec,
    ModelPackageGroup: () => require("../provider/model-package-group/spec").modelPackageGroupSpec,
};

export function specOf(kind: ResourceKind): KindSpec {
    return SPECS[kind]();
}
