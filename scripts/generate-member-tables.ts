// Renders, from each kind's spec (provider/<kind>/spec.ts), the table of what every member does on a
// change and on refresh, into docs/MODEL.md and docs/MODEL-PACKAGE.md between the markers
//   <!-- members:<Kind>:start --> ... <!-- members:<Kind>:end -->
// so the docs say exactly what the code does. tests/unit/docs/member-tables.test.ts fails when a
// doc is out of date. Run: npx ts-node scripts/generate-member-tables.ts
import * as fs from "fs";
import * as path from "path";
import type { KindSpec, MemberSpec, OwnSetting } from "../provider/engine/kind";
import { modelSpec } from "../provider/model/spec";
import { modelPackageSpec } from "../provider/model-package/spec";
import { modelPackageGroupSpec } from "../provider/model-package-group/spec";

export const DOCS: { spec: KindSpec; file: string }[] = [
    { spec: modelSpec as KindSpec, file: "docs/MODEL.md" },
    { spec: modelPackageGroupSpec as KindSpec, file: "docs/MODEL-PACKAGE.md" },
    { spec: modelPackageSpec as KindSpec, file: "docs/MODEL-PACKAGE.md" },
];

function change(spec: KindSpec, m: MemberSpec): string {
    const where = spec.hooks.canUpdate ? " (versions; an unversioned package is replaced)" : "";
    switch (m.change.type) {
        case "replace":
            return "**replace**";
        case "tags":
            return "update: `DeleteTags` + `AddTags` (at most one each)";
        case "ignore":
            return "never a change (used by the create call only)";
        case "set":
            return `update: \`${m.change.call}\`${where}; removing it stops managing it (the API cannot clear it)`;
        case "map":
            return `update: \`${m.change.call}\`, changed keys in the member, removed keys in \`${m.change.removeWith}\`${where}`;
        case "append":
            return `update: \`${m.change.call}\` \`${m.change.addWith}\` for entries with a new \`${m.change.key}\`${where}; changing or removing an entry: **replace**`;
    }
}

function refresh(m: MemberSpec): string {
    switch (m.refresh) {
        case "live":
            return "read back whole (changes made elsewhere show as drift)";
        case "declared":
            return "declared form kept while SageMaker's value still matches it";
        case "kept":
            return "not reported by SageMaker: kept as declared";
    }
}

function notes(m: MemberSpec): string {
    const parts: string[] = [];
    if (m.secrets) {
        parts.push("`Environment` values scrubbed from every error");
    }
    if (m.defaults !== undefined) {
        parts.push(`SageMaker's default \`${JSON.stringify(m.defaults)}\` equals leaving it out`);
    }
    if (m.serverFilled) {
        parts.push(`filled in by SageMaker, never drift: ${m.serverFilled.map((p) => `\`${p}\``).join(", ")}`);
    }
    if (m.normalize) {
        parts.push("a group's name and its ARN are the same group");
    }
    if (m.afterCreate) {
        parts.push("not a create member: set by the update call right after creation");
    }
    return parts.join("; ");
}

function ownChange(o: OwnSetting): string {
    return o.change === "replace" ? "**replace**" : o.change === "update" ? "update (no API call: it steers our code)" : "never a change";
}

/** The table for one kind, as Markdown. */
export function memberTable(spec: KindSpec): string {
    const rows = Object.entries(spec.members).map(([member, m]) => `| \`${member}\` | ${change(spec, m)} | ${refresh(m)} | ${notes(m)} |`);
    // Internal bookkeeping (`__`-prefixed: never the user's, hidden from diffs) is not a member a user sets.
    const own = Object.entries(spec.own).filter(([, o]) => !o.internal).map(([key, o]) => `| \`${key}\` (ours) | ${ownChange(o)} | kept | |`);
    const name = spec.name
        ? `\nA replacement that keeps a fixed \`${spec.name.member}\` (compared case-insensitively, as SageMaker compares names) deletes the old ${spec.kind} first; ` +
          `a generated or new name is created first.\n`
        : "";
    return [
        `Generated from \`provider/${specFile(spec)}/spec.ts\` by \`scripts/generate-member-tables.ts\`.`,
        "",
        "| Member | On a change | On refresh | Notes |",
        "|---|---|---|---|",
        ...rows,
        ...own,
        name,
    ].join("\n");
}

function specFile(spec: KindSpec): string {
    return spec.kind === "Model" ? "model" : spec.kind === "ModelPackage" ? "model-package" : "model-package-group";
}

/** The doc's text with every kind's table regenerated. */
export function withTables(text: string, specs: KindSpec[]): string {
    let out = text;
    for (const spec of specs) {
        const start = `<!-- members:${spec.kind}:start -->`;
        const end = `<!-- members:${spec.kind}:end -->`;
        const i = out.indexOf(start);
        const j = out.indexOf(end);
        if (i < 0 || j < i) {
            throw new Error(`missing markers ${start} ... ${end}`);
        }
        out = `${out.slice(0, i + start.length)}\n${memberTable(spec)}\n${out.slice(j)}`;
    }
    return out;
}

function main(): void {
    const root = path.resolve(__dirname, "..");
    for (const file of [...new Set(DOCS.map((d) => d.file))]) {
        const full = path.join(root, file);
        const specs = DOCS.filter((d) => d.file === file).map((d) => d.spec);
        fs.writeFileSync(full, withTables(fs.readFileSync(full, "utf8"), specs));
        console.log(`wrote the member tables of ${specs.map((s) => s.kind).join(", ")} into ${file}`);
    }
}

if (require.main === module) {
    main();
}
