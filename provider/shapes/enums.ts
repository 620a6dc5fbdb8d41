// Enum values: the table's, widened by the installed SDK's, and readable failures (the closest
// allowed values and the API reference page that lists them all, never the whole list inline).

/** How many close values an enum failure names. */
export const SUGGESTIONS = 3;

const sdkCache = new Map<string, readonly string[] | undefined>();

/**
 * The values the installed `@aws-sdk/client-sagemaker` exports for an enum shape (its enum objects
 * carry the shape's name, e.g. `TransformInstanceType`), or undefined when it exports none. The SDK
 * is required on first use only, so loading the validator never loads it.
 */
export function sdkEnumValues(shapeName: string): readonly string[] | undefined {
    if (sdkCache.has(shapeName)) {
        return sdkCache.get(shapeName);
    }
    let values: readonly string[] | undefined;
    try {
        const exported: unknown = (require("@aws-sdk/client-sagemaker") as Record<string, unknown>)[shapeName];
        if (exported && typeof exported === "object" && !Array.isArray(exported)) {
            const all = Object.values(exported);
            values = all.length > 0 && all.every((v) => typeof v === "string") ? all as string[] : undefined;
        }
    } catch {
        values = undefined; // no SDK installed: the table alone decides
    }
    sdkCache.set(shapeName, values);
    return values;
}

/** Accepted when the table lists the value, or the installed SDK already knows it (a newer model). */
export function enumAllows(shapeName: string, tableValues: readonly string[], value: string): boolean {
    return tableValues.includes(value) || (sdkEnumValues(shapeName)?.includes(value) ?? false);
}

/** The SageMaker API reference page of a structure (operation inputs have the operation's page). */
export function apiReferenceUrl(structureName: string, operations: readonly string[] = []): string {
    const operation = structureName.endsWith("Input") ? structureName.slice(0, -"Input".length) : undefined;
    const page = operation !== undefined && operations.includes(operation) ? operation : structureName;
    return `https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_${page}.html`;
}

/** Edit distance (insertions, deletions, substitutions, adjacent swaps), compared case-insensitively. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
    for (let i = 1; i <= s.length; i++) {
        const row = [i];
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
                row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    return rows[s.length][t.length];
}

/** "ml.g6e.xlarge" -> "ml.g6e": values that differ only after their last dot are one family. */
function family(value: string): string | undefined {
    const dot = value.lastIndexOf(".");
    return dot > 0 ? value.slice(0, dot).toLowerCase() : undefined;
}

/**
 * The allowed values closest to `value`: the same family first (instance types: `ml.g6e.*`), then
 * by edit distance, ties in the table's order. Long input is cut first: no enum value is long.
 */
export function closestValues(value: string, allowed: readonly string[], count = SUGGESTIONS): string[] {
    const probe = value.slice(0, 64);
    const wanted = family(probe);
    return allowed
        .map((candidate, index) => ({
            candidate,
            index,
            sameFamily: wanted !== undefined && family(candidate) === wanted ? 0 : 1,
            distance: editDistance(probe, candidate),
        }))
        .sort((x, y) => x.sameFamily - y.sameFamily || x.distance - y.distance || x.index - y.index)
        .slice(0, count)
        .map((x) => x.candidate);
}

/**
 * The one candidate a misspelling most likely meant, for "did you mean": the same letters in another
 * case (`approved` -> `Approved`), else the single closest within a third of the candidate's length
 * (`PrimaryContainers` -> `PrimaryContainer`), else none (a guess would mislead more than help).
 */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
    const probe = value.slice(0, 128);
    const sameLetters = candidates.find((c) => c.toLowerCase() === probe.toLowerCase());
    if (sameLetters !== undefined) {
        return sameLetters;
    }
    let best: string | undefined;
    let bestDistance = Infinity;
    let tie = false;
    for (const candidate of candidates) {
        const distance = editDistance(probe, candidate);
        if (distance > Math.max(1, Math.floor(candidate.length / 3))) {
            continue;
        }
        if (distance < bestDistance) {
            [best, bestDistance, tie] = [candidate, distance, false];
        } else if (distance === bestDistance) {
            tie = true;
        }
    }
    return tie ? undefined : best;
}

/** A value as it appears in a message: quoted, one line, at most 64 characters. */
export function shownValue(value: string): string {
    return JSON.stringify(value.length > 64 ? `${value.slice(0, 61)}...` : value);
}

/**
 * The detail of an enum failure, e.g.
 * `"ml.g6e.xlarg" is not a TransformInstanceType value; did you mean ml.g6e.xlarge? closest: ml.g6e.xlarge, ml.g6e.2xlarge,
 * ml.g6e.4xlarge (all 151 values: https://docs.aws.amazon.com/.../API_InferenceSpecification.html)`.
 */
export function enumFailureDetail(shapeName: string, value: string, allowed: readonly string[], referenceUrl: string): string {
    const meant = didYouMean(value, allowed);
    const guess = meant === undefined ? "" : `did you mean ${meant}? `;
    if (allowed.length <= SUGGESTIONS) {
        return `${shownValue(value)} is not a ${shapeName} value; ${guess}allowed: ${closestValues(value, allowed).join(", ")} (${referenceUrl})`;
    }
    const closest = closestValues(value, allowed);
    return `${shownValue(value)} is not a ${shapeName} value; ${guess}closest: ${closest.join(", ")} (all ${allowed.length} values: ${referenceUrl})`;
}
