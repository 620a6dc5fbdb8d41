import { errorCode } from "./errors";

/**
 * IAM is eventually consistent: a role created moments ago (in the same `pulumi up`) may not be
 * assumable by SageMaker yet, and CreateModel answers a ValidationException "Could not assume role
 * <arn>. Please ensure that the role exists and allows principal 'sagemaker.amazonaws.com' to
 * assume the role." terraform-provider-aws retries CreateModel for 2 minutes
 * (internal/service/sagemaker/model.go, `tfresource.RetryWhenAWSErrCodeEquals(ctx, 2*time.Minute, ...)`);
 * so do we, for that answer only: any other ValidationException is the input's fault and fails at once.
 */
export const ROLE_PROPAGATION_MS = 2 * 60_000;

/** The first wait between attempts; it doubles up to ROLE_PROPAGATION_MAX_DELAY_MS. */
const ROLE_PROPAGATION_FIRST_DELAY_MS = 2_000;
const ROLE_PROPAGATION_MAX_DELAY_MS = 16_000;

/** SageMaker could not assume the execution role: what a role IAM has not propagated yet answers. */
export function isRolePropagation(err: unknown): boolean {
    return errorCode(err) === "ValidationException" && err instanceof Error && /could not assume role/i.test(err.message);
}

/** The clock the wait reads and sleeps on: tests replace it (a fake clock, no real waiting). */
export const propagationClock = {
    now: (): number => Date.now(),
    sleep: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * `send`, again after a doubling delay while it fails with an error `retryable` accepts, for at
 * most `forMs` from the first attempt (the last error when that runs out).
 */
export async function retryWhile<T>(send: () => Promise<T>, retryable: (err: unknown) => boolean, forMs: number): Promise<T> {
    const started = propagationClock.now();
    let delay = ROLE_PROPAGATION_FIRST_DELAY_MS;
    for (;;) {
        try {
            return await send();
        } catch (err) {
            if (!retryable(err) || propagationClock.now() - started + delay > forMs) {
                throw err;
            }
        }
        await propagationClock.sleep(delay);
        delay = Math.min(delay * 2, ROLE_PROPAGATION_MAX_DELAY_MS);
    }
}
