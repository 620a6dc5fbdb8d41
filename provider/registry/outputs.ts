// The registry lookups, output form: Pulumi Inputs in, a pulumi.Output out. The lookup runs once
// every input (and every `dependsOn` resource) is known; during preview an unknown input makes the
// result unknown without a call. Secret inputs make a secret result.
import * as pulumi from "@pulumi/pulumi";
import { getLatestModelPackageVersion, getModelPackageVersion, getModelPackageVersions } from "./lookups";
import type {
    GetLatestModelPackageVersionArgs, GetModelPackageVersionArgs, GetModelPackageVersionsArgs, LookupInputs, LookupOptions,
    LookupOutputOptions, ModelPackageVersionDetails, ModelPackageVersionSummary,
} from "./types";

/** {@link getLatestModelPackageVersion} as an Output. */
export function getLatestModelPackageVersionOutput(args: LookupInputs<GetLatestModelPackageVersionArgs>,
    opts?: LookupOutputOptions): pulumi.Output<ModelPackageVersionDetails> {
    return lookupOutput(args, opts, getLatestModelPackageVersion);
}

/** {@link getModelPackageVersion} as an Output. */
export function getModelPackageVersionOutput(args: LookupInputs<GetModelPackageVersionArgs>,
    opts?: LookupOutputOptions): pulumi.Output<ModelPackageVersionDetails> {
    return lookupOutput(args, opts, getModelPackageVersion);
}

/** {@link getModelPackageVersions} as an Output. */
export function getModelPackageVersionsOutput(args: LookupInputs<GetModelPackageVersionsArgs>,
    opts?: LookupOutputOptions): pulumi.Output<ModelPackageVersionSummary[]> {
    return lookupOutput(args, opts, getModelPackageVersions);
}

function lookupOutput<A, R>(args: LookupInputs<A>, opts: LookupOutputOptions | undefined,
    lookup: (args: A, opts?: LookupOptions) => Promise<R>): pulumi.Output<R> {
    const { dependsOn, ...options } = opts ?? {};
    const plain = pulumi.output(withTimesAsText(args as Record<string, unknown>));
    return pulumi.all([plain, settled(dependsOn)]).apply(([values]) => lookup(values as A, options)) as pulumi.Output<R>;
}

/**
 * `pulumi.output` turns a Date into `{}` (it walks objects member by member), so the creation-time
 * arguments become ISO 8601 strings first, whether given plain, as a promise or as an Output.
 */
function withTimesAsText(args: Record<string, unknown>): Record<string, unknown> {
    const out = { ...args };
    for (const key of ["CreationTimeAfter", "CreationTimeBefore"]) {
        const value = out[key];
        if (pulumi.Output.isInstance(value)) {
            out[key] = value.apply(asText);
        } else if (value instanceof Promise) {
            out[key] = value.then(asText);
        } else if (value !== undefined) {
            out[key] = asText(value);
        }
    }
    return out;
}

function asText(value: unknown): unknown {
    return value instanceof Date ? (Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString()) : value;
}

/** Known once each resource is created: a custom resource's id, a component's URN. */
function settled(dependsOn: LookupOutputOptions["dependsOn"]): pulumi.Output<unknown> {
    if (dependsOn === undefined) {
        return pulumi.output(undefined);
    }
    return pulumi.output(dependsOn).apply((resources) => {
        const list = (Array.isArray(resources) ? resources : [resources]) as pulumi.Input<pulumi.Resource>[];
        return pulumi.all(list.map((r) => pulumi.output(r).apply((resource) =>
            pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn)));
    });
}
