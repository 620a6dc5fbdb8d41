// Values in messages: JSON, never a sentinel, long ones cut to their start and end.
import { isUnknown } from "./unknowns";

/** At most this many characters of a value appear in a message. */
const SHOWN_LENGTH = 160;

/** A long string as its start, the number of characters left out, and its end (both ends tell where it points). */
export function cut(value: string, max = SHOWN_LENGTH): string {
    if (value.length <= max) {
        return value;
    }
    const head = Math.ceil(max * 0.6);
    const tail = max - head;
    return `${value.slice(0, head)}…[${value.length - max} more characters]…${value.slice(value.length - tail)}`;
}

/** A value for a message: JSON of what it actually holds (so "TRUE" reads as a string), cut when long. */
export function show(v: unknown): string {
    if (isUnknown(v)) {
        return "<unknown during preview>";
    }
    if (v === undefined) {
        return "<not set>";
    }
    if (typeof v === "string") {
        return JSON.stringify(cut(v));
    }
    let json: string | undefined;
    try {
        json = JSON.stringify(v);
    } catch {
        json = undefined;
    }
    return cut(json ?? String(v));
}
