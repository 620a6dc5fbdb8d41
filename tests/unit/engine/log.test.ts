// The engine's log (provider/engine/log.ts) against a fake Pulumi engine: a real gRPC server on
// localhost serving the Engine service's Log call (the stubs @pulumi/pulumi ships, the ones log.ts
// uses), so what is asserted is the LogRequest the engine receives. Expected values are from
// Pulumi's engine.proto: LogSeverity DEBUG = 0, INFO = 1, WARNING = 2, ERROR = 3; LogRequest's
// `urn` empty when the message belongs to no resource; `ephemeral` marks a status line the CLI shows
// in the resource's row and does not keep. Outside the engine (no address) the text goes to stderr.
import * as assert from "assert";
import * as path from "path";
import { engineStatus, engineWarning, useEngine } from "../../../provider/engine/log";

const fromPulumi = { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] };
const grpc: typeof import("@grpc/grpc-js") = require(require.resolve("@grpc/grpc-js", fromPulumi));
const engineRpc = require("@pulumi/pulumi/proto/engine_grpc_pb");
const { Empty } = require("google-protobuf/google/protobuf/empty_pb");

const WARNING = 2;
const INFO = 1;
const URN = "urn:pulumi:dev::proj::pulumi-nodejs:dynamic:Resource::m";

type Received = { severity: number; message: string; urn: string; streamid: number; ephemeral: boolean };

/** What a caller of the Log service sees: each answer (error or not), so a test waits for the call to end. */
type Answer = { err: unknown };

