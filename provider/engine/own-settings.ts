import { AUTO_NAME_KEYS } from "../common/auto-name";
import { checkFailure, regionFailure } from "../common/check-failures";
import type { OwnSetting } from "./kind";

/**
 * Our camelCase inputs that every kind shares (never sent to AWS). A kind's spec adds its own.
 */
export const COMMON_SETTINGS = {
    /** Where the resource lives: a change creates it anew in the other region. */
    region: { change: "replace", validate: regionFailure },
    /** The logical name, passed by the resource constructor because `check` gets no URN (auto-naming). */
    [AUTO_NAME_KEYS.logicalName]: { change: "ignore" },
    /** Set by `check`: true when the physical name was generated. */
    [AUTO_NAME_KEYS.autoNamed]: { change: "ignore" },
    /** Bring an existing resource under management at create instead of creating it (see lifecycle.ts). */
    adopt: { change: "ignore", validate: booleanSetting("adopt", "true to adopt an existing resource that matches the inputs, or leave it out") },
} as const satisfies Record<string, OwnSetting>;

/** A check for one of our boolean settings. */
export function booleanSetting(key: string, fix: string): OwnSetting["validate"] {
    return (value) => (typeof value === "boolean" ? undefined : checkFailure(key, "type", "expected a boolean", `use ${fix}`));
}
