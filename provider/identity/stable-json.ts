/**
 * JSON with object keys sorted at every depth, so equal values give equal text whatever the order
 * their members were written in (a ClientToken's hash, a request's fingerprint). Arrays keep their
 * order; undefined is `null`.
 */
export function stableJson(value: unknown): string {
    if (Array.isArray(value)) {
        return `[${value.map(stableJson).join(",")}]`;
    }
    if (value && typeof value === "object") {
        const v = value as Record<string, unknown>;
        return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}
