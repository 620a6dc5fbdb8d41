// Local SageMaker-compatible control plane: start it in-process with startLocalEndpoint().
export type { FailureRule, FaultConfig, Inventory, LocalEndpoint, LocalEndpointOptions } from "./types";
export { startLocalEndpoint } from "./server";
