import * as assert from "assert";
import { userError } from "../../../provider/aws/errors";
import { echoFilter, echoQuiet } from "../../../provider/common/host-echo";

describe("the dynamic-provider host's echo of a thrown error is dropped (each error once in the Diagnostics)", () => {
    it("drops exactly the host's line for an error a method threw, once; every other line passes", async () => {
        const written: unknown[][] = [];
        const error = echoFilter((...args) => written.push(args));
        const err = userError("Model \"m\": SageMaker DeleteModel failed: AccessDeniedException: not allowed");
        const failing = echoQuiet(async () => {
            throw err;
        });
        await assert.rejects(failing(), (e) => e === err, "the error itself still reaches the engine");
        // What @pulumi/pulumi/cmd/dynamic-provider prints for a failed check/diff/read/delete.
        error(`${err}: ${err.stack}`);
        assert.deepStrictEqual(written, []);
        error(`${err}: ${err.stack}`);
        error("another line");
        assert.deepStrictEqual(written, [[`${err}: ${err.stack}`], ["another line"]], "only one echo per thrown error");
    });

    it("passes a method's result through untouched", async () => {
        assert.strictEqual(await echoQuiet(async (x: number) => x + 1)(1), 2);
    });
});
