// One view of a SageMaker model or model package, whatever resource represents it.
// Policies read this view only; property names appear in it solely as paths for messages.
// Linear in the resource's size: every member path is walked once, and each location is attached
// to its data source by a map lookup.
import { Dialect, Representation } from "./dialect";
import { dialectFor } from "./dialects";
import { Member, MEMBERS, ResourceKind, Step, steps } from "./members";
import { asString, isUnknown, Maybe, read, Unknown } from "./unknowns";

/** A location member found in the resource: its value (a string, an Unknown, or whatever else it holds). */
export interface LocationRef {
    /** In the resource's own property names, e.g. `primaryContainer.modelDataSource.s3DataSources[0].s3Uri`. */
    path: string;
    member: Member;
    value: unknown;
}

/**
 * A flag or a required block, read only from the member the dialect's provider reads. `misspelt`
 * holds the paths of keys beside it that spell the same member otherwise (case, `_`, `-`): the
 * provider ignores them, so a rule must never take them for the setting.
 */
export interface Setting {
    value: unknown;
    path: string;
    misspelt: string[];
}

/** One model data source (S3ModelDataSource): its locations and the EULA flag that governs them. */
export interface DataSource {
    path: string;
    /** S3Uri and ManifestS3Uri. */
    s3: LocationRef[];
    hubContentArn?: LocationRef;
    /** ModelAccessConfig.AcceptEula; its misspellings include those of ModelAccessConfig. */
    acceptEula: Setting;
}

export interface SageMakerResource {
    kind: ResourceKind;
    representation: Representation;
    type: string;
    /** Pulumi logical name (the URN's last part). */
    name: string;
    urn: string;
    /** The AWS-side name, when set in the inputs. */
    physicalName: Maybe<string>;
    /** Network isolation applies to models only; values as the resource holds them (maybe not booleans). */
    networkIsolation?: Setting;
    vpcConfig?: Setting & { subnets: Setting; securityGroupIds: Setting };
    /** Every location member of the API model that the resource sets (any spelling: reading more is stricter). */
    locations: LocationRef[];
    dataSources: DataSource[];
    /** Whole sub-structures (a container list, a data source) that are unknown: could hold anything. */
    opaque: Unknown[];
    dialect: Dialect;
}

/** The minimal shape of a resource as the analyzer passes it (validation args, stack resources). */
export interface ResourceLike {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    provider?: { type: string; props: Record<string, unknown> };
}

const at = (parent: string, k: string) => (parent ? `${parent}.${k}` : k);
const squash = (k: string) => k.toLowerCase().replace(/[-_]/g, "");

function keysOf(obj: unknown): string[] {
    return typeof obj === "object" && obj !== null && !Array.isArray(obj) && !isUnknown(obj) ? Object.keys(obj) : [];
}

/**
 * An SDK-named member of `obj` for a LOCATION: the dialect's spelling, else a key that differs only
 * in case (a location is never skipped for its spelling; reading more can only block more).
 */
function member(d: Dialect, obj: unknown, sdkName: string, parent: string): { value: unknown; path: string } {
    const key = d.member(sdkName);
    if (isUnknown(obj) || typeof obj !== "object" || obj === null || Object.prototype.hasOwnProperty.call(obj, key)) {
        return { value: read(obj, key, at(parent, key)), path: at(parent, key) };
    }
    const lower = key.toLowerCase();
    const other = Object.keys(obj).find(k => k.toLowerCase() === lower);
    return other === undefined ? { value: undefined, path: at(parent, key) } : { value: read(obj, other, at(parent, other)), path: at(parent, other) };
}

/** An SDK-named member of `obj` for a SETTING: only the dialect's spelling counts; others are listed as misspelt. */
export function setting(d: Dialect, obj: unknown, sdkName: string, parent: string): Setting {
    const key = d.member(sdkName);
    const target = squash(key);
    const misspelt = keysOf(obj).filter(k => k !== key && k.length >= key.length && squash(k) === target).map(k => at(parent, k));
    const path = at(parent, key);
    const has = isUnknown(obj) || (typeof obj === "object" && obj !== null && Object.prototype.hasOwnProperty.call(obj, key));
    return { value: has ? read(obj, key, path) : undefined, path, misspelt };
}

function forItems(list: unknown[], path: string, f: (item: unknown, itemPath: string) => void): void {
    for (let i = 0; i < list.length; i++) {
        f(read(list, i, `${path}[${i}]`), `${path}[${i}]`);
    }
}

/** Every member path of a kind as one tree, so a resource is walked once whatever the number of members. */
interface Trie {
    children: { step: Step; node: Trie }[];
    /** Indexes (in MEMBERS[kind].members) of the location members that end here. */
    members: number[];
    /** Index (in MEMBERS[kind].dataSources) of the data source that ends here. */
    dataSource?: number;
}

