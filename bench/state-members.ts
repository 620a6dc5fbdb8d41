import * as path from "path";

/** Compact-JSON bytes of each member of an entry: `inputs.X`, `outputs.X`, and the engine's own top-level members. */
export function bytesByMember(entry: Record<string, unknown>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(entry)) {
        if ((k === "inputs" || k === "outputs") && v && typeof v === "object") {
            for (const [m, x] of Object.entries(v)) {
                out[`${k}.${m}`] = Buffer.byteLength(JSON.stringify(x));
            }
        } else {
            out[k] = Buffer.byteLength(JSON.stringify(v));
        }
    }
    return out;
}

/** The previous release's Model entry (main at f009cd1, recorded with the real CLI by tests/fixtures/record-state.ts). */
export const PREVIOUS_MODEL_ENTRY = path.join(__dirname, "..", "tests", "fixtures", "state-main-f009cd1", "model-entry.json");
