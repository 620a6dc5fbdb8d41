/**
 * Pulumi's provider gRPC protocol (`pulumirpc.ResourceProvider`, the stubs in
 * `@pulumi/pulumi/proto`) over the plugin's provider (provider.ts). Not `@pulumi/pulumi/provider`:
 * its server answers Configure without passing the configuration on and leaves CheckConfig /
 * DiffConfig unimplemented. The plugin accepts no secrets: the engine then hands it plain values
 * and marks each output secret whose input was (as for every provider that does not accept them),
 * so no secret reaches a message unmarked. Unknown values arrive as the engine's unknown marker,
 * which the lifecycle already understands.
 */
import * as fs from "fs";
import * as path from "path";
import { configFailures, providerArgs } from "./config";
import { ResourceInitError } from "../provider/engine/kind";
import { PluginProvider } from "./provider";
import { committedSchemaFiles, packageRoot } from "./schema/files";
import type { WireTable } from "./schema/wire";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Call = { request: any };
type Callback = (err: any, value?: any, trailer?: any) => void;

/** The gRPC module the proto stubs were built with (the one beside @pulumi/pulumi). */
function fromPulumi(id: string): any {
    return require(require.resolve(id, { paths: [path.dirname(require.resolve("@pulumi/pulumi/package.json"))] }));
}

const grpc = fromPulumi("@grpc/grpc-js");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const plugproto = require("@pulumi/pulumi/proto/plugin_pb");
const statusproto = require("@pulumi/pulumi/proto/status_pb");
const structproto = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const emptyproto = fromPulumi("google-protobuf/google/protobuf/empty_pb");
const anyproto = fromPulumi("google-protobuf/google/protobuf/any_pb");

type Props = Record<string, unknown>;

function toJs(struct: any): Props {
    return struct ? (struct.toJavaScript() as Props) : {};
}

/** A Struct of plain JSON values (Dates as ISO strings, no undefined). */
function toStruct(value: Props): any {
    return structproto.Struct.fromJavaScript(JSON.parse(JSON.stringify(value)));
}

