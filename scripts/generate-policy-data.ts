// Generates the data the sagemaker-guardrails policies read, from AWS's own sources:
// - policy-pack/src/generated/inspected-members.json: every member reachable from CreateModel and
//   CreateModelPackage (the API model committed in scripts/api-model/, read as generate-shapes.ts
//   reads it) whose shape is an S3 URI, an image, a KMS key id or an ARN, and the model data sources
//   (the structures that carry ModelAccessConfig);
// - policy-pack/src/generated/partitions.json: AWS partitions (ids, DNS suffixes, region patterns,
//   regions) from the SDK's endpoint data (@aws-sdk/core's partitionsInfo, a dev dependency of the pack),
//   with THE region rule (`regionPattern`: a name some partition claims), and the same file as
//   provider/identity/partitions.json for the provider, the registry lookups and the local endpoint;
// - the table of inspected members in docs/POLICIES.md (between the generated-members markers);
// - policy-pack/src/generated/plaintext-secrets.ts: a copy of provider/common/plaintext-secrets.ts
//   (which Environment keys name a secret), so the resources and the pack share one detection.
// Run: npm run generate:policy-data   (a unit test fails when a committed file differs from this output)
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { loadApiModel } from "./generate-shapes";

export const REPO_ROOT = path.resolve(__dirname, "..");
export const PACK_DIR = path.join(REPO_ROOT, "policy-pack");
export const MEMBERS_PATH = path.join(PACK_DIR, "src/generated/inspected-members.json");
export const PARTITIONS_PATH = path.join(PACK_DIR, "src/generated/partitions.json");
export const PROVIDER_PARTITIONS_PATH = path.join(REPO_ROOT, "provider/identity/partitions.json");
export const DOCS_PATH = path.join(REPO_ROOT, "docs/POLICIES.md");
export const DOCS_START = "<!-- generated-members:start (scripts/generate-policy-data.ts) -->";
export const DOCS_END = "<!-- generated-members:end -->";

/** The operations whose inputs are a model and a model package (every dialect maps onto them). */
export const OPERATIONS = { "model": "CreateModel", "model-package": "CreateModelPackage" } as const;

export type MemberKind = "s3" | "image" | "kms" | "arn" | "arn-or-name" | "uri";

interface AwsShape {
    type: string;
    members?: Record<string, { shape: string }>;
    member?: { shape: string };
    value?: { shape: string };
    pattern?: string;
    enum?: string[];
}
interface AwsModel {
    metadata: { apiVersion: string };
    operations: Record<string, { input: { shape: string } }>;
    shapes: Record<string, AwsShape>;
}

/** The pattern the model gives every S3 location shape (S3Uri, S3ModelUri, Url). */
const S3_PATTERN = "(https|s3)://([^/]+)/?(.*)";

/** Which string shapes are locations, and of which kind; anything else whose name suggests one stops the generator. */
function kindOf(shapeName: string, shape: AwsShape): MemberKind | undefined {
    if (shape.pattern === S3_PATTERN) {
        return "s3";
    }
    switch (shapeName) {
        case "ContainerImage": return "image";
        case "KmsKeyId": return "kms";
        case "ArnOrName":
        case "VersionedArnOrName": return "arn-or-name";
        // "The URI of the source for the model package": a model package or model ARN, or an S3 location.
        case "ModelPackageSourceUri": return "uri";
    }
    return /Arn$/.test(shapeName) ? "arn" : undefined;
}

/** String shapes whose names look like locations but are not, each with why. */
const NOT_LOCATIONS: Record<string, string> = {
    ImageDigest: "a sha256 digest of the image named in Image",
    S3DataType: "an enum (S3Prefix, ManifestFile, ...)",
    S3ModelDataType: "an enum (S3Prefix, S3Object)",
    AdditionalS3DataSourceDataType: "an enum (S3Object, S3Prefix)",
};
const LOOKS_LIKE_LOCATION = /Uri|Url|Arn|Image|Kms|S3|Ecr|Registry|Bucket|OutputPath/;

export interface InspectedMember {
    /** SDK member path: `.` between members, `[]` after a list member, e.g. `Containers[].Image`. */
    path: string;
    kind: MemberKind;
    shape: string;
}

export interface InspectedMembers {
    source: string;
    members: Record<keyof typeof OPERATIONS, InspectedMember[]>;
    /** Paths of the model data sources (S3ModelDataSource: S3Uri, ManifestS3Uri, HubAccessConfig, ModelAccessConfig). */
    dataSources: Record<keyof typeof OPERATIONS, string[]>;
}

