// Which SageMaker endpoint the contract suite talks to, the names it uses, what it will create
// (the dry run), and how long it waits on each kind of target.
//   default                          the local endpoint, started in this process
//   AWS_ENDPOINT_URL_SAGEMAKER=URL   any SageMaker-compatible endpoint (an emulator, a proxy)
//   SAGEMAKER_CONTRACT_REAL=1        real SageMaker, with the SDK's default credentials and region;
//                                    SAGEMAKER_CONTRACT_ROLE_ARN (a role SageMaker can assume) is
//                                    required, SAGEMAKER_CONTRACT_IMAGE optional
import { randomBytes } from "crypto";
import { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint, type LocalEndpoint } from "../../local-endpoint";
import { RUN_TAG } from "./ledger";

export type TargetKind = "local (in-process)" | "endpoint" | "real AWS";

export interface Target {
    kind: TargetKind;
    /** where requests go: a URL, or "AWS <region>" */
    where: string;
    region: string;
    client: SageMakerClient;
    /** the image every model and package container uses */
    image: string;
    roleArn: string;
    close(): Promise<void>;
}

/** A run's identity: its id (the value of every created resource's run tag) and its name prefix. */
export interface Run { id: string; prefix: string }

/** Every resource a run creates is named `<prefix>-<assumption>-<what>`: unique per run, so runs never collide. */
export function newRun(): Run {
    const id = `${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
    return { id, prefix: `contract-${id}` };
}

export function describePlan(kind: TargetKind, where: string, run: Run): string {
    return [
        `contract suite: target ${kind} (${where}), run ${run.id}, name prefix ${run.prefix}`,
        "  creates: per assumption its own models, model package groups, versions and unversioned packages,",
        `  each named ${run.prefix}-<assumption>-<what> and tagged ${RUN_TAG}=${run.id} (versions right after their create).`,
        "  operations: Create/Describe/Delete/List of models, model package groups and model packages,",
        "  UpdateModelPackage, AddTags/DeleteTags/ListTags: control plane only, no endpoint, job or instance (free).",
        "  clean-up: deletes exactly the ARNs this run created, each after confirming its run tag; anything",
        `  else named ${run.prefix}* is reported, never touched.`,
    ].join("\n");
}

/** How long to wait, per kind of target: real AWS is slow; emulators may keep whole seconds. */
export interface Timing {
    /** Longest wait for a package to reach Completed. */
    statusTimeoutMs: number;
    /** Between creates whose creation times must differ. */
    timeGapMs: number;
    /** Between two DescribeModelPackage polls. */
    pollMs: number;
}

export function timingFor(kind: TargetKind): Timing {
    if (kind === "real AWS") return { statusTimeoutMs: 5 * 60_000, timeGapMs: 1100, pollMs: 1000 };
    if (kind === "endpoint") return { statusTimeoutMs: 60_000, timeGapMs: 1100, pollMs: 100 };
    return { statusTimeoutMs: 60_000, timeGapMs: 20, pollMs: 20 };
}

export function targetKind(env: NodeJS.ProcessEnv = process.env): TargetKind {
    if (env.SAGEMAKER_CONTRACT_REAL === "1") return "real AWS";
    return env.AWS_ENDPOINT_URL_SAGEMAKER ? "endpoint" : "local (in-process)";
}

const DUMMY = { accessKeyId: "test", secretAccessKey: "test" };

export async function openTarget(env: NodeJS.ProcessEnv = process.env): Promise<Target> {
    const kind = targetKind(env);
    if (kind === "real AWS") {
        const roleArn = env.SAGEMAKER_CONTRACT_ROLE_ARN;
        if (!roleArn) {
            throw new Error("SAGEMAKER_CONTRACT_REAL=1 needs SAGEMAKER_CONTRACT_ROLE_ARN: an IAM role SageMaker can assume " +
                "(trust sagemaker.amazonaws.com), which the caller may pass (iam:PassRole)");
        }
        // The real service is reached by the SDK's own endpoint resolution: no override may leak in.
        const client = new SageMakerClient({ endpoint: undefined });
        const region = await client.config.region();
        return {
            kind, where: `AWS ${region}`, region, client, roleArn,
            image: env.SAGEMAKER_CONTRACT_IMAGE ?? `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
            close: async () => client.destroy(),
        };
    }
    let endpoint: LocalEndpoint | undefined;
    let url = env.AWS_ENDPOINT_URL_SAGEMAKER;
    if (!url) {
        // A status delay long enough to see Pending and InProgress, as a real package goes through them.
        endpoint = await startLocalEndpoint({ port: 0, packageStatusDelayMs: 400 });
        url = endpoint.url;
    }
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1";
    const credentials = env.AWS_ACCESS_KEY_ID ? undefined : DUMMY;
    const client = new SageMakerClient({ endpoint: url, region, ...(credentials ? { credentials } : {}) });
    return {
        kind, where: url, region, client,
        roleArn: env.SAGEMAKER_CONTRACT_ROLE_ARN ?? "arn:aws:iam::123456789012:role/ContractSuite",
        image: env.SAGEMAKER_CONTRACT_IMAGE ?? `683313688378.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`,
        close: async () => {
            client.destroy();
            await endpoint?.close();
        },
    };
}

