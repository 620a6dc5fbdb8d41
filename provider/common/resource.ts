import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./lifecycle";
import { INTERNAL_KEYS } from "./internal-keys";
import { providerText, type SageMakerProvider } from "./provider-shim";
import { warnPlaintextSecrets } from "./secret-warnings";

/**
 * Where a resource is declared: the project, the stack, the parent's URN (two components may each
 * declare a child of the same name) and the logical name. Known at preview; the seed of a
 * package's ClientToken and of an auto-name (common/auto-name.ts).
 */
export function declarationScope(name: string, opts: pulumi.CustomResourceOptions | undefined): pulumi.Input<string> {
    const scope = (parentUrn: string) => [pulumi.getProject(), pulumi.getStack(), parentUrn, name].join("\n");
    // Without a parent it is known now: a string, not an Output. @pulumi/pulumi formats a stack for every
    // Output input it serializes (~100 KiB of the program's peak memory per resource under ts-node;
    // docs/PERFORMANCE.md, issue 26).
    return opts?.parent ? opts.parent.urn.apply(scope) : scope("");
}

/**
 * The auto-naming inputs an auto-named kind's constructor adds (`check` gets no URN): the logical
 * name, and where the resource is declared (none for `get`, which names an existing resource).
 */
export function autoNameInputs(name: string, opts: pulumi.CustomResourceOptions | undefined): Record<string, unknown> {
    return { [INTERNAL_KEYS.logicalName]: name, [INTERNAL_KEYS.autoNameScope]: opts?.id === undefined ? declarationScope(name, opts) : undefined };
}

/** The state's `__logicalName` and `__autoNamed` (internal-keys.ts: hidden from diffs) under the names the classes expose. */
export function autoNameOutputs(resource: pulumi.CustomResource): { logicalName: pulumi.Output<string>; autoNamed: pulumi.Output<boolean> } {
    const outputs = resource as unknown as Record<string, pulumi.Output<never>>;
    return { logicalName: outputs[INTERNAL_KEYS.logicalName], autoNamed: outputs[INTERNAL_KEYS.autoNamed] };
}

/**
 * What every kind's Pulumi resource shares: the type token `pulumi-nodejs:dynamic/sagemaker:<Kind>`
 * and the outputs every kind computes. Outputs are `declare`d: a class field would overwrite the
 * outputs the base constructor registers.
 *
 * Registered as `pulumi.dynamic.Resource` registers a dynamic resource (that type token, `__provider`
 * in the inputs), but with `providerText(kind)` as `__provider` instead of the closure-serialized
 * provider object: ~110 B instead of ~620 B per copy (provider-shim.ts).
 */
export abstract class SageMakerResource extends pulumi.CustomResource {
    /** The resource's ARN. */
    declare readonly arn: pulumi.Output<string>;
    /** The resource's name (a Model's is its `ModelName`; a version's, its group's). */
    declare readonly name: pulumi.Output<string>;
    /** The region the resource lives in. */
    declare readonly region: pulumi.Output<string>;
    /** When SageMaker created it (ISO 8601). */
    declare readonly creationTime: pulumi.Output<string>;

    /**
     * `inputs`: the program's arguments plus ours. `outputs`: every property the resource exposes
     * (the kind's members and its computed outputs), registered as undefined where the inputs leave
     * them out, so each exists on the resource as an Output.
     */
    protected constructor(provider: SageMakerProvider, kind: ResourceKind, name: string, inputs: Record<string, unknown>,
        outputs: readonly string[], opts?: pulumi.CustomResourceOptions) {
        const registered = Object.fromEntries(["arn", "region", "creationTime", ...outputs].map((k) => [k, undefined]));
        // @pulumi/pulumi makes 4 promises per registered property and stamps each with `new Error().stack`
        // (runtime/debuggable.ts, read only by its promise-leak report); under ts-node each stack is mapped
        // through source-map-support: ~300 KB allocated per property, ~18 properties a model, which was most
        // of the program's CPU and peak memory above no-op resources (docs/PERFORMANCE.md, issue 26). No frames
        // while registering: the resource's own source position is unaffected (Resource.callsites raises the
        // limit for it), and errors thrown here keep their message.
        const stackTraceLimit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            super(`pulumi-nodejs:dynamic/sagemaker:${kind}`, name, { ...registered, ...inputs, __provider: providerText(provider.kind) }, opts);
        } finally {
            Error.stackTraceLimit = stackTraceLimit;
        }
        warnPlaintextSecrets(this, kind, name, inputs);
    }
}
