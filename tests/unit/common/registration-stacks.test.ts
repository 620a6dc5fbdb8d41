// Issue 26, the program's cost per resource: @pulumi/pulumi stamps every promise it makes for a
// registered property with `new Error().stack` (4 per property), and under ts-node each stack is
// mapped through source-map-support; a Model registers ~18 properties. Declaring a resource must
// format at most the one stack Pulumi reads for the resource's source position, and leave
// Error.stackTraceLimit as it found it. Run under Pulumi's runtime mocks at preview.
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Model } from "../../../provider";

describe("declaring a resource formats no stack per registered property", () => {
    before(async () => {
        await pulumi.runtime.setMocks({
            newResource: (args) => ({ id: `${args.name}-id`, state: {} }),
            call: () => ({}),
        }, "project", "stack", true);
    });

    /** Stacks formatted with at least one frame while `declare` runs (synchronously). */
    function stacksWithFrames(declare: () => void): number {
        const original = Error.prepareStackTrace;
        let count = 0;
        Error.prepareStackTrace = (err, frames) => {
            if (frames.length > 0) {
                count++;
            }
            return original ? original(err, frames) : `${String(err)}\n${frames.map((f) => `    at ${String(f)}`).join("\n")}`;
        };
        try {
            declare();
        } finally {
            Error.prepareStackTrace = original;
        }
        return count;
    }

    it("a Model formats one stack (its source position), not one per property promise", () => {
        const n = stacksWithFrames(() => new Model("m", {
            PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1" },
            ExecutionRoleArn: "arn:aws:iam::123456789012:role/R",
        }));
        assert.ok(n <= 1, `${n} stacks formatted while declaring one Model`);
    });

    it("leaves Error.stackTraceLimit as it was", () => {
        const before = Error.stackTraceLimit;
        Error.stackTraceLimit = 17;
        try {
            new Model("m2", { ExecutionRoleArn: "arn:aws:iam::123456789012:role/R" });
            assert.equal(Error.stackTraceLimit, 17);
        } finally {
            Error.stackTraceLimit = before;
        }
    });

    /** Stacks formatted with frames from declaring until every declared resource is registered (its URN resolved). */
    async function stacksUntilRegistered(declare: () => pulumi.Resource[]): Promise<number> {
        const original = Error.prepareStackTrace;
        let count = 0;
        Error.prepareStackTrace = (err, frames) => {
            if (frames.length > 0) {
                count++;
            }
            return original ? original(err, frames) : String(err);
        };
        try {
            const resources = declare();
            await Promise.all(resources.map((r) => new Promise((done) => r.urn.apply(done))));
        } finally {
            Error.prepareStackTrace = original;
        }
        return count;
    }

    /** A resource class of @pulumi/pulumi's own, with nothing of this library's. */
    class Plain extends pulumi.CustomResource {}

    it("a Model declared without a parent costs no more stacks than a plain resource with the same plain inputs", async () => {
        // @pulumi/pulumi formats one stack for each Output among a resource's inputs when it serializes them; a
        // Model's internal inputs are known when it is declared (no parent), so they must be plain values.
        const args = { ExecutionRoleArn: "arn:aws:iam::123456789012:role/R", EnableNetworkIsolation: true };
        const model = await stacksUntilRegistered(() => [new Model("scope-1", args), new Model("scope-2", args)]);
        const plain = await stacksUntilRegistered(() => [1, 2].map((i) => {
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = 0; // as the library registers
            try {
                return new Plain("test:index:Plain", `plain-${i}`, { ...args, a: "x", b: "y", c: true });
            } finally {
                Error.stackTraceLimit = limit;
            }
        }));
        assert.ok(plain > 0, "the baseline formats the stacks @pulumi/pulumi always formats");
        assert.ok(model <= plain, `${model} stacks for 2 Models against ${plain} for 2 plain resources`);
    });
});
