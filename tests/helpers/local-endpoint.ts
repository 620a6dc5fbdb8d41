// Start the local SageMaker endpoint for a test and build SDK clients pointed at it.
import { SageMakerClient, SageMakerClientConfig } from "@aws-sdk/client-sagemaker";
import { LocalEndpoint, LocalEndpointOptions, startLocalEndpoint } from "../../local-endpoint";

export const DUMMY_CREDENTIALS = { accessKeyId: "test", secretAccessKey: "test" };

export function localClient(endpoint: LocalEndpoint, config: SageMakerClientConfig = {}): SageMakerClient {
  return new SageMakerClient({ endpoint: endpoint.url, region: endpoint.region, credentials: DUMMY_CREDENTIALS, ...config });
}

/** Registers before/after hooks in the current mocha suite; read `.endpoint`/`.client` inside tests. */
export function useLocalEndpoint(opts: LocalEndpointOptions = {}) {
  const ctx = {} as { endpoint: LocalEndpoint; client: SageMakerClient };
  before(async () => {
    ctx.endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 0, ...opts });
    ctx.client = localClient(ctx.endpoint);
  });
  after(async () => {
    ctx.client?.destroy();
    await ctx.endpoint?.close();
  });
  return ctx;
}
