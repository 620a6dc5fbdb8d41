/**
 * Runs `fn` with the environment variables in `env` set (undefined = unset), then restores them,
 * also when `fn` throws or its promise rejects.
 */
export function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    const apply = (values: Record<string, string | undefined>) => {
        for (const [k, v] of Object.entries(values)) {
            if (v === undefined) {
                delete process.env[k];
            } else {
                process.env[k] = v;
            }
        }
    };
    apply(env);
    let result: T;
    try {
        result = fn();
    } catch (err) {
        apply(saved);
        throw err;
    }
    if (result instanceof Promise) {
        return result.finally(() => apply(saved)) as T;
    }
    apply(saved);
    return result;
}
