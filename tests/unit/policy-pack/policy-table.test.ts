// docs/POLICIES.md's policy table is what users read about each policy: its default level, severity
// and tags (what Pulumi Cloud filters policy results by) must be the ones the policies declare.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies as guardrails } from "../../../policy-pack/src/policies";
import { plaintextSecrets } from "../../../policy-pack/src/policies/plaintext-secrets";

const doc = fs.readFileSync(path.resolve(__dirname, "../../../docs/POLICIES.md"), "utf8");
/** `| \`name\` | level | severity | tags | what |` rows of the first table. */
const rows = new Map([...doc.matchAll(/^\| `(sagemaker-[a-z-]+)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|/gm)].map(m => [m[1], { level: m[2].trim(), severity: m[3].trim(), tags: m[4].split(",").map(t => t.trim()) }]));

describe("docs/POLICIES.md: the policy table", () => {
    const all = [...guardrails, plaintextSecrets];
    it("lists every policy, and no other", () => {
        assert.deepStrictEqual([...rows.keys()].sort(), all.map(p => p.name).sort());
    });
    for (const p of all) {
        it(`${p.name}: default level, severity and tags`, () => {
            const row = rows.get(p.name)!;
            // The opt-in policy ships as an advisory (the ready pack lists it disabled until configured).
            assert.strictEqual(row.level.replace(/^opt-in: /, ""), p.enforcementLevel);
            assert.strictEqual(row.severity, p.severity);
            assert.deepStrictEqual(row.tags, p.tags);
        });
    }
});