export function inspectedMembers(model: AwsModel, botocoreVersion: string): InspectedMembers {
    const members = {} as InspectedMembers["members"];
    const dataSources = {} as InspectedMembers["dataSources"];
    for (const [kind, op] of Object.entries(OPERATIONS) as [keyof typeof OPERATIONS, string][]) {
        const found: InspectedMember[] = [];
        const sources: string[] = [];
        const walk = (shapeName: string, at: string, memberName: string, seen: string[]): void => {
            const shape = model.shapes[shapeName];
            if (!shape) {
                throw new Error(`shape ${shapeName} is missing from the model`);
            }
            if (seen.includes(shapeName)) {
                return; // recursive shapes: nothing in CreateModel/CreateModelPackage recurses into a location
            }
            const next = [...seen, shapeName];
            if (shape.type === "structure") {
                if (shape.members?.ModelAccessConfig) {
                    sources.push(at);
                }
                for (const [name, ref] of Object.entries(shape.members ?? {})) {
                    walk(ref.shape, at ? `${at}.${name}` : name, name, next);
                }
            } else if (shape.type === "list") {
                walk(shape.member!.shape, `${at}[]`, memberName, next);
            } else if (shape.type === "map") {
                walk(shape.value!.shape, `${at}.{}`, memberName, next);
            } else if (shape.type === "string" && !shape.enum) {
                const k = kindOf(shapeName, shape);
                if (k) {
                    found.push({ path: at, kind: k, shape: shapeName });
                } else if ((LOOKS_LIKE_LOCATION.test(shapeName) || LOOKS_LIKE_LOCATION.test(memberName)) && !NOT_LOCATIONS[shapeName]) {
                    throw new Error(`${op}: ${at} (shape ${shapeName}) looks like a location but has no kind: classify it in scripts/generate-policy-data.ts`);
                }
            }
        };
        walk(model.operations[op].input.shape, "", "", []);
        members[kind] = found;
        dataSources[kind] = sources;
    }
    return {
        source: `sagemaker-2017-07-24 API model, botocore ${botocoreVersion} (scripts/api-model); generated by scripts/generate-policy-data.ts, do not edit`,
        members,
        dataSources,
    };
}

export interface PartitionData {
    id: string;
    dnsSuffix: string;
    dualStackDnsSuffix: string;
    regionRegex: string;
    regions: string[];
}

interface SdkPartitions {
    version: string;
    partitions: { id: string; outputs: { dnsSuffix: string; dualStackDnsSuffix: string }; regionRegex: string; regions: Record<string, unknown> }[];
}

/** @aws-sdk/core's partition table (what the SDK's `partition(region)` reads), from the pack's node_modules. */
export async function sdkPartitions(): Promise<{ info: SdkPartitions; sdkVersion: string }> {
    const manifest = require.resolve("@aws-sdk/core/package.json", { paths: [PACK_DIR] });
    const sdkVersion = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
    // Not exported by the package's "exports": the module that holds the table, read by file.
    const file = path.join(path.dirname(manifest), "dist-es/submodules/client/util-endpoints/lib/aws/partitions.js");
    // An ES module: a real import(), which TypeScript would compile to require() if written directly.
    const importModule = new Function("url", "return import(url)") as (url: string) => Promise<{ partitionsInfo: SdkPartitions }>;
    const mod = await importModule(pathToFileURL(file).href);
    return { info: mod.partitionsInfo, sdkVersion };
}

/**
 * THE region rule, as one pattern (JavaScript and JSON Schema alike): a region name is one some
 * partition claims, by its region pattern or by listing it (the SDK's `partition(region)`, without
 * its fallback to "aws" for a name no partition claims). `\-` is written `-` (the same outside a
 * character class), so the pattern also compiles with the `u` flag JSON Schema validators use.
 */