describe("engine log (a fake Pulumi engine's Log service on localhost)", function () {
    let server: import("@grpc/grpc-js").Server;
    let address = "";
    let received: Received[] = [];
    let refuse = false;
    let answers: Answer[] = [];
    let answered: (() => void) | undefined;
    const originalLog = engineRpc.EngineClient.prototype.log;
    const argv = process.argv;
    let stderr: string[] = [];
    let warned: string[] = [];
    const writeOriginal = process.stderr.write;
    const warnOriginal = console.warn;

    before(async () => {
        server = new grpc.Server();
        server.addService(engineRpc.EngineService, {
            log(call: { request: { toObject(): Received } }, callback: import("@grpc/grpc-js").sendUnaryData<unknown>) {
                received.push(call.request.toObject());
                if (refuse) {
                    callback({ code: grpc.status.UNAVAILABLE, details: "engine gone" }, null);
                } else {
                    callback(null, new Empty());
                }
            },
        });
        const port = await new Promise<number>((resolve, reject) =>
            server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
        address = `127.0.0.1:${port}`;
        // The client's own callback (log.ts's) runs first; then the test learns that the call ended.
        engineRpc.EngineClient.prototype.log = function (this: unknown, request: unknown, callback: (err: unknown) => void) {
            return originalLog.call(this, request, (err: unknown) => {
                callback(err);
                answers.push({ err });
                answered?.();
            });
        };
    });

    after(async () => {
        engineRpc.EngineClient.prototype.log = originalLog;
        await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    });

    beforeEach(() => {
        received = [];
        answers = [];
        refuse = false;
        stderr = [];
        warned = [];
        process.stderr.write = ((chunk: string) => stderr.push(String(chunk)) > 0) as typeof process.stderr.write;
        console.warn = (...args: unknown[]) => void warned.push(args.join(" "));
    });

    afterEach(() => {
        process.stderr.write = writeOriginal;
        console.warn = warnOriginal;
        process.argv = argv;
        useEngine(undefined);
    });

    /** Runs fn, then waits until `count` Log calls have been answered (a generous bound against a hang: a call never made). */
    async function logged(fn: () => void, count = 1): Promise<void> {
        let timer: NodeJS.Timeout | undefined;
        const done = new Promise<void>((resolve, reject) => {
            answered = () => answers.length >= count && resolve();
            timer = setTimeout(() => reject(new Error(`the engine was called ${answers.length} times, expected ${count}`)), 5000);
        });
        try {
            fn();
            await done;
        } finally {
            clearTimeout(timer);
        }
    }

    describe("the provider plugin (useEngine with the address the engine started it with)", () => {
        it("a warning: one LogRequest, severity WARNING, the message as given, no URN, not ephemeral; nothing on stderr", async () => {
            useEngine(address);
            await logged(() => engineWarning("adopt finds no existing model"));
            assert.deepStrictEqual(received, [{ severity: WARNING, message: "adopt finds no existing model", urn: "", streamid: 0, ephemeral: false }]);
            assert.deepStrictEqual(answers.map((a) => a.err), [null]);
            assert.deepStrictEqual(warned, []);
            assert.deepStrictEqual(stderr, []);
        });

        it("a status line: severity INFO, on the resource's URN, ephemeral; nothing on stderr", async () => {
            useEngine(address);
            await logged(() => engineStatus("waiting for validation", URN));
            assert.deepStrictEqual(received, [{ severity: INFO, message: "waiting for validation", urn: URN, streamid: 0, ephemeral: true }]);
            assert.deepStrictEqual(stderr, []);
            assert.deepStrictEqual(warned, []);
        });

        it("a status line without a URN: stderr only, the engine is not called", async () => {
            useEngine(address);
            engineStatus("waiting", undefined);
            assert.deepStrictEqual(stderr, ["sagemaker: waiting\n"]);
            // A warning after it is the first call the engine sees.
            await logged(() => engineWarning("w"));
            assert.deepStrictEqual(received.map((r) => r.message), ["w"]);
        });

        it("the engine answers with an error: the warning and the status line go to stderr instead", async () => {
            useEngine(address);
            refuse = true;
            await logged(() => {
                engineWarning("the shape check failed");
                engineStatus("still waiting", URN);
            }, 2);
            assert.strictEqual(received.length, 2);
            assert.ok(answers.every((a) => a.err), "both calls fail");
            assert.deepStrictEqual(warned, ["warning: the shape check failed"]);
            assert.deepStrictEqual(stderr, ["sagemaker: still waiting\n"]);
        });

        it("the gRPC library cannot be loaded: stderr instead, no exception", () => {
            useEngine(address);
            const Module = require("module");
            const resolve = Module._resolveFilename;
            Module._resolveFilename = function (request: string, ...rest: unknown[]) {
                if (request === "@grpc/grpc-js") {
                    throw new Error("Cannot find module '@grpc/grpc-js'");
                }
                return resolve.call(this, request, ...rest);
            };
            try {
                engineWarning("no grpc");
                engineStatus("no grpc either", URN);
            } finally {
                Module._resolveFilename = resolve;
            }
            assert.deepStrictEqual(warned, ["warning: no grpc"]);
            assert.deepStrictEqual(stderr, ["sagemaker: no grpc either\n"]);
            assert.deepStrictEqual(received, []);
        });

        for (const bad of [undefined, "", "127.0.0.1", "localhost:", "host:port", "tcp://127.0.0.1:1234", "127.0.0.1:1234/x", " 127.0.0.1:1234", "a b:1234"]) {
            it(`an argument that is no host:port (${JSON.stringify(bad)}): stderr, the engine is not called`, () => {
                useEngine(bad);
                engineWarning("w");
                engineStatus("s", URN);
                assert.deepStrictEqual(warned, ["warning: w"]);
                assert.deepStrictEqual(stderr, ["sagemaker: s\n"]);
                assert.deepStrictEqual(received, []);
            });
        }

        it("host:port with a name (letters, digits, dots, dashes, underscores) is an address", async () => {
            // The client is made once per process, for the first address; the engine gives one address.
            for (const name of ["localhost", "engine-1.local", "my_host"]) {
                received = [];
                answers = [];
                useEngine(`${name}:${address.split(":")[1]}`);
                await logged(() => engineWarning(name));
                assert.deepStrictEqual(received.map((r) => r.message), [name]);
            }
        });
    });

    describe("Pulumi's dynamic-provider host (`node .../cmd/dynamic-provider <engine address>`)", () => {
        const hostScripts = [
            "/usr/lib/node_modules/@pulumi/pulumi/cmd/dynamic-provider",
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js",
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index",
            "C:\\p\\node_modules\\@pulumi\\pulumi\\cmd\\dynamic-provider\\index.js",
        ];
        for (const script of hostScripts) {
            it(`${script}: the warning goes to the engine at the host's address`, async () => {
                process.argv = ["node", script, address];
                await logged(() => engineWarning("from the host"));
                assert.deepStrictEqual(received.map((r) => [r.severity, r.message]), [[WARNING, "from the host"]]);
                assert.deepStrictEqual(warned, []);
            });
        }

        const otherScripts = [
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider-x",
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/main.js",
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.jsx",
            "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/",
            "/p/xcmd/dynamic-provider",
            "cmd/dynamic-provider",
            "/p/node_modules/mocha/bin/mocha.js",
        ];
        for (const script of otherScripts) {
            it(`another script (${script}) with an address argument: stderr, the engine is not called`, () => {
                process.argv = ["node", script, address];
                engineWarning("w");
                assert.deepStrictEqual(warned, ["warning: w"]);
                assert.deepStrictEqual(received, []);
            });
        }

        it("the host with no address, or one that is no host:port: stderr", () => {
            for (const args of [["node", hostScripts[0]], ["node", hostScripts[0], "not-an-address"]]) {
                process.argv = args;
                engineWarning("w");
            }
            assert.deepStrictEqual(warned, ["warning: w", "warning: w"]);
            assert.deepStrictEqual(received, []);
        });

        it("no script at all (argv of one): stderr", () => {
            process.argv = ["node"];
            engineWarning("w");
            assert.deepStrictEqual(warned, ["warning: w"]);
        });

        it("the plugin's address, when set, is used even where argv is not the host's", async () => {
            process.argv = ["node", "/p/plugin/main.js", "whatever"];
            useEngine(address);
            await logged(() => engineWarning("plugin"));
            assert.deepStrictEqual(received.map((r) => r.message), ["plugin"]);
        });
    });
});
