// The in-process API of the local endpoint (see docs/LOCAL-ENDPOINT.md). Others code against it.
export interface FailureRule {
  operation: string;
  times?: number;
  error: { code: string; status: number; message?: string } | "lostResponse";
}

export interface FaultConfig {
  latencyMs?: number;
  rateLimitPerSecond?: number;
  internalErrorRate?: number;
  lostResponseRate?: number;
  rules?: FailureRule[];
  seed?: number;
  /** Behaviour switches (local-endpoint/deviations.ts): ways to behave unlike SageMaker, none by default. */
  deviations?: string[];
}

export interface LocalEndpointOptions {
  port?: number;
  host?: string;
  region?: string;
  accountId?: string;
  statePath?: string;
  packageStatusDelayMs?: number;
  packageFailures?: { match: string; reason: string }[];
  faults?: FaultConfig;
}

/** ARNs of live resources, across regions. */
export interface Inventory { models: string[]; modelPackageGroups: string[]; modelPackages: string[] }

export interface LocalEndpoint {
  url: string;
  port: number;
  region: string;
  accountId: string;
  close(): Promise<void>;
  setFaults(f: FaultConfig): void;
  counters(): Record<string, number>;
  resetCounters(): void;
  inventory(): Inventory;
}
