// Brings the SageMaker API model up to date and regenerates the constraints table from it.
//   npm run update:api-model                      newest botocore wheel from the Python package index (pip)
//   npm run update:api-model -- --version 1.44.5  that botocore release
//   npm run update:api-model -- --from FILE --version V   a service-2.json(.gz) already on disk (e.g. ../shared/aws-models)
//   add --dry-run to print what would change and write nothing.
// The model is committed (scripts/api-model/), so the generator and the committed-table test need
// nothing outside this repository.
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { API_MODEL, compactModel, loadApiModel, OPERATIONS, renderTable, SHAPES_TABLE, type ApiModelSource, type AwsModel } from "./generate-shapes";

const MEMBER = "botocore/data/sagemaker/2017-07-24/service-2.json.gz";

interface Options { version?: string; from?: string; dryRun: boolean }

function parseArgs(argv: string[]): Options {
  const opts: Options = { dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dry-run") opts.dryRun = true;
    else if (a === "--version") opts.version = argv[++i];
    else if (a === "--from") opts.from = argv[++i];
    else throw new Error(`unknown argument ${a} (use --version V, --from FILE, --dry-run)`);
  }
  if (opts.from && !opts.version) throw new Error("--from needs --version (the botocore release the file comes from)");
  return opts;
}

/** The model's JSON text from a botocore wheel, fetched with pip (the ordinary client, its configured index). */
function fromWheel(version: string | undefined, dir: string): { text: string; version: string } {
  const spec = version ? `botocore==${version}` : "botocore";
  execFileSync("python3", ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--quiet", "--dest", dir, spec], { stdio: "inherit" });
  const wheel = fs.readdirSync(dir).find((f) => /^botocore-.*\.whl$/.test(f));
  if (!wheel) throw new Error(`pip downloaded no botocore wheel into ${dir}`);
  const got = /^botocore-([^-]+)-/.exec(wheel)![1];
  // A wheel is a zip; Python's zipfile reads it without another tool.
  const gz = execFileSync("python3", ["-c", "import sys,zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
    path.join(dir, wheel), MEMBER], { maxBuffer: 64 * 1024 * 1024 });
  return { text: zlib.gunzipSync(gz).toString("utf8"), version: got };
}

function fromFile(file: string): string {
  const raw = fs.readFileSync(file);
  return file.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
}

/** Which shapes of the table change, in one line each (added, removed, changed). */
function tableChanges(before: ReturnType<typeof compactModel>, after: ReturnType<typeof compactModel>): string[] {
  const lines: string[] = [];
  const names = new Set([...Object.keys(before.shapes), ...Object.keys(after.shapes)]);
  for (const n of [...names].sort()) {
    const a = before.shapes[n], b = after.shapes[n];
    if (!a) lines.push(`+ ${n}`);
    else if (!b) lines.push(`- ${n}`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) {
      const added = (b.enum ?? []).filter((v) => !(a.enum ?? []).includes(v));
      const removed = (a.enum ?? []).filter((v) => !(b.enum ?? []).includes(v));
      const enumNote = added.length || removed.length ? ` (enum ${added.map((v) => `+${v}`).concat(removed.map((v) => `-${v}`)).join(" ")})` : "";
      lines.push(`~ ${n}${enumNote}`);
    }
  }
  return lines;
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "api-model-"));
  try {
    const got = opts.from ? { text: fromFile(opts.from), version: opts.version! } : fromWheel(opts.version, tmp);
    const model = JSON.parse(got.text) as AwsModel;
    const source: ApiModelSource = {
      botocoreVersion: got.version,
      file: path.basename(API_MODEL.model),
      sha256: createHash("sha256").update(got.text).digest("hex"),
    };
    const before = compactModel(loadApiModel().model, OPERATIONS);
    const after = compactModel(model, OPERATIONS);
    const changes = tableChanges(before, after);
    console.log(`botocore ${loadApiModel().source.botocoreVersion} -> ${source.botocoreVersion}: ` +
      (changes.length ? `${changes.length} shape(s) of the table change` : "no shape of the table changes"));
    for (const line of changes) console.log(`  ${line}`);
    if (opts.dryRun) {
      console.log("dry run: nothing written");
      return;
    }
    fs.writeFileSync(API_MODEL.model, zlib.gzipSync(got.text, { level: 9 }));
    fs.writeFileSync(API_MODEL.source, `${JSON.stringify(source, null, 2)}\n`);
    fs.writeFileSync(SHAPES_TABLE, renderTable(model, source));
    console.log(`wrote ${path.relative(process.cwd(), API_MODEL.model)}, ${path.relative(process.cwd(), API_MODEL.source)} and ${path.relative(process.cwd(), SHAPES_TABLE)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    main();
  } catch (err) {
    console.error(`update-api-model: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
