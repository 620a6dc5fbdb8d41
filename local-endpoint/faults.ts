// Fault injection for API requests (never for /_local/*): latency, rate limit, random 500s,
// lost responses and per-operation failure rules. Deterministic when a seed is given. Also the
// behaviour switches (deviations.ts) that make the endpoint break one service assumption each.
import type { FailureRule, FaultConfig } from "./types";
import { ApiError, internalFailure, throttling } from "./protocol";
import { deviate, excuse, isDeviation } from "./deviations";
import type { OperationHandler } from "./operations/context";
import type { Json } from "./store";

/** mulberry32: tiny, fast, good enough to make fault sequences reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What to do with one request before and after it runs. */
export interface FaultDecision {
  latencyMs: number;
  /** Answer this error instead of running the operation. */
  error?: ApiError;
  /** Run the operation, then drop the connection without answering. */
  loseResponse: boolean;
}

export class FaultInjector {
  private config: FaultConfig = {};
  private rules: { rule: FailureRule; remaining: number }[] = [];
  private random: () => number = Math.random;
  private recent: number[] = [];

  constructor(config: FaultConfig = {}) {
    this.set(config);
  }

  set(config: FaultConfig): void {
    const unknown = (config.deviations ?? []).filter((d) => !isDeviation(d));
    if (unknown.length) throw new Error(`unknown deviation(s) ${unknown.join(", ")}: see local-endpoint/deviations.ts`);
    this.config = { ...config };
    this.rules = (config.rules ?? []).map((rule) => ({ rule, remaining: rule.times ?? Infinity }));
    this.random = config.seed === undefined ? Math.random : seededRandom(config.seed);
    this.recent = [];
  }

  get(): FaultConfig {
    return { ...this.config, rules: this.rules.map((r) => r.rule) };
  }

  /** The operation's handler with the active behaviour switches around it. */
  wrap(operation: string, handler: OperationHandler): OperationHandler {
    return deviate(this.config.deviations ?? [], operation, handler);
  }

  /** The validation error to answer, unless a behaviour switch lets this request through. */
  excuse(operation: string, input: Json, err: ApiError | undefined): ApiError | undefined {
    return excuse(this.config.deviations ?? [], operation, input, err);
  }

  decide(operation: string, now = Date.now()): FaultDecision {
    const decision: FaultDecision = { latencyMs: this.config.latencyMs ?? 0, loseResponse: false };
    const limit = this.config.rateLimitPerSecond;
    if (limit !== undefined) {
      // Sliding one-second window over admitted requests; throttled ones do not consume capacity.
      this.recent = this.recent.filter((t) => now - t < 1000);
      if (this.recent.length >= limit) return { ...decision, error: throttling() };
      this.recent.push(now);
    }
    const match = this.rules.find((r) => r.remaining > 0 && (r.rule.operation === operation || r.rule.operation === "*"));
    if (match) {
      match.remaining--;
      const { error } = match.rule;
      if (error === "lostResponse") return { ...decision, loseResponse: true };
      return { ...decision, error: new ApiError(error.code, error.status, error.message ?? `Injected ${error.code} for ${operation}`) };
    }
    if (this.config.internalErrorRate && this.random() < this.config.internalErrorRate) {
      return { ...decision, error: internalFailure() };
    }
    if (this.config.lostResponseRate && this.random() < this.config.lostResponseRate) {
      return { ...decision, loseResponse: true };
    }
    return decision;
  }
}
