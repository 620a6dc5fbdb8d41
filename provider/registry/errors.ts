import * as pulumi from "@pulumi/pulumi";

/** Which lookup failed; every message starts with it. */
export type LookupName = "getLatestModelPackageVersion" | "getModelPackageVersion" | "getModelPackageVersions";

/** Why a lookup failed, for programs that want to react (e.g. serve nothing yet when `noMatch`). */
export type LookupFailure =
    | "invalidArguments"   // an argument breaks the API's constraints; nothing was called
    | "stackConfig"        // aws:region, sagemaker:endpoint, ... is malformed, or no region is known
    | "groupNotFound"      // the group does not exist in that region (account)
    | "versionNotFound"    // getModelPackageVersion: no such version number
    | "noMatch"            // getLatestModelPackageVersion: no version passes the filters
    | "sageMaker";         // SageMaker refused or could not be reached (after the SDK's retries)

/**
 * A lookup's error. A RunError, so `pulumi preview`/`up` print its message alone, without a stack
 * trace (the message already names the group, the filter and the fix).
 */
export class RegistryLookupError extends pulumi.RunError {
    constructor(readonly lookup: LookupName, readonly reason: LookupFailure, message: string) {
        super(`${lookup}: ${message}`);
        this.name = "RegistryLookupError";
    }

    /**
     * What util.inspect shows: the message alone. Why: Pulumi's program runner inspects every
     * uncaught error, and an error that rejected an Output feeding a resource carries the runtime's
     * promises (`err.promise`); inspecting that took 20-30 s of CPU and ended in "Invalid string
     * length" (measured with @pulumi/pulumi 3.276.0: a failed lookup's `pulumi preview` took ~35 s
     * instead of ~5 s).
     */
    [Symbol.for("nodejs.util.inspect.custom")](): string {
        return `${this.name}: ${this.message}`;
    }
}
