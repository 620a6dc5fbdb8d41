// Behaviour switches (FaultConfig.deviations) are set like the other faults, in-process and over
// HTTP, and an unknown name is refused rather than silently ignored (a typo would make a "this
// assumption can fail" test pass against an endpoint that behaves correctly).
import * as assert from "assert";
import { startLocalEndpoint, type LocalEndpoint } from "../../../local-endpoint";

describe("local endpoint: behaviour switches", () => {
    let endpoint: LocalEndpoint;
    beforeEach(async () => {
        endpoint = await startLocalEndpoint({ port: 0 });
    });
    afterEach(() => endpoint.close());

    const post = (body: unknown) => fetch(`${endpoint.url}/_local/faults`, { method: "POST", body: JSON.stringify(body) });

    it("sets and reports known switches over HTTP", async () => {
        const res = await post({ deviations: ["add-tags-appends"] });
        assert.strictEqual(res.status, 200);
        assert.deepStrictEqual(((await (await fetch(`${endpoint.url}/_local/faults`)).json()) as { deviations: string[] }).deviations, ["add-tags-appends"]);
    });

    it("refuses an unknown switch: setFaults throws, POST /_local/faults answers 400 naming it", async () => {
        assert.throws(() => endpoint.setFaults({ deviations: ["add-tag-appends"] }), /unknown deviation\(s\) add-tag-appends/);
        const res = await post({ deviations: ["add-tag-appends"] });
        assert.strictEqual(res.status, 400);
        assert.match(await res.text(), /add-tag-appends/);
    });
});