/** An error as gRPC sends it; a create that left a resource behind says so, so the engine keeps it in the state. */
function grpcError(err: unknown): any {
    const message = err instanceof Error ? err.message : String(err);
    const metadata = new grpc.Metadata();
    if (err instanceof ResourceInitError) {
        const status = new statusproto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(message);
        const detail = new provproto.ErrorResourceInitFailed();
        detail.setId(err.id);
        detail.setProperties(toStruct(err.properties));
        detail.setReasonsList(err.reasons);
        const any = new anyproto.Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        status.addDetails(any);
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/** A handler: the answer, or the error as gRPC sends it. */
function handle(run: (req: any) => Promise<any> | any) {
    return (call: Call, callback: Callback) => {
        Promise.resolve()
            .then(() => run(call.request))
            .then((resp) => callback(null, resp), (err) => {
                const e = grpcError(err);
                callback(e, null, e.metadata);
            });
    };
}

export function loadWire(): WireTable {
    return JSON.parse(fs.readFileSync(committedSchemaFiles().wire, "utf8")) as WireTable;
}

export function packageVersion(): string {
    return (JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

function checkFailures(failures: { property: string; reason: string }[]): any[] {
    return failures.map((f) => {
        const failure = new provproto.CheckFailure();
        failure.setProperty(f.property);
        failure.setReason(f.reason);
        return failure;
    });
}

export function service(provider: PluginProvider = new PluginProvider(loadWire())): Record<string, ReturnType<typeof handle>> {
    return {
        getPluginInfo: handle(() => {
            const info = new plugproto.PluginInfo();
            info.setVersion(packageVersion());
            return info;
        }),
        getSchema: handle((req) => {
            if (req.getVersion() !== 0) {
                throw new Error(`unsupported schema version ${req.getVersion()}`);
            }
            const resp = new provproto.GetSchemaResponse();
            resp.setSchema(fs.readFileSync(committedSchemaFiles().schema, "utf8"));
            return resp;
        }),
        checkConfig: handle((req) => {
            const news = toJs(req.getNews());
            const resp = new provproto.CheckResponse();
            resp.setInputs(req.getNews());
            resp.setFailuresList(checkFailures(configFailures(news)));
            return resp;
        }),
        diffConfig: handle((req) => {
            const olds = toJs(req.getOlds());
            const news = toJs(req.getNews());
            const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
            const resp = new provproto.DiffResponse();
            resp.setChanges(changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
            resp.setDiffsList(changed);
            return resp;
        }),
        configure: handle((req) => {
            provider.configure(providerArgs(toJs(req.getArgs()), req.getVariablesMap().toArray()));
            const resp = new provproto.ConfigureResponse();
            resp.setAcceptsecrets(false);
            resp.setSupportspreview(true);
            resp.setAcceptresources(false);
            resp.setAcceptoutputs(false);
            return resp;
        }),
        check: handle(async (req) => {
            const seed = req.getRandomseed_asU8();
            const result = await provider.check({ urn: req.getUrn(), olds: toJs(req.getOlds()), news: toJs(req.getNews()), randomSeed: seed });
            const resp = new provproto.CheckResponse();
            resp.setInputs(toStruct(result.inputs));
            resp.setFailuresList(checkFailures(result.failures));
            return resp;
        }),
        diff: handle(async (req) => {
            const oldInputs = req.hasOldInputs() ? toJs(req.getOldInputs()) : undefined;
            const d = await provider.diff(req.getUrn(), req.getId(), toJs(req.getOlds()), toJs(req.getNews()), oldInputs);
            const resp = new provproto.DiffResponse();
            resp.setChanges(d.changes ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE);
            resp.setReplacesList(d.replaces);
            resp.setStablesList(d.stables);
            resp.setDeletebeforereplace(d.deleteBeforeReplace);
            resp.setDiffsList(d.diffs);
            return resp;
        }),
        create: handle(async (req) => {
            const { id, outs } = await provider.create(req.getUrn(), toJs(req.getProperties()), req.getPreview());
            const resp = new provproto.CreateResponse();
            resp.setId(id);
            resp.setProperties(toStruct(outs));
            return resp;
        }),
        read: handle(async (req) => {
            const result = await provider.read(req.getUrn(), req.getId(), toJs(req.getProperties()));
            const resp = new provproto.ReadResponse();
            if (result) {
                resp.setId(result.id);
                resp.setProperties(toStruct(result.props));
                resp.setInputs(toStruct(result.inputs));
            }
            return resp;
        }),
        update: handle(async (req) => {
            const outs = await provider.update(req.getUrn(), req.getId(), toJs(req.getOlds()), toJs(req.getNews()), req.getPreview());
            const resp = new provproto.UpdateResponse();
            resp.setProperties(toStruct(outs));
            return resp;
        }),
        delete: handle(async (req) => {
            await provider.delete(req.getUrn(), req.getId(), toJs(req.getProperties()));
            return new emptyproto.Empty();
        }),
        invoke: handle(async (req) => {
            const resp = new provproto.InvokeResponse();
            try {
                resp.setReturn(toStruct(await provider.invoke(req.getTok(), toJs(req.getArgs()))));
            } catch (err) {
                // A lookup's error is the function's failure: the program shows it with the function's name.
                resp.setFailuresList(checkFailures([{ property: "", reason: err instanceof Error ? err.message : String(err) }]));
            }
            return resp;
        }),
        cancel: handle(() => new emptyproto.Empty()),
        attach: handle(() => new emptyproto.Empty()),
        getMapping: handle(() => new provproto.GetMappingResponse()),
        getMappings: handle(() => new provproto.GetMappingsResponse()),
    };
}

/** Serves on a free local port; resolves with the port (what the plugin prints for the engine). */
export function serve(): Promise<{ port: number; server: any }> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(provrpc.ResourceProviderService, service());
    return new Promise((resolve, reject) => {
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, port: number) => {
            if (err) {
                reject(err);
            } else {
                resolve({ port, server });
            }
        });
    });
}
