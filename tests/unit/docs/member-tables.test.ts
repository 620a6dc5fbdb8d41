// The docs' "what replaces and what updates" tables are generated from the specs: they must be current.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DOCS, withTables } from "../../../scripts/generate-member-tables";

const ROOT = path.resolve(__dirname, "..", "..", "..");

describe("docs: member tables", () => {
    for (const file of [...new Set(DOCS.map((d) => d.file))]) {
        it(`${file} holds the tables generated from the specs (run: npx ts-node scripts/generate-member-tables.ts)`, () => {
            const text = fs.readFileSync(path.join(ROOT, file), "utf8");
            assert.strictEqual(withTables(text, DOCS.filter((d) => d.file === file).map((d) => d.spec)), text);
        });
    }
});
