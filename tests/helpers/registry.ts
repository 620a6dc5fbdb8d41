// Shared by the registry lookup suites (tests/unit/registry, tests/integration/registry).
import { strict as assert } from "assert";
import { RegistryLookupError } from "../../provider/registry";
import { rejection } from "./errors";

/** The RegistryLookupError a lookup fails with (fails the test when it succeeds or throws anything else). */
export async function lookupFailure(p: Promise<unknown>): Promise<RegistryLookupError> {
    const err = await rejection(p);
    assert.ok(err instanceof RegistryLookupError, `expected a RegistryLookupError, got ${String(err)}`);
    return err;
}
