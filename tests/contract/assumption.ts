// What one assumption is and what it gets to run with: its own names, its own resources (recorded
// and run-tagged as they are created), the recorded calls, and the checks on raw answers.
import {
    AddTagsCommand, CreateModelCommand, CreateModelPackageCommand, CreateModelPackageGroupCommand, DescribeModelPackageCommand, ListTagsCommand,
    type CreateModelCommandInput, type CreateModelPackageCommandInput, type CreateModelPackageGroupCommandInput,
    type InferenceSpecification, type Tag,
} from "@aws-sdk/client-sagemaker";
import { Calls, expect, show } from "./calls";
import { allPages, type Ledger } from "./ledger";
import type { Target, Timing } from "./target";

export interface Assumption {
    /** C01, C02, …: docs/ARCHITECTURE.md ("Service assumptions") uses the same ids. */
    id: string;
    /** What the service does, as the report's line says it. */
    says: string;
    run(x: Context): Promise<void>;
}

export class Context {
    readonly calls: Calls;

    constructor(readonly t: Target, readonly ledger: Ledger, readonly timing: Timing, readonly id: string) {
        this.calls = new Calls(t.client);
    }

    /** `<prefix>-<assumption id>-<what>`: names never shared between assumptions or runs. */
    name(what: string): string {
        return `${this.ledger.prefix}-${this.id.toLowerCase()}-${what}`;
    }

    spec(): InferenceSpecification {
        return { Containers: [{ Image: this.t.image }], SupportedContentTypes: ["text/csv"], SupportedResponseMIMETypes: ["text/csv"] };
    }

    modelRequest(name: string, extra: Partial<CreateModelCommandInput> = {}): CreateModelCommandInput {
        return { ModelName: name, ExecutionRoleArn: this.t.roleArn, PrimaryContainer: { Image: this.t.image }, ...extra, Tags: [this.ledger.tag, ...(extra.Tags ?? [])] };
    }

    /** CreateModel (run-tagged); whatever it creates is recorded, even when the assumption expected a refusal. */
    async createModel(request: CreateModelCommandInput): Promise<string> {
        const out = await this.calls.send(new CreateModelCommand(request));
        if (out.ModelArn) this.ledger.record({ kind: "model", arn: out.ModelArn, name: request.ModelName ?? out.ModelArn.split("/").pop()! });
        return out.ModelArn ?? "";
    }

    async model(what: string, extra: Partial<CreateModelCommandInput> = {}): Promise<{ name: string; arn: string }> {
        const name = this.name(what);
        return { name, arn: await this.createModel(this.modelRequest(name, extra)) };
    }

    async createGroup(request: CreateModelPackageGroupCommandInput): Promise<string> {
        const out = await this.calls.send(new CreateModelPackageGroupCommand({ ...request, Tags: [this.ledger.tag, ...(request.Tags ?? [])] }));
        if (out.ModelPackageGroupArn) this.ledger.record({ kind: "group", arn: out.ModelPackageGroupArn, name: request.ModelPackageGroupName ?? out.ModelPackageGroupArn });
        return out.ModelPackageGroupArn ?? "";
    }

    async group(what: string, extra: Partial<CreateModelPackageGroupCommandInput> = {}): Promise<{ name: string; arn: string }> {
        const name = this.name(what);
        return { name, arn: await this.createGroup({ ModelPackageGroupName: name, ...extra }) };
    }

    /**
     * CreateModelPackage. SageMaker refuses Tags for a version (it "uses the tags associated with the
     * model group"), so a version gets its run tag by AddTags right after; where that fails, the clean-up
     * confirms the version by its group.
     */
    async createPackage(request: CreateModelPackageCommandInput): Promise<string> {
        const versioned = request.ModelPackageGroupName !== undefined;
        const out = await this.calls.send(new CreateModelPackageCommand(versioned ? request : { ...request, Tags: [this.ledger.tag, ...(request.Tags ?? [])] }));
        const arn = out.ModelPackageArn ?? "";
        if (!arn) return arn;
        this.ledger.record(versioned
            ? { kind: "version", arn, name: arn, group: request.ModelPackageGroupName }
            : { kind: "package", arn, name: request.ModelPackageName ?? arn });
        if (versioned) await this.t.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: [this.ledger.tag] })).catch(() => undefined);
        return arn;
    }

    version(group: string, extra: Partial<CreateModelPackageCommandInput> = {}): Promise<string> {
        return this.createPackage({ ModelPackageGroupName: group, InferenceSpecification: this.spec(), ...extra });
    }

    /** ListTags as returned (every page, nothing folded: a key listed twice shows twice), without `aws:` system tags. */
    async tags(arn: string): Promise<Tag[]> {
        return (await allPages((NextToken) => this.calls.send(new ListTagsCommand({ ResourceArn: arn, NextToken })), (p) => p.Tags ?? []))
            .filter((tag) => !(tag.Key ?? "").startsWith("aws:"));
    }

    /**
     * The returned tag list, less one run tag (whether the run tag is there is the clean-up's concern,
     * and CreateModel's Tags are C13's), equals `expected` as a multiset: order is not documented,
     * duplicates count.
     */
    async expectTags(arn: string, expected: Tag[], what: string): Promise<void> {
        const got = await this.tags(arn);
        const key = (list: Tag[]) => list.map((t) => `${t.Key}=${t.Value ?? ""}`).sort();
        const g = key(got);
        const run = g.indexOf(`${this.ledger.tag.Key}=${this.ledger.tag.Value}`);
        if (run >= 0) g.splice(run, 1);
        const e = key(expected);
        expect(g.length === e.length && g.every((x, i) => x === e[i]), `${what}: ListTags returned ${show(got)}, expected exactly ${show(e)}`, this.calls.last);
    }

    sleep(ms: number): Promise<void> {
        return new Promise((r) => setTimeout(r, ms));
    }
}

/** Polls DescribeModelPackage until the package is Completed (or Failed, or the target's timeout passes). */
export async function waitCompleted(x: Context, arn: string): Promise<void> {
    const deadline = Date.now() + x.timing.statusTimeoutMs;
    for (;;) {
        const d = await x.calls.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
        if (d.ModelPackageStatus === "Completed") return;
        expect(d.ModelPackageStatus !== "Failed" && Date.now() < deadline,
            `${arn} is ${d.ModelPackageStatus} after ${x.timing.statusTimeoutMs} ms, not Completed`, x.calls.last);
        await x.sleep(x.timing.pollMs);
    }
}
