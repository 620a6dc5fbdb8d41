// Requests SageMaker refuses before doing anything: one per class of constraint the providers'
// check() refuses first. Each must answer ValidationException and create nothing.
import { ListModelPackagesCommand, ListModelsCommand, type CreateModelCommandInput } from "@aws-sdk/client-sagemaker";
import type { Assumption, Context } from "../assumption";
import { callOf, expect, refused, show } from "../calls";
import { allPages } from "../ledger";

/** Models whose name starts with this assumption's prefix (filtered client-side too). */
async function modelsNamed(x: Context, prefix: string): Promise<string[]> {
    return (await allPages((NextToken) => x.calls.send(new ListModelsCommand({ NameContains: prefix, NextToken })), (p) => p.Models ?? []))
        .map((m) => m.ModelName ?? "").filter((n) => n.toLowerCase().startsWith(prefix.toLowerCase()));
}

/** What the request is, how to send it, and what it must not have created (none for a nameless request: nothing to look for). */
type Case = [what: string, send: (x: Context) => Promise<unknown>, created?: (x: Context) => Promise<string[]>];

const noModel = (x: Context) => modelsNamed(x, x.name(""));
const model = (x: Context, request: Partial<CreateModelCommandInput> & { ModelName?: string }) =>
    x.createModel({ ...x.modelRequest(request.ModelName ?? x.name("bad")), ...request, Tags: [x.ledger.tag, ...(request.Tags ?? [])] } as CreateModelCommandInput);

const cases: Case[] = [
    ["a name longer than its maximum (64 characters)", (x) => model(x, { ModelName: `${x.name("")}${"a".repeat(64)}`.slice(0, 64) }), noModel],
    ["a name that does not match its pattern", (x) => model(x, { ModelName: x.name("bad_name") }), noModel],
    ["a value outside its enum", async (x) => {
        const { name } = await x.group("group");
        return x.version(name, { ModelApprovalStatus: "Approve" as never });
    }, async (x) => (await allPages((NextToken) => x.calls.send(new ListModelPackagesCommand({ ModelPackageGroupName: x.name("group"), NextToken })),
        (p) => p.ModelPackageSummaryList ?? [])).filter((v) => v.ModelPackageGroupName === x.name("group")).map((v) => v.ModelPackageArn ?? "")],
    ["a missing required member (ModelName)", (x) => x.createModel({ ExecutionRoleArn: x.t.roleArn, PrimaryContainer: { Image: x.t.image }, Tags: [x.ledger.tag] } as never)],
    ["a list above its maximum size (51 tags)", (x) => model(x, { Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) }), noModel],
    ["a map key that does not match its pattern", (x) => model(x, { PrimaryContainer: { Image: x.t.image, Environment: { "1BAD": "v" } } }), noModel],
    ["PrimaryContainer and Containers together", (x) => model(x, { Containers: [{ Image: x.t.image }] }), noModel],
];

export const validationAssumptions: Assumption[] = cases.map(([what, send, created], i) => ({
    id: `C${40 + i}`, says: `a request with ${what} is refused with ValidationException${created ? " and creates nothing" : ""}`,
    async run(x) {
        const err = await refused(send(x), `a request with ${what}`, x.calls);
        expect(err.name === "ValidationException", `answered ${err.name}: ${err.message}`, callOf(err));
        const left = created ? await created(x) : [];
        expect(left.length === 0, `the refused request created ${show(left)}`, x.calls.last);
    },
}));
