// A fault-injecting HTTP proxy in front of the local endpoint, for the reliability tests.
// The local endpoint injects random 500s and lost responses itself (internalErrorRate,
// lostResponseRate) but has no *rate* of throttling (only a requests-per-second limit), so the
// proxy answers a seeded random fraction of API calls with ThrottlingException and forwards the
// rest. It also classifies what came back for every forwarded call, so tests can report counts.
import * as http from "http";
import type { AddressInfo, Socket } from "net";
import { seededRandom } from "../../local-endpoint/faults";
import { errorBody, JSON_CONTENT_TYPE, throttling } from "../../local-endpoint/protocol";

export interface ProxyStats {
    /** API calls seen, per operation. */
    calls: Record<string, number>;
    /** Answered ThrottlingException by the proxy, per operation. */
    throttled: Record<string, number>;
    /** Forwarded and answered 5xx by the endpoint, per operation. */
    serverErrors: Record<string, number>;
    /** Forwarded, committed by the endpoint, connection dropped without an answer, per operation. */
    lost: Record<string, number>;
    /** Forwarded and answered 4xx (not throttling) by the endpoint, per operation. */
    clientErrors: Record<string, number>;
    /** Forwarded and answered 2xx, per operation. */
    ok: Record<string, number>;
    /** Most API calls in flight at once, per operation (forwarded ones). */
    maxInFlight: Record<string, number>;
}

export interface FaultProxy {
    url: string;
    stats(): ProxyStats;
    /** Changes the throttling rate (0 turns it off). */
    setThrottleRate(rate: number): void;
    close(): Promise<void>;
}

function bump(counts: Record<string, number>, op: string): void {
    counts[op] = (counts[op] ?? 0) + 1;
}

export function emptyStats(): ProxyStats {
    return { calls: {}, throttled: {}, serverErrors: {}, lost: {}, clientErrors: {}, ok: {}, maxInFlight: {} };
}

export async function startFaultProxy(target: string, options: { throttleRate: number; seed?: number }): Promise<FaultProxy> {
    const upstream = new URL(target);
    const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
    let rate = options.throttleRate;
    const stats = emptyStats();
    const sockets = new Set<Socket>();
    const inFlight: Record<string, number> = {};
    const enter = (op: string) => {
        inFlight[op] = (inFlight[op] ?? 0) + 1;
        stats.maxInFlight[op] = Math.max(stats.maxInFlight[op] ?? 0, inFlight[op]);
    };
    const leave = (op: string) => {
        inFlight[op]--;
    };
    // No keep-alive upstream: a dropped connection then always means "the endpoint dropped this call".
    const agent = new http.Agent({ keepAlive: false });

    const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks);
            const target = String(req.headers["x-amz-target"] ?? "");
            const op = target.startsWith("SageMaker.") ? target.slice("SageMaker.".length) : (req.url ?? "?");
            const isApi = !(req.url ?? "/").startsWith("/_local/");
            if (isApi) {
                bump(stats.calls, op);
                if (rate > 0 && random() < rate) {
                    bump(stats.throttled, op);
                    const err = throttling();
                    const text = errorBody(err);
                    res.writeHead(err.status, {
                        "content-type": JSON_CONTENT_TYPE,
                        "content-length": Buffer.byteLength(text),
                        "x-amzn-errortype": err.code,
                    });
                    res.end(text);
                    return;
                }
            }
            if (isApi) {
                enter(op);
            }
            const forward = http.request({
                host: upstream.hostname, port: upstream.port, path: req.url, method: req.method,
                headers: req.headers, agent,
            }, (answer) => {
                const status = answer.statusCode ?? 0;
                if (isApi) {
                    leave(op);
                    bump(status >= 500 ? stats.serverErrors : status >= 400 ? stats.clientErrors : stats.ok, op);
                }
                res.writeHead(status, answer.headers);
                answer.pipe(res);
            });
            forward.on("error", () => {
                // The endpoint committed the call and dropped the connection: drop ours too.
                if (isApi) {
                    leave(op);
                    bump(stats.lost, op);
                }
                req.socket.destroy();
            });
            forward.end(body);
        });
    });
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        stats: () => JSON.parse(JSON.stringify(stats)) as ProxyStats,
        setThrottleRate: (r: number) => {
            rate = r;
        },
        close: () => new Promise<void>((resolve) => {
            for (const s of sockets) {
                s.destroy();
            }
            agent.destroy();
            server.close(() => resolve());
        }),
    };
}

/** Sum of one kind of outcome over all operations. */
export function total(counts: Record<string, number>): number {
    return Object.values(counts).reduce((a, b) => a + b, 0);
}
