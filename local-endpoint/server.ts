// The HTTP server: awsJson1_1 API on POST /, control surface on /_local/*.
import * as http from "http";
import { AddressInfo } from "net";
import { randomUUID } from "crypto";
import { FaultInjector } from "./faults";
import { OPERATIONS, READ_ONLY } from "./operations";
import type { OperationContext, PackageBehaviour } from "./operations/context";
import { ApiError, errorBody, JSON_CONTENT_TYPE, readBody, regionFromAuthorization } from "./protocol";
import { Store } from "./store";
import { isRegionName } from "../provider/identity/region";
import { requestError } from "./validation";
import type { FaultConfig, Inventory, LocalEndpoint, LocalEndpointOptions } from "./types";

export const DEFAULTS = { host: "127.0.0.1", region: "us-east-1", accountId: "123456789012", packageStatusDelayMs: 500 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Dates in responses go out as epoch seconds (awsJson1_1 timestamps). */
function toWire(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v instanceof Date ? v.getTime() / 1000 : v));
}

function send(res: http.ServerResponse, status: number, body: string, contentType = JSON_CONTENT_TYPE): void {
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body), "x-amzn-requestid": randomUUID() });
  res.end(body);
}

function sendError(res: http.ServerResponse, err: ApiError): void {
  res.setHeader("x-amzn-errortype", err.code);
  send(res, err.status, errorBody(err));
}

/** Everything a request handler reads and changes: one endpoint's state. */
interface EndpointState {
  defaultRegion: string;
  accountId: string;
  store: Store;
  faults: FaultInjector;
  packages: PackageBehaviour;
  counters: Record<string, number>;
}

function stateFor(opts: LocalEndpointOptions): EndpointState {
  const defaultRegion = opts.region ?? DEFAULTS.region;
  if (!isRegionName(defaultRegion)) {
    throw new Error(`local endpoint: region "${defaultRegion}" is not an AWS region name (provider/identity/region.ts): use e.g. us-east-1`);
  }
  return {
    defaultRegion,
    accountId: opts.accountId ?? DEFAULTS.accountId,
    store: new Store(opts.statePath),
    faults: new FaultInjector(opts.faults),
    packages: {
      statusDelayMs: opts.packageStatusDelayMs ?? DEFAULTS.packageStatusDelayMs,
      failures: (opts.packageFailures ?? []).map((f) => ({ match: new RegExp(f.match), reason: f.reason })),
    },
    counters: {},
  };
}

/** Every resource's ARN, by kind, in every region. */
function inventoryOf(store: Store): Inventory {
  const inv: Inventory = { models: [], modelPackageGroups: [], modelPackages: [] };
  for (const [, state] of store.regions()) {
    inv.models.push(...Object.values(state.models).map((m) => m.arn));
    inv.modelPackageGroups.push(...Object.values(state.groups).map((g) => g.arn));
    inv.modelPackages.push(...Object.keys(state.packages));
  }
  return inv;
}

/** The control surface (/_local/*): inventory, counters, faults. */
async function handleControl(state: EndpointState, req: http.IncomingMessage, res: http.ServerResponse, route: string): Promise<void> {
  if (req.method === "GET" && route === "/_local/inventory") return send(res, 200, JSON.stringify(inventoryOf(state.store)), "application/json");
  if (req.method === "GET" && route === "/_local/counters") return send(res, 200, JSON.stringify(state.counters), "application/json");
  if (req.method === "GET" && route === "/_local/faults") return send(res, 200, JSON.stringify(state.faults.get()), "application/json");
  if (req.method === "POST" && route === "/_local/reset-counters") {
    state.counters = {};
    return send(res, 200, "{}", "application/json");
  }
  if (req.method === "POST" && route === "/_local/faults") {
    try {
      const config: unknown = JSON.parse((await readBody(req)) || "{}");
      if (typeof config !== "object" || config === null || Array.isArray(config)) throw new Error("expected an object");
      state.faults.set(config as FaultConfig);
    } catch (e) {
      return send(res, 400, JSON.stringify({ message: `invalid FaultConfig JSON: ${(e as Error).message}` }), "application/json");
    }
    return send(res, 200, JSON.stringify(state.faults.get()), "application/json");
  }
  send(res, 404, JSON.stringify({ message: `no control route ${req.method} ${route}` }), "application/json");
}

/** The request's input, validated, run by its operation; an ApiError for what SageMaker would refuse. */
function runOperation(state: EndpointState, req: http.IncomingMessage, operation: string, body: string): unknown {
  let input: Record<string, unknown>;
  try {
    input = body.trim() === "" ? {} : JSON.parse(body);
  } catch {
    throw new ApiError("SerializationException", 400, "Request body is not valid JSON.");
  }
  const invalid = state.faults.excuse(operation, input, requestError(operation, input));
  if (invalid) throw invalid;
  const region = regionFromAuthorization(req.headers.authorization) ?? state.defaultRegion;
  const { accountId, store, packages } = state;
  const ctx: OperationContext = { region, accountId, store, state: store.region(region), now: Date.now(), packages };
  const result = state.faults.wrap(operation, OPERATIONS[operation])(input, ctx);
  if (!READ_ONLY.has(operation)) store.save();
  return result;
}

/** The awsJson1_1 API (POST / with X-Amz-Target), with the configured faults. */
async function handleApi(state: EndpointState, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const target = String(req.headers["x-amz-target"] ?? "");
  const operation = target.startsWith("SageMaker.") ? target.slice("SageMaker.".length) : "";
  if (req.method !== "POST" || !Object.prototype.hasOwnProperty.call(OPERATIONS, operation)) {
    return sendError(res, new ApiError("UnknownOperationException", 400, `Operation ${target || "(no X-Amz-Target)"} is not supported by the local SageMaker endpoint.`));
  }
  state.counters[operation] = (state.counters[operation] ?? 0) + 1;
  const decision = state.faults.decide(operation);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  if (decision.error) return sendError(res, decision.error);

  let result: unknown;
  try {
    result = runOperation(state, req, operation, body);
  } catch (err) {
    if (err instanceof ApiError) return sendError(res, err);
    console.error(`local-endpoint: ${operation} failed`, err);
    return sendError(res, new ApiError("InternalFailure", 500, "Internal error in the local endpoint."));
  }
  // "Applied but response lost": the change is committed, the client never hears back.
  if (decision.loseResponse) {
    req.socket.destroy();
    return;
  }
  send(res, 200, toWire(result));
}

/** Listens; close() ends keep-alive sockets first (SDK clients' would hold it open). */
async function listen(server: http.Server, host: string, port: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<import("net").Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve, reject) => {
      for (const s of sockets) s.destroy();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}

export async function startLocalEndpoint(opts: LocalEndpointOptions = {}): Promise<LocalEndpoint> {
  const state = stateFor(opts);
  const server = http.createServer((req, res) => {
    const route = (req.url ?? "/").split("?")[0];
    const work = route.startsWith("/_local/") ? handleControl(state, req, res, route) : handleApi(state, req, res);
    work.catch((err) => {
      console.error("local-endpoint: request failed", err);
      if (!res.headersSent) sendError(res, new ApiError("InternalFailure", 500, "Internal error in the local endpoint."));
    });
  });
  const host = opts.host ?? DEFAULTS.host;
  const { port, close } = await listen(server, host, opts.port ?? 0);
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    region: state.defaultRegion,
    accountId: state.accountId,
    close,
    setFaults: (f: FaultConfig) => state.faults.set(f),
    counters: () => ({ ...state.counters }),
    resetCounters: () => {
      state.counters = {};
    },
    inventory: () => inventoryOf(state.store),
  };
}