function trieOf(kind: ResourceKind): Trie {
    const root: Trie = { children: [], members: [] };
    const insert = (path: Step[]): Trie => path.reduce((node, step) => {
        let child = node.children.find(c => c.step.name === step.name && c.step.list === step.list);
        if (!child) {
            child = { step, node: { children: [], members: [] } };
            node.children.push(child);
        }
        return child.node;
    }, root);
    MEMBERS[kind].members.forEach((m, i) => insert(m.steps).members.push(i));
    MEMBERS[kind].dataSources.forEach((ds, i) => {
        insert(steps(ds)).dataSource = i;
    });
    return root;
}

const TRIES: Record<ResourceKind, Trie> = { "model": trieOf("model"), "model-package": trieOf("model-package") };

interface Walk {
    d: Dialect;
    members: Member[];
    /** Hits per member index, and per data source index: tree order within each, as the policies report them. */
    hits: LocationRef[][];
    sources: DataSource[][];
    opaque: Unknown[];
}

/**
 * Walks `node` along the trie: every location and data source below it, each object's keys read once.
 * A member is found in the dialect's spelling, else a key that differs only in case (a location is never
 * skipped for its spelling). Unknown structures on the way are `opaque` (they could hold anything).
 */
function walk(w: Walk, node: unknown, here: string, trie: Trie, inside: DataSource | undefined): void {
    if (node === undefined) {
        return;
    }
    if (Array.isArray(node)) {
        // A list where the API has one structure (Terraform's s3DataSources): every item.
        forItems(node, here, (item, p) => walk(w, item, p, trie, inside));
        return;
    }
    for (const i of trie.members) {
        const ref: LocationRef = { value: node, path: here, member: w.members[i] };
        w.hits[i].push(ref);
        if (inside && ref.member.kind === "s3") {
            inside.s3.push(ref);
        } else if (inside && ref.member.shape === "HubContentArn") {
            inside.hubContentArn = ref;
        }
    }
    if (trie.dataSource !== undefined) {
        inside = dataSource(w.d, { value: node, path: here });
        w.sources[trie.dataSource].push(inside);
    }
    if (trie.children.length === 0) {
        return;
    }
    if (isUnknown(node)) {
        w.opaque.push(node);
        return;
    }
    if (typeof node !== "object" || node === null) {
        return;
    }
    const keys = Object.keys(node);
    const present = new Set(keys);
    let lower: Map<string, string> | undefined;
    for (const { step, node: child } of trie.children) {
        const key = w.d.member(step.name);
        let actual: string | undefined = key;
        if (!present.has(key)) {
            lower ??= new Map(keys.map(k => [k.toLowerCase(), k]));
            actual = lower.get(key.toLowerCase());
            if (actual === undefined) {
                continue;
            }
        }
        const path = at(here, actual);
        const value = read(node, actual, path);
        if (step.list && Array.isArray(value)) {
            forItems(value, path, (item, p) => walk(w, item, p, child, inside));
        } else if (step.list && isUnknown(value)) {
            w.opaque.push(value);
        } else {
            walk(w, value, path, child, inside);
        }
    }
}

/** Builds the view, or undefined for a type the pack does not govern. Never throws on unknowns. */
export function normalize(resource: ResourceLike): SageMakerResource | undefined {
    const found = dialectFor(resource.type);
    if (!found) {
        return undefined;
    }
    const { dialect: d, kind } = found;
    const props = resource.props;
    const { members, dataSources } = MEMBERS[kind];
    const w: Walk = { d, members, hits: members.map(() => []), sources: dataSources.map(() => []), opaque: [] };
    walk(w, props, "", TRIES[kind], undefined);
    const opaque = w.opaque;
    const locations = w.hits.flat();
    const unknownPaths = new Map(opaque.map(u => [u.path, u]));
    const out: SageMakerResource = {
        kind,
        representation: d.representation,
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        physicalName: asString(member(d, props, kind === "model" ? "ModelName" : "ModelPackageName", "").value),
        locations,
        dataSources: w.sources.flat(),
        opaque: [...unknownPaths.values()],
        dialect: d,
    };
    if (kind === "model") {
        out.networkIsolation = setting(d, props, "EnableNetworkIsolation", "");
        const vpc = setting(d, props, "VpcConfig", "");
        out.vpcConfig = { ...vpc, subnets: setting(d, vpc.value, "Subnets", vpc.path), securityGroupIds: setting(d, vpc.value, "SecurityGroupIds", vpc.path) };
    }
    return out;
}

function dataSource(d: Dialect, ds: { value: unknown; path: string }): DataSource {
    const mac = setting(d, ds.value, "ModelAccessConfig", ds.path);
    const accept = setting(d, mac.value, "AcceptEula", mac.path);
    return { path: ds.path, s3: [], acceptEula: { ...accept, misspelt: [...mac.misspelt, ...accept.misspelt] } };
}
