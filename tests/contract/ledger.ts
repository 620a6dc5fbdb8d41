// What one run of the suite created, and the clean-up by identity: exactly the recorded ARNs are
// deleted, each only after its run tag is confirmed; anything else named with the run's prefix is
// reported and never touched (an endpoint that ignores name filters must not make the suite delete
// what it did not create).
import {
    DeleteModelCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand, DescribeModelCommand,
    DescribeModelPackageCommand, DescribeModelPackageGroupCommand, ListModelPackageGroupsCommand, ListModelPackagesCommand,
    ListModelsCommand, ListTagsCommand, type SageMakerClient, type Tag,
} from "@aws-sdk/client-sagemaker";
import { isNotFound } from "../../provider/aws/errors";

/** The tag every created resource carries: key RUN_TAG, value the run id. */
export const RUN_TAG = "contract-suite-run";

export type Kind = "model" | "group" | "version" | "package";

export interface Created {
    kind: Kind;
    arn: string;
    /** The name to Describe/Delete it by (a version: its ARN). */
    name: string;
    /** A version's group name: a version that could not be tagged is confirmed by its group's tag. */
    group?: string;
}

export interface CleanUpReport {
    deleted: string[];
    /** Recorded but not deleted, with why (tag not confirmed, delete refused, still there after delete). */
    kept: { arn: string; why: string }[];
    /** Named with the prefix, not recorded by this run: reported, never touched. */
    notOurs: string[];
    /** Listing for notOurs failed (the endpoint cannot list): what it answered. */
    listingErrors: string[];
}

export class Ledger {
    readonly created: Created[] = [];

    constructor(readonly runId: string, readonly prefix: string) {}

    get tag(): Tag {
        return { Key: RUN_TAG, Value: this.runId };
    }

    record(entry: Created): void {
        if (!this.created.some((c) => c.arn.toLowerCase() === entry.arn.toLowerCase())) this.created.push(entry);
    }

    /** Deletes what this run created and confirms as its own: packages, then groups, then models. */
    async cleanUp(client: SageMakerClient): Promise<CleanUpReport> {
        const report: CleanUpReport = { deleted: [], kept: [], notOurs: [], listingErrors: [] };
        const order: Kind[] = ["version", "package", "group", "model"];
        const confirmedGroups = new Set<string>();
        const ours = async (c: Created): Promise<string | undefined> => {
            const tags = await listTags(client, c.arn).catch((e: Error) => e);
            if (!(tags instanceof Error) && tags.some((t) => t.Key === RUN_TAG && t.Value === this.runId)) return undefined;
            // SageMaker takes no Tags with a versioned CreateModelPackage; the suite tags versions right
            // after, but where that failed, the version (recorded from our own create) is ours if its group is.
            if (c.kind === "version" && c.group && confirmedGroups.has(c.group.toLowerCase())) return undefined;
            return tags instanceof Error ? `its tags could not be read (${tags.name}: ${tags.message.split("\n")[0]})`
                : `ListTags shows no ${RUN_TAG}=${this.runId} (${JSON.stringify(tags)})`;
        };
        for (const c of this.created.filter((x) => x.kind === "group")) {
            const tags = await listTags(client, c.arn).catch(() => []);
            if (tags.some((t) => t.Key === RUN_TAG && t.Value === this.runId)) confirmedGroups.add(c.name.toLowerCase());
        }
        for (const kind of order) {
            for (const c of this.created.filter((x) => x.kind === kind).reverse()) {
                const notConfirmed = await ours(c);
                if (notConfirmed) {
                    if (await exists(client, c) === false) continue; // gone already (deleted by an assumption)
                    report.kept.push({ arn: c.arn, why: `not deleted: ${notConfirmed}` });
                    continue;
                }
                try {
                    await remove(client, c);
                } catch (e) {
                    if (!isNotFound(e)) report.kept.push({ arn: c.arn, why: `delete refused: ${(e as Error).name}: ${(e as Error).message.split("\n")[0]}` });
                    continue;
                }
                const still = await exists(client, c);
                if (still === false) report.deleted.push(c.arn);
                else report.kept.push({ arn: c.arn, why: still ? "still described after its delete succeeded" : "its absence could not be confirmed" });
            }
        }
        await this.reportOthers(client, report);
        return report;
    }

