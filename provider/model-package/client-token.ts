import { createHash, randomUUID } from "crypto";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { containsUnknown } from "../common/unknown";
import type { Props } from "../engine/kind";
import { canonical, isAbsent } from "../common/values";
import { stableJson } from "../identity/stable-json";

/**
 * CreateModelPackage's ClientToken, "a unique token that guarantees that the call to this API is
 * idempotent" (1-36 characters, [a-zA-Z0-9-]). Derived from where the resource is declared (the
 * project, the stack, the parent and the logical name: `__clientTokenScope`, set by the resource
 * constructor) and from the request itself, so a `pulumi up` re-run after a kill sends the same
 * request as the interrupted one and SageMaker answers with the version that one created instead
 * of registering a second. Different inputs (a replacement) give a different token.
 */
const TOKEN_PREFIX = "pulumi-";
const TOKEN_LENGTH = 36;

/** The token for one attempt; `attempt` > 1 only when an earlier token named a package that is gone. */
export function clientToken(scope: string, request: Props, attempt = 1): string {
    const { ClientToken: _token, ...rest } = request;
    const hash = createHash("sha256").update(`${scope}\n${stableJson(canonical(rest) ?? {})}\n${attempt}`).digest("hex");
    return `${TOKEN_PREFIX}${hash.slice(0, TOKEN_LENGTH - TOKEN_PREFIX.length)}`;
}

/**
 * Check-time: the token to send, unless the program set one. Left out while the request holds
 * values not known yet (preview: the next check, at deploy time, derives it). Without a scope
 * (a resource built without the constructor), a random token kept from the previous inputs.
 */
export function resolveClientToken(olds: Props, inputs: Props, request: Props): string | undefined {
    if (!isAbsent(inputs.ClientToken)) {
        return inputs.ClientToken as string;
    }
    const scope = inputs[INTERNAL_KEYS.clientTokenScope];
    if (typeof scope === "string" && scope !== "" && !containsUnknown(scope)) {
        return containsUnknown(request) ? undefined : clientToken(scope, request);
    }
    return typeof olds.ClientToken === "string" ? olds.ClientToken : randomUUID();
}
