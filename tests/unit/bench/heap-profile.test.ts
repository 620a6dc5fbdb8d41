import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ownerOf, summarizeHeapProfile } from "../../../bench/heap-profile";

// The program's heap by owner (issue 26): a V8 sampling heap profile's self sizes summed by allocation
// site and by the package whose script allocated them. Expected sums are added up by hand below.
describe("bench: heap profile by owner", () => {
    const frame = (functionName: string, url: string, lineNumber: number) => ({ functionName, url, lineNumber, columnNumber: 0, scriptId: "1" });
    const profile = {
        head: {
            callFrame: frame("(root)", "", -1), selfSize: 0, children: [
                { callFrame: frame("declareSymbol", "file:///r/node_modules/typescript/lib/typescript.js", 9), selfSize: 300, children: [] },
                {
                    callFrame: frame("Resource", "file:///r/node_modules/@pulumi/pulumi/resource.js", 4), selfSize: 50, children: [
                        { callFrame: frame("declareSymbol", "file:///r/node_modules/typescript/lib/typescript.js", 9), selfSize: 100, children: [] },
                        { callFrame: frame("wrap", "/r/dist/provider/model/resource.js", 0), selfSize: 20, children: [] },
                    ],
                },
                { callFrame: frame("readFileSync", "node:fs", 432), selfSize: 7, children: [] },
            ],
        },
        samples: [],
    };

    it("sums self sizes by site and by owning package, heaviest first", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "heap-test-")), "x.heapprofile");
        fs.writeFileSync(file, JSON.stringify(profile));
        const s = summarizeHeapProfile(file, "ours", 200, "preview", 2);
        assert.equal(s.totalBytes, 477);
        assert.deepEqual(s.top, [
            { where: "declareSymbol (typescript: typescript.js:10)", bytes: 400 },
            { where: "Resource (@pulumi/pulumi: resource.js:5)", bytes: 50 },
        ]);
        assert.deepEqual(s.byPackage, { "typescript": 400, "@pulumi/pulumi": 50, "this repository (dist/)": 20, "node internals": 7 });
    });

    it("names the innermost node_modules package, scoped or not", () => {
        assert.equal(ownerOf("/a/node_modules/pulumi-sagemaker/node_modules/@aws-sdk/client-sagemaker/dist-cjs/index.js"), "@aws-sdk/client-sagemaker");
        assert.equal(ownerOf("/a/node_modules/js-yaml/index.js"), "js-yaml");
        assert.equal(ownerOf(""), "(native / V8)");
    });
});
