// The Pulumi engine's log, for warnings a provider reports (e.g. shape failures under
// `sagemaker:validation: warn`): the one piece of the engine that talks to the Pulumi engine itself.

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
