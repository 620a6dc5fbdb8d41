import type * as pulumi from "@pulumi/pulumi";

/**
 * An SDK input type where every member, at any depth, may also be a Pulumi Input (a promise or
 * an Output), so program values flow into nested structures without `apply`.
 */
export type DeepInput<T> =
    T extends string | number | boolean | bigint | Date | Uint8Array ? pulumi.Input<T>
        : T extends readonly (infer U)[] ? pulumi.Input<DeepInput<U>[]>
            : T extends object ? pulumi.Input<{ [K in keyof T]: DeepInput<T[K]> }>
                : T;

/** The members of an SDK input structure as deep inputs, all optional (as SDK members are). */
export type DeepInputs<T> = { [K in keyof T]?: DeepInput<Exclude<T[K], undefined>> };
