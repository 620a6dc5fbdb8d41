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
});