export function regionPattern(partitions: readonly PartitionData[]): string {
    const alternatives = partitions.flatMap(p => {
        const claimed = new RegExp(p.regionRegex);
        const listedOnly = p.regions.filter(r => !claimed.test(r)).map(r => r.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
        return [p.regionRegex.replace(/^\^/, "").replace(/\$$/, "").replace(/\\-/g, "-"), ...listedOnly];
    });
    return `^(?:${alternatives.map(a => `(?:${a})`).join("|")})$`;
}

export function partitionTable(info: SdkPartitions, sdkVersion: string): { source: string; regionPattern: string; partitions: PartitionData[] } {
    const partitions = partitionData(info);
    return {
        source: `@aws-sdk/core ${sdkVersion} partitionsInfo (partitions version ${info.version}); generated by scripts/generate-policy-data.ts, do not edit`,
        regionPattern: regionPattern(partitions),
        partitions,
    };
}

function partitionData(info: SdkPartitions): PartitionData[] {
    return info.partitions.map(p => ({
        id: p.id,
        dnsSuffix: p.outputs.dnsSuffix,
        dualStackDnsSuffix: p.outputs.dualStackDnsSuffix,
        regionRegex: p.regionRegex,
        // "aws-global", "aws-cn-global", ...: endpoint pseudo-regions, never a resource's region.
        regions: Object.keys(p.regions).filter(r => !r.endsWith("-global")).sort(),
    }));
}

/** The docs table: one row per member path, with its kind, per resource kind. */
export function membersMarkdown(data: InspectedMembers): string {
    const kinds: Record<MemberKind, string> = {
        "s3": "S3 location", "image": "image", "kms": "KMS key", "arn": "ARN", "arn-or-name": "ARN or name", "uri": "ARN or S3 location",
    };
    const lines = [DOCS_START, "", "| resource | member (SDK path) | kind | API shape |", "| --- | --- | --- | --- |"];
    for (const [resource, op] of Object.entries(OPERATIONS) as [keyof typeof OPERATIONS, string][]) {
        for (const m of data.members[resource]) {
            lines.push(`| ${resource === "model" ? "Model" : "ModelPackage"} (${op}) | \`${m.path}\` | ${kinds[m.kind]} | \`${m.shape}\` |`);
        }
    }
    lines.push("", `Model data sources (EULA acceptance): ${Object.values(data.dataSources).flat().map(p => `\`${p}\``).join(", ")}.`, "", DOCS_END);
    return lines.join("\n");
}

export function withDocsTable(docs: string, table: string): string {
    const start = docs.indexOf(DOCS_START);
    const end = docs.indexOf(DOCS_END);
    if (start < 0 || end < start) {
        throw new Error(`${DOCS_PATH} has no ${DOCS_START} ... ${DOCS_END} section`);
    }
    return docs.slice(0, start) + table + docs.slice(end + DOCS_END.length);
}

/** The inspected members of the committed API model. */
export function committedMembers(): InspectedMembers {
    const { model, source } = loadApiModel();
    return inspectedMembers(model as unknown as AwsModel, source.botocoreVersion);
}

export const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Provider code the pack runs too, copied verbatim (the pack is its own package): source -> copy. */
export const SHARED_FILES: Record<string, string> = {
    [path.join(REPO_ROOT, "provider/common/plaintext-secrets.ts")]: path.join(PACK_DIR, "src/generated/plaintext-secrets.ts"),
};

/** The pack's copy of a shared provider file: a header naming the source, then the source unchanged. */
export function sharedCopy(source: string): string {
    return `// GENERATED by scripts/generate-policy-data.ts from ${path.relative(REPO_ROOT, source)}: edit that file, ` +
        `then run \`npm run generate:policy-data\`.\n${fs.readFileSync(source, "utf8")}`;
}

async function main(): Promise<void> {
    const members = committedMembers();
    const { info, sdkVersion } = await sdkPartitions();
    fs.mkdirSync(path.dirname(MEMBERS_PATH), { recursive: true });
    fs.writeFileSync(MEMBERS_PATH, json(members));
    fs.writeFileSync(PARTITIONS_PATH, json(partitionTable(info, sdkVersion)));
    fs.mkdirSync(path.dirname(PROVIDER_PARTITIONS_PATH), { recursive: true });
    fs.writeFileSync(PROVIDER_PARTITIONS_PATH, json(partitionTable(info, sdkVersion)));
    fs.writeFileSync(DOCS_PATH, withDocsTable(fs.readFileSync(DOCS_PATH, "utf8"), membersMarkdown(members)));
    for (const [source, copy] of Object.entries(SHARED_FILES)) {
        fs.writeFileSync(copy, sharedCopy(source));
    }
    const count = Object.values(members.members).flat().length;
    console.log(`wrote ${count} inspected members, ${info.partitions.length} partitions and the docs table`);
}

if (require.main === module) {
    main().catch(e => {
        console.error(e);
        process.exit(1);
    });
}
