/**
 * An error that tells the engine the resource exists but did not finish initializing: the
 * dynamic-provider host sends `id` and `properties` back, so the package is kept in the stack
 * (not orphaned) and the next `pulumi up` updates it (our update resumes the wait).
 */
export class ResourceInitError extends Error {
    constructor(message: string, readonly id: string, readonly properties: Record<string, unknown>, readonly reasons: string[] = [message]) {
        super(message);
        this.stack = message;
    }
}