    /** Resources whose name starts with the prefix but which this run did not record. */
    private async reportOthers(client: SageMakerClient, report: CleanUpReport): Promise<void> {
        const recorded = new Set(this.created.map((c) => c.arn.toLowerCase()));
        const prefix = this.prefix.toLowerCase();
        const listings: [string, () => Promise<{ name: string; arn: string }[]>][] = [
            ["ListModels", () => allPages((NextToken) => client.send(new ListModelsCommand({ NameContains: this.prefix, NextToken })),
                (p) => (p.Models ?? []).map((m) => ({ name: m.ModelName ?? "", arn: m.ModelArn ?? "" })))],
            ["ListModelPackageGroups", () => allPages((NextToken) => client.send(new ListModelPackageGroupsCommand({ NameContains: this.prefix, NextToken })),
                (p) => (p.ModelPackageGroupSummaryList ?? []).map((g) => ({ name: g.ModelPackageGroupName ?? "", arn: g.ModelPackageGroupArn ?? "" })))],
            ["ListModelPackages", () => allPages((NextToken) => client.send(new ListModelPackagesCommand({ NameContains: this.prefix, ModelPackageType: "Both", NextToken })),
                (p) => (p.ModelPackageSummaryList ?? []).map((v) => ({ name: v.ModelPackageGroupName ?? v.ModelPackageName ?? "", arn: v.ModelPackageArn ?? "" })))],
        ];
        for (const [operation, list] of listings) {
            try {
                // The filter is the service's; the prefix test is ours, so an endpoint that ignores
                // NameContains does not make unrelated resources look like leftovers.
                for (const r of await list()) {
                    if (r.name.toLowerCase().startsWith(prefix) && !recorded.has(r.arn.toLowerCase())) report.notOurs.push(r.arn);
                }
            } catch (e) {
                report.listingErrors.push(`${operation}: ${(e as Error).name}: ${(e as Error).message.split("\n")[0]}`);
            }
        }
    }
}

async function listTags(client: SageMakerClient, arn: string): Promise<Tag[]> {
    return allPages((NextToken) => client.send(new ListTagsCommand({ ResourceArn: arn, NextToken })), (p) => p.Tags ?? []);
}

function remove(client: SageMakerClient, c: Created): Promise<unknown> {
    switch (c.kind) {
        case "model": return client.send(new DeleteModelCommand({ ModelName: c.name }));
        case "group": return client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: c.name }));
        default: return client.send(new DeleteModelPackageCommand({ ModelPackageName: c.name }));
    }
}

/** true: described; false: not-found; undefined: neither (the endpoint answered something else). */
export async function exists(client: SageMakerClient, c: Pick<Created, "kind" | "name">): Promise<boolean | undefined> {
    try {
        switch (c.kind) {
            case "model": await client.send(new DescribeModelCommand({ ModelName: c.name })); break;
            case "group": await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: c.name })); break;
            default: await client.send(new DescribeModelPackageCommand({ ModelPackageName: c.name }));
        }
        return true;
    } catch (e) {
        return isNotFound(e) ? false : undefined;
    }
}

/** Every item of a paginated List call. */
export async function allPages<P extends { NextToken?: string }, T>(page: (token?: string) => Promise<P>, items: (p: P) => T[]): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
        const p = await page(token);
        out.push(...items(p));
        // A token that never ends would loop forever on a broken endpoint.
        if (++pages > 1000) throw new Error("more than 1000 pages: the endpoint's NextToken does not end");
        token = p.NextToken;
    } while (token);
    return out;
}

export function formatCleanUp(r: CleanUpReport, runId: string): string {
    const parts = [`clean-up (run ${runId}, not an assumption): deleted ${r.deleted.length} resource(s) this run created`];
    // Grouped by reason: an endpoint without a Delete operation refuses every delete the same way.
    const byWhy = new Map<string, string[]>();
    for (const k of r.kept) byWhy.set(k.why, [...(byWhy.get(k.why) ?? []), k.arn]);
    parts.push(r.kept.length ? `kept ${r.kept.length}: ${[...byWhy].map(([why, arns]) => `${why}: ${arns.join(", ")}`).join("; ")}` : "kept none");
    if (r.notOurs.length) parts.push(`named with the prefix but not created by this run, not touched: ${r.notOurs.join(", ")}`);
    if (r.listingErrors.length) parts.push(`could not list to look for others: ${r.listingErrors.join("; ")}`);
    return parts.join("; ");
}
