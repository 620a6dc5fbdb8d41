// The committed table is exactly what the generator makes of the committed API model, and the
// committed model is the file its provenance names. Needs nothing outside the repository.
import * as assert from "assert";
import { createHash } from "crypto";
import * as fs from "fs";
import * as zlib from "zlib";
import { API_MODEL, loadApiModel, renderTable, SHAPES_TABLE } from "../../../scripts/generate-shapes";

describe("committed API model and constraints table", () => {
  it("the model's SHA-256 is the one SOURCE.json records", () => {
    const { source } = loadApiModel();
    const text = zlib.gunzipSync(fs.readFileSync(API_MODEL.model)).toString("utf8");
    assert.strictEqual(createHash("sha256").update(text).digest("hex"), source.sha256,
      "scripts/api-model changed without update:api-model: run npm run update:api-model");
  });

  it("is botocore 1.44.5 or later (the release that added ml.g6e.* transform instance types)", () => {
    const [major, minor, patch] = loadApiModel().source.botocoreVersion.split(".").map(Number);
    assert.ok(major > 1 || (major === 1 && (minor > 44 || (minor === 44 && patch >= 5))), loadApiModel().source.botocoreVersion);
  });

  it("provider/shapes/sagemaker-shapes.json is what the generator makes of the committed model", () => {
    const { model, source } = loadApiModel();
    const expected = renderTable(model, source);
    const actual = fs.readFileSync(SHAPES_TABLE, "utf8");
    if (actual !== expected) {
      const a = actual.split("\n"), e = expected.split("\n");
      const line = a.findIndex((l, i) => l !== e[i]);
      assert.fail(`the committed table differs from the generator's output at line ${line + 1}:\n` +
        `  committed: ${a[line]?.slice(0, 200)}\n  generated: ${e[line]?.slice(0, 200)}\nFix: npm run generate:shapes (never edit the table by hand).`);
    }
  });
});
