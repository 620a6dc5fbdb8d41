import type { DescribeModelPackageOutput } from "../common/sdk-shapes";
import { sdk } from "../aws/client";
import { isNotFound, userError } from "../aws/errors";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { ResourceGone, ResourceNotReady, type KindContext, type Props } from "../engine/kind";
import { formatStatusDetails, pollTiming, waitForPackage, type WaitOptions } from "./status-wait";

export const DEFAULT_STATUS_TIMEOUT_MINUTES = 30;

/** For unit tests (fake clock/sleep); empty in production. */
export const waitOverrides: Partial<WaitOptions> = {};

/** Poll timing and timeout; progress as a status line on the resource; tests override through POLL_ENV or `waitOverrides`. */
function waitOptions(ctx: Context, props: Props): WaitOptions {
    const minutes = typeof props.statusTimeoutMinutes === "number" ? props.statusTimeoutMinutes : DEFAULT_STATUS_TIMEOUT_MINUTES;
    const urn = resourceUrn(props[INTERNAL_KEYS.clientTokenScope]);
    return { ...pollTiming(), timeoutMs: minutes * 60_000, progress: (line) => ctx.status(line, urn), ...waitOverrides };
}

const TYPE = "pulumi-nodejs:dynamic/sagemaker:ModelPackage";

/**
 * The package's URN, from where the constructor says it is declared (`__clientTokenScope`: project,
 * stack, parent URN, logical name; resource.ts), built as Pulumi builds URNs: the parent's
 * qualified type chain (the root stack is not part of it), then this type, then the name.
 * Undefined when the scope is not of that form (e.g. a package from before it was set).
 */
export function resourceUrn(scope: unknown): string | undefined {
    const parts = typeof scope === "string" ? scope.split("\n") : [];
    if (parts.length !== 4 || parts.some((p, i) => i !== 2 && p === "")) {
        return undefined;
    }
    const [project, stack, parent, name] = parts;
    const parentType = parent === "" ? undefined : parent.split("::")[2];
    const type = parentType === undefined || parentType === "pulumi:pulumi:Stack" ? TYPE : `${parentType}$${TYPE}`;
    return `urn:pulumi:${stack}::${project}::${type}::${name}`;
}

/** The logical name in a status line (the physical name alone is not what the program says). */
function logicalLabel(ctx: Context, scope: unknown): string {
    const name = typeof scope === "string" ? scope.split("\n")[3] : undefined;
    return name ? `${ctx.resource} (${name})` : ctx.resource;
}

type Context = KindContext<DescribeModelPackageOutput>;

/** The package a wait is for; ResourceGone when there is no such package (any more). */
async function describeForWait(ctx: Context, arn: string): Promise<DescribeModelPackageOutput> {
    const d = await ctx.describe(arn);
    if (d === undefined) {
        throw new ResourceGone(arn, `${ctx.resource}: SageMaker has no model package ${arn}`);
    }
    return d;
}

async function deleteQuietly(ctx: Context, arn: string): Promise<string | undefined> {
    try {
        await ctx.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        return undefined;
    } catch (err) {
        return isNotFound(err) ? undefined : (err instanceof Error ? err.message : String(err));
    }
}

/**
 * CreateModelPackage is asynchronous and has no SDK waiter: waits for ModelPackageStatus
 * Completed (ResourceGone when there is no such package). Failed: the package is deleted and the
 * error carries the status details. Timeout: ResourceNotReady, so the engine keeps the package in
 * the stack as not initialized, nothing is orphaned and the next `pulumi up` resumes the wait.
 */
export async function waitForCompleted(ctx: Context, arn: string, inputs: Props): Promise<DescribeModelPackageOutput> {
    const options = waitOptions(ctx, inputs);
    const outcome = await waitForPackage(() => describeForWait(ctx, arn), logicalLabel(ctx, inputs[INTERNAL_KEYS.clientTokenScope]), options);
    if (outcome.kind === "completed") {
        return outcome.description;
    }
    if (outcome.kind === "failed") {
        const details = formatStatusDetails(outcome.description);
        const leftover = await deleteQuietly(ctx, arn);
        const cleanup = leftover === undefined
            ? "The failed package was deleted, so nothing is left behind."
            : `Deleting the failed package ${arn} also failed (${leftover}): delete it by hand.`;
        throw userError(`${ctx.resource}: SageMaker reports ModelPackageStatus Failed: ${details}. ${cleanup} ` +
            "Fix the inputs named in the details (image, model data, validation specification) and run `pulumi up` again.");
    }
    const limit = options.timeoutMs >= 60_000 ? `${Math.round(options.timeoutMs / 6_000) / 10} minutes` : `${Math.round(options.timeoutMs / 100) / 10}s`;
    throw new ResourceNotReady(`${ctx.resource}: still ${outcome.lastStatus ?? "not Completed"} after ${limit} ` +
        `(statusTimeoutMinutes). The package ${arn} is kept in the stack; the next \`pulumi up\` waits again, ` +
        "or raise statusTimeoutMinutes.", arn, await describeForWait(ctx, arn));
}
