// The contract suite's target for a local endpoint started by a test, and timings that keep a
// whole suite run around a second.
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { LocalEndpoint } from "../../../local-endpoint";
import type { Target, Timing } from "../../contract/target";

export const FAST: Timing = { statusTimeoutMs: 10_000, timeGapMs: 5, pollMs: 5 };

export function localTarget(endpoint: LocalEndpoint): Target {
    const client = new SageMakerClient({ endpoint: endpoint.url, region: endpoint.region, credentials: { accessKeyId: "test", secretAccessKey: "test" }, maxAttempts: 1 });
    return {
        kind: "endpoint", where: endpoint.url, region: endpoint.region, client,
        image: `683313688378.dkr.ecr.${endpoint.region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
        roleArn: "arn:aws:iam::123456789012:role/ContractSuite",
        close: async () => client.destroy(),
    };
}
