/**
 * Pulumi's dynamic-provider host reports a failed check/diff/read/delete twice: on the resource
 * (the error it returns to the engine) and, before that, as `console.error(`${e}: ${e.stack}`)` on
 * its stderr, which the engine shows as a message of the stack. So every such error was in the
 * Diagnostics twice. In the host process only (runtime.ts `configure`), the provider's methods
 * remember each error they throw, and console.error drops the host's echo of exactly that error,
 * once; every other line, and the error on the resource, is untouched.
 */
const pending: string[] = [];
const MAX_PENDING = 32;
let installed = false;

/** The line the host prints for a thrown error. */
export function hostEchoOf(err: unknown): string {
    return `${err}: ${(err as { stack?: unknown } | undefined)?.stack}`;
}

/** Remembers an error a provider method is about to throw, so the host's echo of it is dropped. */
export function expectHostEcho(err: unknown): void {
    pending.push(hostEchoOf(err));
    if (pending.length > MAX_PENDING) {
        pending.shift(); // create/update are not echoed: their entries age out
    }
}

/** Installs the filter on console.error (once per process). */
export function dropHostEchoes(): void {
    if (installed) {
        return;
    }
    installed = true;
    console.error = echoFilter(console.error.bind(console));
}

/** `write` without the lines that are an expected echo (each dropped once). */
export function echoFilter(write: (...args: unknown[]) => void): (...args: unknown[]) => void {
    return (...args: unknown[]) => {
        if (args.length === 1 && typeof args[0] === "string") {
            const i = pending.indexOf(args[0]);
            if (i >= 0) {
                pending.splice(i, 1);
                return;
            }
        }
        write(...args);
    };
}

/** A method whose thrown errors are expected to be echoed by the host (and so dropped). */
export function echoQuiet<A extends unknown[], R>(method: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
    return async (...args: A) => {
        try {
            return await method(...args);
        } catch (err) {
            expectHostEcho(err);
            throw err;
        }
    };
}
