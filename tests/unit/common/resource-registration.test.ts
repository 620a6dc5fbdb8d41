// What a resource of this library registers with Pulumi (provider/common/resource.ts), under Pulumi's
// runtime mocks: its type token, the internal inputs auto-naming and ClientTokens are derived from, and
// the outputs every kind exposes. The declaration scope is a contract: a generated ModelName and a
// package's ClientToken are hashes of it, so a change would rename resources and re-create versions on
// the next `up`. Its spelling (project, stack, parent URN, logical name, one per line) is stated here.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Model, ModelPackage } from "../../../provider";
import { capturingWarnings } from "../../helpers/warnings";

interface Registration { type: string; name: string; inputs: Record<string, unknown>; id?: string }

const registered: Registration[] = [];
const lastOf = (name: string) => [...registered].reverse().find((r) => r.name === name);
const valueOf = <T>(output: pulumi.Output<T>) => new Promise<T>((done) => output.apply(done));

describe("what a resource registers with Pulumi", () => {
    before(async () => {
        await pulumi.runtime.setMocks({
            newResource: (args) => {
                registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id });
                // What the provider returns: the inputs and the outputs every kind computes.
                return { id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:${args.name}`, region: "us-east-1", creationTime: "2026-12-03T00:00:00Z", __autoNamed: true } };
            },
            call: () => ({}),
        }, "project", "stack", false);
    });

    /** A component, as a user's own grouping of resources. */
    class Group extends pulumi.ComponentResource {
        constructor(name: string) {
            super("test:index:Group", name);
        }
    }

    it("a Model without a parent: its type token, logical name and scope (project, stack, no parent, name)", async () => {
        const model = new Model("m1", { ExecutionRoleArn: "arn:aws:iam::123456789012:role/R" });
        await valueOf(model.urn);
        const r = lastOf("m1")!;
        assert.strictEqual(r.type, "pulumi-nodejs:dynamic/sagemaker:Model");
        assert.strictEqual(r.inputs.__logicalName, "m1");
        assert.strictEqual(r.inputs.__autoNameScope, "project\nstack\n\nm1");
        assert.match(String(r.inputs.__provider), /^exports\.handler = /);
    });

    it("a Model inside a component: the scope holds the component's URN", async () => {
        const group = new Group("g");
        const model = new Model("child", { ExecutionRoleArn: "arn:aws:iam::123456789012:role/R" }, { parent: group });
        await valueOf(model.urn);
        assert.strictEqual(lastOf("child")!.inputs.__autoNameScope, "project\nstack\nurn:pulumi:stack::project::test:index:Group::g\nchild");
    });

    it("a Model read with get(): no scope (it names an existing model), its logical name kept", async () => {
        const model = Model.get("existing", "my-model");
        await valueOf(model.urn);
        const r = lastOf("existing")!;
        assert.strictEqual(r.id, "my-model");
        assert.strictEqual(r.inputs.__autoNameScope, undefined);
    });

    it("a ModelPackage: its ClientToken scope is the same declaration scope", async () => {
        const pkg = new ModelPackage("v1", { ModelPackageGroupName: "g" });
        await valueOf(pkg.urn);
        const r = lastOf("v1")!;
        assert.strictEqual(r.type, "pulumi-nodejs:dynamic/sagemaker:ModelPackage");
        assert.strictEqual(r.inputs.__clientTokenScope, "project\nstack\n\nv1");
    });

    it("every kind's computed outputs and the auto-naming outputs are readable on the resource", async () => {
        const model = new Model("m2", { ExecutionRoleArn: "arn:aws:iam::123456789012:role/R" });
        assert.strictEqual(await valueOf(model.arn), "arn:m2");
        assert.strictEqual(await valueOf(model.region), "us-east-1");
        assert.strictEqual(await valueOf(model.creationTime), "2026-12-03T00:00:00Z");
        assert.strictEqual(await valueOf(model.logicalName), "m2");
        assert.strictEqual(await valueOf(model.autoNamed), true);
    });

    it("warns in the program about a plaintext secret in a container's Environment, naming the resource", async () => {
        const { warnings } = await capturingWarnings(async () => {
            const model = new Model("leaky", {
                PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1", Environment: { HF_TOKEN: "hf_plain" } },
            });
            await valueOf(model.urn);
            await new Promise((done) => setTimeout(done, 50));
        });
        assert.ok(warnings.some((w) => /Model "leaky": PrimaryContainer\.Environment\.HF_TOKEN is a plaintext value/.test(w)), warnings.join("\n"));
    });
});
