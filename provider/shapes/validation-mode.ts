// The stack setting `sagemaker:validation` (`error`, the default, or `warn`): the escape hatch for
// the day AWS accepts a value before the API model or the installed SDK knows it. With `warn`,
// a shape failure is reported as a warning and the request goes to AWS, which decides.
import type { ProviderSettings } from "../common/settings";
import { validateShape, type ShapeIssue, type ValidateOptions } from "./validate";

export const VALIDATION_MODES = ["error", "warn"] as const;
export type ValidationMode = (typeof VALIDATION_MODES)[number];

/** Where warnings go; tests pass their own. */
export type WarningSink = (message: string) => void;

/**
 * The one conversion of shape failures under the stack's validation mode: with `error` (or no
 * setting) the issues come back to be reported as check failures; with `warn` each becomes a
 * warning and none comes back. Cross-field rules (provider/rules) are not affected.
 */
export function enforcedShapeIssues(
    settings: Pick<ProviderSettings, "validation"> | undefined,
    resource: string,
    issues: readonly ShapeIssue[],
    warn: WarningSink = engineWarning,
): ShapeIssue[] {
    if ((settings?.validation ?? "error") === "error") {
        return [...issues];
    }
    for (const issue of issues) {
        warn(`${resource}: ${issue.message} (constraint: ${issue.constraint}); not enforced because sagemaker:validation is "warn": ` +
            "AWS decides when the request is sent.");
    }
    return [];
}

/** validateShape, then enforcedShapeIssues: what a check() calls. */
export function checkShape(
    settings: Pick<ProviderSettings, "validation"> | undefined,
    resource: string,
    shapeName: string,
    value: unknown,
    options: ValidateOptions = {},
    warn: WarningSink = engineWarning,
): ShapeIssue[] {
    return enforcedShapeIssues(settings, resource, validateShape(shapeName, value, options), warn);
}

/**
 * A warning the Pulumi CLI shows as one (yellow, counted in "N warnings"). The dynamic-provider
 * host has no engine connection of its own: `pulumi.log.warn` there only prints
 * "warning: [runtime] ..." on stderr, which the engine shows as a plain message. The host is
 * started with the engine's address as its one argument, so the warning goes to the engine's Log
 * service directly; anywhere else (or if that fails) it goes to stderr.
 */
export function engineWarning(message: string): void {
    const address = engineAddress();
    if (address === undefined) {
        console.warn(`warning: ${message}`);
        return;
    }
    try {
        const path: typeof import("path") = require("path");
        const from = { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] };
        const grpc = require(require.resolve("@grpc/grpc-js", from));
        const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
        const engineProto = require("@pulumi/pulumi/proto/engine_pb");
        const client = engineClient ??= new engineRpc.EngineClient(address, grpc.credentials.createInsecure());
        const request = new engineProto.LogRequest();
        request.setSeverity(engineProto.LogSeverity.WARNING);
        request.setMessage(message);
        client.log(request, (err: unknown) => {
            if (err) {
                console.warn(`warning: ${message}`);
            }
        });
    } catch {
        console.warn(`warning: ${message}`);
    }
}

let engineClient: { log(request: unknown, callback: (err: unknown) => void): void } | undefined;

/** The engine address when this process is Pulumi's dynamic-provider host (`.../cmd/dynamic-provider <address>`). */
function engineAddress(): string | undefined {
    const [, script, address] = process.argv;
    const isHost = typeof script === "string" && /[\\/]cmd[\\/]dynamic-provider([\\/]index(\.js)?)?$/.test(script);
    return isHost && typeof address === "string" && /^[\w.-]+:\d+$/.test(address) ? address : undefined;
}
