// Which SageMaker endpoint the contract suite talks to, the names it uses, what it will create
// (the dry run), and the clean-up that deletes all of it.
//   default                          the local endpoint, started in this process
//   AWS_ENDPOINT_URL_SAGEMAKER=URL   any SageMaker-compatible endpoint (an emulator, a proxy)
//   SAGEMAKER_CONTRACT_REAL=1        real SageMaker, with the SDK's default credentials and region;
//                                    SAGEMAKER_CONTRACT_ROLE_ARN (a role SageMaker can assume) is
//                                    required, SAGEMAKER_CONTRACT_IMAGE optional
import { randomBytes } from "crypto";
import {
    DeleteModelCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand, ListModelPackageGroupsCommand,
    ListModelPackagesCommand, ListModelsCommand, SageMakerClient,
} from "@aws-sdk/client-sagemaker";
import { startLocalEndpoint, type LocalEndpoint } from "../../local-endpoint";

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

/** Every resource the suite creates is named `<prefix>-<what>`: unique per run, so runs never collide. */
export const PREFIX = `contract-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
export const named = (what: string): string => `${PREFIX}-${what}`;

/** What one run creates (and deletes), for the dry run and the README. All free control-plane resources. */
export const PLAN = {
    models: ["Model", "tags", "page-1", "page-2", "page-3"].map(named),
    modelPackageGroups: ["group", "paged-group"].map(named),
    versionedPackages: `versions 1 to 4 of ${named("group")} and 1 to 3 of ${named("paged-group")}`,
    unversionedPackages: ["package"].map(named),
};

export function describePlan(kind: TargetKind, where: string): string {
    return [
        `contract suite: target ${kind} (${where}), name prefix ${PREFIX}`,
        `  models:                 ${PLAN.models.join(", ")}`,
        `  model package groups:   ${PLAN.modelPackageGroups.join(", ")}`,
        `  versioned packages:     ${PLAN.versionedPackages}`,
        `  unversioned packages:   ${PLAN.unversionedPackages.join(", ")}`,
        "  operations: Create/Describe/Delete/List of models, model package groups and model packages,",
        "  UpdateModelPackage, AddTags/DeleteTags/ListTags: control plane only, no endpoint, job or instance (free).",
        `  clean-up: everything above is deleted at the end, then ${PREFIX}* is listed to prove nothing is left.`,
    ].join("\n");
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

/** Deletes everything named with PREFIX (packages first: a group with versions cannot go). Returns what is left. */
export async function cleanUp(client: SageMakerClient): Promise<{ deleted: number; left: string[] }> {
    let deleted = 0;
    const attempt = async (send: () => Promise<unknown>) => {
        try {
            await send();
            deleted++;
        } catch {
            // already gone, or left for the listing below to report
        }
    };
    const groups = await allPages((NextToken) => client.send(new ListModelPackageGroupsCommand({ NameContains: PREFIX, NextToken, MaxResults: 100 })),
        (p) => (p.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName!));
    for (const group of groups) {
        const versions = await allPages((NextToken) => client.send(new ListModelPackagesCommand({ ModelPackageGroupName: group, NextToken, MaxResults: 100 })),
            (p) => (p.ModelPackageSummaryList ?? []).map((v) => v.ModelPackageArn!));
        for (const arn of versions) await attempt(() => client.send(new DeleteModelPackageCommand({ ModelPackageName: arn })));
        await attempt(() => client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: group })));
    }
    const unversioned = await allPages((NextToken) => client.send(new ListModelPackagesCommand({ NameContains: PREFIX, NextToken, MaxResults: 100 })),
        (p) => (p.ModelPackageSummaryList ?? []).map((v) => v.ModelPackageArn!));
    for (const arn of unversioned) await attempt(() => client.send(new DeleteModelPackageCommand({ ModelPackageName: arn })));
    const models = await allPages((NextToken) => client.send(new ListModelsCommand({ NameContains: PREFIX, NextToken, MaxResults: 100 })),
        (p) => (p.Models ?? []).map((m) => m.ModelName!));
    for (const name of models) await attempt(() => client.send(new DeleteModelCommand({ ModelName: name })));

    const left = [
        ...await allPages((NextToken) => client.send(new ListModelsCommand({ NameContains: PREFIX, NextToken })), (p) => (p.Models ?? []).map((m) => m.ModelName!)),
        ...await allPages((NextToken) => client.send(new ListModelPackageGroupsCommand({ NameContains: PREFIX, NextToken })),
            (p) => (p.ModelPackageGroupSummaryList ?? []).map((g) => g.ModelPackageGroupName!)),
        ...await allPages((NextToken) => client.send(new ListModelPackagesCommand({ NameContains: PREFIX, NextToken })),
            (p) => (p.ModelPackageSummaryList ?? []).map((v) => v.ModelPackageArn!)),
    ];
    return { deleted, left };
}

/** Every item of a paginated List call. */
export async function allPages<P extends { NextToken?: string }, T>(page: (token?: string) => Promise<P>, items: (p: P) => T[]): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    do {
        const p = await page(token);
        out.push(...items(p));
        token = p.NextToken;
    } while (token);
    return out;
}
