// The Pulumi engine's log, for warnings a provider reports (e.g. shape failures under
// `sagemaker:validation: warn`): the one piece of the engine that talks to the Pulumi engine itself.

/**
 * A warning the Pulumi CLI shows as one (yellow, counted in "N warnings"). The dynamic-provider
 * host has no engine connection of its own: `pulumi.log.warn` there only prints
 * "warning: [runtime] ..." on stderr, which the engine shows as a plain message. The host is
 * started with the engine's address as its one argument, and so is the provider plugin (which
 * says so with `useEngine`), so the warning goes to the engine's Log service directly; anywhere
 * else (or if that fails) it goes to stderr, which the engine does not show for a plugin.
 */
export function engineWarning(message: string): void {
    engineLog(message, { severity: "WARNING" }, () => console.warn(`warning: ${message}`));
}

/**
 * A status line on the resource itself while it works (e.g. a package's validation wait): the
 * engine's Log with the resource's URN and `ephemeral`, so the CLI shows it in the resource's row
 * and drops it once the step ends (nothing is left in the Diagnostics). Without a URN, or outside
 * the dynamic-provider host, it goes to stderr.
 */
export function engineStatus(message: string, urn: string | undefined): void {
    const stderr = () => void process.stderr.write(`sagemaker: ${message}\n`);
    if (urn === undefined) {
        stderr();
        return;
    }
    engineLog(message, { severity: "INFO", urn, ephemeral: true }, stderr);
}

function engineLog(message: string, how: { severity: "WARNING" | "INFO"; urn?: string; ephemeral?: boolean }, fallback: () => void): void {
    const address = engineAddress();
    if (address === undefined) {
        fallback();
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
        request.setSeverity(engineProto.LogSeverity[how.severity]);
        request.setMessage(message);
        if (how.urn !== undefined) {
            request.setUrn(how.urn);
        }
        if (how.ephemeral) {
            request.setEphemeral(true);
        }
        client.log(request, (err: unknown) => {
            if (err) {
                fallback();
            }
        });
    } catch {
        fallback();
    }
}

let engineClient: { log(request: unknown, callback: (err: unknown) => void): void } | undefined;
let pluginEngine: string | undefined;

const isAddress = (address: unknown): address is string => typeof address === "string" && /^[\w.-]+:\d+$/.test(address);

/** The provider plugin (plugin/main.ts): the engine starts it with the engine's address as its one argument. */
export function useEngine(address: string | undefined): void {
    pluginEngine = isAddress(address) ? address : undefined;
}

/** The engine address: the plugin's, or this process's when it is Pulumi's dynamic-provider host (`.../cmd/dynamic-provider <address>`). */
function engineAddress(): string | undefined {
    if (pluginEngine !== undefined) {
        return pluginEngine;
    }
    const [, script, address] = process.argv;
    const isHost = typeof script === "string" && /[\\/]cmd[\\/]dynamic-provider([\\/]index(\.js)?)?$/.test(script);
    return isHost && isAddress(address) ? address : undefined;
}
