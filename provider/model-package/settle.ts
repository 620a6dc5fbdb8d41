import type { DescribeModelPackageOutput } from "@aws-sdk/client-sagemaker";
import { sdk } from "../aws/client";
import { describeAwsError, isNotFound, userError } from "../aws/errors";
import { ResourceInitError } from "../engine/init-error";
import type { CallContext, Props } from "../engine/kind";
import { call } from "../engine/calls";
import { formatStatusDetails, pollTiming, stderrProgress, waitForPackage, type WaitOptions } from "./status-wait";

export const DEFAULT_STATUS_TIMEOUT_MINUTES = 30;

/** For unit tests (fake clock/sleep); empty in production. */
export const waitOverrides: Partial<WaitOptions> = {};

/** Poll timing and timeout; tests override the timing through POLL_ENV or `waitOverrides`. */
function waitOptions(props: Props): WaitOptions {
    const minutes = typeof props.statusTimeoutMinutes === "number" ? props.statusTimeoutMinutes : DEFAULT_STATUS_TIMEOUT_MINUTES;
    return { ...pollTiming(), timeoutMs: minutes * 60_000, progress: stderrProgress, ...waitOverrides };
}

export function describePackage(ctx: CallContext, arn: string): Promise<DescribeModelPackageOutput> {
    return call(ctx, "DescribeModelPackage", () => ctx.client.send(new (sdk().DescribeModelPackageCommand)({ ModelPackageName: arn })));
}

/** The package a wait was for does not exist (any more). */
export class PackageGone extends Error {
    constructor(readonly arn: string, cause: Error) {
        super(cause.message);
        this.stack = "";
    }
}

async function describeForWait(ctx: CallContext, arn: string): Promise<DescribeModelPackageOutput> {
    try {
        return await ctx.client.send(new (sdk().DescribeModelPackageCommand)({ ModelPackageName: arn }));
    } catch (err) {
        if (isNotFound(err)) {
            throw new PackageGone(arn, describeAwsError(err, { resource: ctx.resource, operation: "DescribeModelPackage", secrets: ctx.secrets }));
        }
        throw describeAwsError(err, { resource: ctx.resource, operation: "DescribeModelPackage", secrets: ctx.secrets });
    }
}

async function deleteQuietly(ctx: CallContext, arn: string): Promise<string | undefined> {
    try {
        await ctx.client.send(new (sdk().DeleteModelPackageCommand)({ ModelPackageName: arn }));
        return undefined;
    } catch (err) {
        return isNotFound(err) ? undefined : (err instanceof Error ? err.message : String(err));
    }
}

/**
 * CreateModelPackage is asynchronous and has no SDK waiter: waits for ModelPackageStatus
 * Completed (PackageGone when there is no such package). Failed: the package is deleted and the error carries the status details. Timeout: the
 * package is kept in the stack as not initialized (`partial` builds its outputs), so nothing is
 * orphaned and the next `pulumi up` resumes the wait.
 */
export async function settle(ctx: CallContext, arn: string, inputs: Props, partial: (d: DescribeModelPackageOutput) => Props): Promise<DescribeModelPackageOutput> {
    const options = waitOptions(inputs);
    const outcome = await waitForPackage(() => describeForWait(ctx, arn), ctx.resource, options);
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
    throw new ResourceInitError(`${ctx.resource}: still ${outcome.lastStatus ?? "not Completed"} after ${limit} ` +
        `(statusTimeoutMinutes). The package ${arn} is kept in the stack; the next \`pulumi up\` waits again, ` +
        "or raise statusTimeoutMinutes.", arn, { ...partial(await describePackage(ctx, arn)), __provider: inputs.__provider });
}
