// What a cross-field rule reports: structured, so check() words it for a Pulumi user (path,
// constraint, fix) and the local endpoint words it as a ValidationException (`<path>: <problem>`).
import { isUnknown } from "../common/unknown";
import { isAbsent } from "../common/values";

export interface Finding {
    /** e.g. `Containers[1].Environment.MY_VAR` */
    path: string;
    /** e.g. `exclusive`, `required`, `max`, `unique`, `pattern`, `dependency` */
    constraint: string;
    /** what is wrong, never echoing a value (Environment values may be secrets) */
    problem: string;
    /** what to do about it */
    fix: string;
    /**
     * "check": a rule of ours, stricter than AWS documents (the API reference says the member "does
     * not apply" or is ignored, or says nothing): check() refuses the silent no-op, the local
     * endpoint, which models AWS, does not.
     */
    scope?: "check";
}

export function finding(path: string, constraint: string, problem: string, fix: string): Finding {
    return { path, constraint, problem, fix };
}

/** The same finding, marked as a rule of check() only (see Finding.scope). */
export function checkOnly(f: Finding): Finding {
    return { ...f, scope: "check" };
}

/** Set and known: rules that compare values never judge a preview-time unknown. */
export function known(v: unknown): boolean {
    return !isAbsent(v) && !isUnknown(v);
}

/** Set, or not known yet (an unknown will be a value at deploy time, so it counts as set). */
export function present(v: unknown): boolean {
    return !isAbsent(v);
}

/** A string whose value is known (unknowns are never judged). */
export function knownString(v: unknown): v is string {
    return typeof v === "string" && !isUnknown(v);
}

/** Bytes in UTF-8 (Buffer.byteLength's default encoding). */
export function utf8Bytes(s: string): number {
    return Buffer.byteLength(s);
}
