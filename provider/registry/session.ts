// One lookup's connection to SageMaker: the client (the providers' one factory), the pages of a
// group's versions (the SDK's paginator), DescribeModelPackage, and SDK errors as lookup errors.
import * as pulumi from "@pulumi/pulumi";
import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { DescribeModelPackageOutput, ModelPackageSummary } from "../common/sdk-shapes";
import { clientRegion, createSageMakerClient, sdk } from "../aws/client";
import { describeAwsError, isNotFound } from "../aws/errors";
import { CONFIG_KEYS, settingsFromConfig, type ProviderSettings } from "../common/settings";
import { toPlain } from "../common/values";
import type { Target, VersionQuery } from "./args";
import { RegistryLookupError, type LookupName } from "./errors";
import type { LookupOptions, ModelPackageVersionDetails, ModelPackageVersionSummary } from "./types";

/** A version's approval when SageMaker reports none: AWS's default for versioned packages. */
const DEFAULT_APPROVAL = "PendingManualApproval";

export class LookupSession {
    private constructor(
        readonly lookup: LookupName,
        readonly target: Target,
        private readonly client: SageMakerClient,
        readonly region: string,
    ) {}

    /**
     * Settings from the stack config (the program's, as the providers read theirs in `configure`),
     * unless the caller passes its own; the region: the lookup's, else theirs, else the environment.
     */
    static async open(lookup: LookupName, target: Target, opts: LookupOptions = {}): Promise<LookupSession> {
        let settings: ProviderSettings;
        try {
            settings = opts.settings ?? settingsFromConfig({ get: (key) => pulumi.runtime.getConfig(key) });
        } catch (err) {
            throw new RegistryLookupError(lookup, "stackConfig", (err as Error).message);
        }
        const client = createSageMakerClient(settings, target.region);
        let region: string;
        try {
            region = await clientRegion(client);
        } catch {
            throw new RegistryLookupError(lookup, "stackConfig", `no region is set for model package group "${target.group}": ` +
                `set the stack's region (pulumi config set ${CONFIG_KEYS.region} us-east-1), AWS_REGION, or the lookup's region argument.`);
        }
        return new LookupSession(lookup, target, client, region);
    }

    /** `model package group "churn" in us-east-1`, as every message names it. */
    get group(): string {
        return `model package group "${this.target.group}" in ${this.region}`;
    }

    /** The group's versions matching the request's server-side filters, newest first, page by page. */
    async *pages(request: VersionQuery["request"], pageSize: number): AsyncGenerator<ModelPackageSummary[]> {
        try {
            // The paginator writes NextToken and MaxResults into its input: give it a copy.
            for await (const page of sdk().paginateListModelPackages({ client: this.client, pageSize }, { ...request })) {
                yield page.ModelPackageSummaryList ?? [];
            }
        } catch (err) {
            if (err instanceof RegistryLookupError) {
                throw err;
            }
            // ListModelPackages answers a missing group with an empty list; should it ever refuse instead, say so.
            throw isNotFound(err) ? this.groupNotFound() : this.sageMakerError(err, "ListModelPackages");
        }
    }

    /** Every version of the group, newest first (for explanations: no filter). */
    async allVersions(pageSize: number): Promise<ModelPackageSummary[]> {
        const all: ModelPackageSummary[] = [];
        for await (const page of this.pages({ ModelPackageGroupName: this.target.group, SortBy: "CreationTime", SortOrder: "Descending" }, pageSize)) {
            all.push(...page);
        }
        return all;
    }

    /**
     * DescribeModelPackage of a version (its ARN or `<group>/<version>`). MetadataOnly: the lookups
     * need no model card content, so they need no kms:Decrypt on a card's key. Undefined: no such version.
     */
    async describe(name: string): Promise<DescribeModelPackageOutput | undefined> {
        try {
            return await this.client.send(new (sdk().DescribeModelPackageCommand)({ ModelPackageName: name, IncludedData: "MetadataOnly" }));
        } catch (err) {
            if (isNotFound(err)) {
                return undefined;
            }
            throw this.sageMakerError(err, "DescribeModelPackage");
        }
    }

    /** Whether the group exists (DescribeModelPackageGroup: only called to explain an empty answer). */
    async groupExists(): Promise<boolean> {
        try {
            await this.client.send(new (sdk().DescribeModelPackageGroupCommand)({ ModelPackageGroupName: this.target.group }));
            return true;
        } catch (err) {
            if (isNotFound(err)) {
                return false;
            }
            throw this.sageMakerError(err, "DescribeModelPackageGroup");
        }
    }

    groupNotFound(): RegistryLookupError {
        return new RegistryLookupError(this.lookup, "groupNotFound", `${this.group} does not exist. Fix: check ModelPackageGroupName, ` +
            `the region (the lookup's region argument, else the stack's ${CONFIG_KEYS.region}) and that the credentials are for the group's account.`);
    }

    sageMakerError(err: unknown, operation: string): RegistryLookupError {
        const described = describeAwsError(err, { resource: `${this.group}`, operation });
        return new RegistryLookupError(this.lookup, "sageMaker", described.message);
    }

    summary(s: ModelPackageSummary): ModelPackageVersionSummary {
        return toPlain({
            arn: s.ModelPackageArn,
            groupName: s.ModelPackageGroupName ?? this.target.groupName,
            version: s.ModelPackageVersion,
            approvalStatus: s.ModelApprovalStatus ?? DEFAULT_APPROVAL,
            status: s.ModelPackageStatus,
            creationTime: s.CreationTime,
            description: s.ModelPackageDescription,
            lifeCycle: s.ModelLifeCycle && { stage: s.ModelLifeCycle.Stage, stageStatus: s.ModelLifeCycle.StageStatus, stageDescription: s.ModelLifeCycle.StageDescription },
            region: this.region,
        }) as ModelPackageVersionSummary;
    }

    details(d: DescribeModelPackageOutput): ModelPackageVersionDetails {
        return toPlain({
            ...this.summary(d),
            customerMetadata: d.CustomerMetadataProperties ?? {},
            approvalDescription: d.ApprovalDescription,
            lastModifiedTime: d.LastModifiedTime,
        }) as ModelPackageVersionDetails;
    }
}
