/** Runs fn with console.warn captured (outside the Pulumi host, the engine's warnings go to stderr). */
export async function capturingWarnings<T>(fn: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(" "));
    try {
        return { result: await fn(), warnings };
    } finally {
        console.warn = original;
    }
}
