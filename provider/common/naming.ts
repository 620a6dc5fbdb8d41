import { randomBytes } from "crypto";

/** SageMaker names: 1-63 chars, alphanumerics and hyphens, not starting or ending with a hyphen. */
export const NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
export const NAME_MAX = 63;
const SUFFIX_LENGTH = 7;

/**
 * A physical name from the logical name plus a random suffix, like Pulumi's auto-naming. Chosen
 * once, in `check`, and then carried in the inputs so retries and previews reuse it.
 */
export function autoName(logicalName: string, random: () => string = randomSuffix): string {
    let base = logicalName.replace(/[^a-zA-Z0-9-]/g, "-").replace(/-+/g, "-").replace(/^-+|-+$/g, "");
    if (base === "") {
        base = "sagemaker";
    }
    base = base.slice(0, NAME_MAX - SUFFIX_LENGTH - 1).replace(/-+$/, "");
    return `${base}-${random()}`;
}

function randomSuffix(): string {
    return randomBytes(4).toString("hex").slice(0, SUFFIX_LENGTH);
}
