/**
 * Our bookkeeping inputs: set by the resource constructors, `check` or the plugin, never by the
 * user, but kept in every resource's state (refresh rebuilds the inputs from the outputs). Their
 * names start with `__` because the Pulumi CLI hides such keys from every diff it prints
 * (`resource.IsInternalPropertyKey` in github.com/pulumi/pulumi sdk/go/common/resource, used by
 * pkg/backend/display), as it hides the engine's own `__provider`.
 */
export const INTERNAL_KEYS = {
    /** The logical name, passed by the resource constructor because `check` gets no URN (auto-naming). */
    logicalName: "__logicalName",
    /** Set by `check`: true when the physical name was generated rather than given. */
    autoNamed: "__autoNamed",
    /** Where the resource is declared (project, stack, parent URN, logical name): an auto-name's seed. */
    autoNameScope: "__autoNameScope",
    /** Where a package is declared: its ClientToken's seed (model-package/client-token.ts). */
    clientTokenScope: "__clientTokenScope",
} as const;

export type InternalKey = keyof typeof INTERNAL_KEYS;

/**
 * The names releases up to main 1b8b4f4 wrote into the state: a stack deployed with one of them
 * carries them in its old inputs and outputs until its next update writes the new names.
 */
const LEGACY_NAMES = Object.keys(INTERNAL_KEYS) as InternalKey[];

/**
 * `props` with every legacy bookkeeping key under its current name (a current key, when both are
 * there, wins). Applied to what the engine hands back from the state (old inputs, old outputs);
 * `props` itself is left as it is.
 */
export function withCurrentKeys<T extends Record<string, unknown> | undefined>(props: T): T {
    if (props === undefined || props === null || !LEGACY_NAMES.some((k) => Object.prototype.hasOwnProperty.call(props, k))) {
        return props;
    }
    const out: Record<string, unknown> = { ...props };
    for (const legacy of LEGACY_NAMES) {
        if (Object.prototype.hasOwnProperty.call(out, legacy)) {
            const current = INTERNAL_KEYS[legacy];
            if (!Object.prototype.hasOwnProperty.call(out, current)) {
                out[current] = out[legacy];
            }
            delete out[legacy];
        }
    }
    return out as T;
}
