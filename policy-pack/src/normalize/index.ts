// One view of a SageMaker model or model package, whatever resource represents it.
// Policies read this view only; property names appear in it solely as paths for messages.
import * as pulumi from "@pulumi/pulumi";
import { awsClassic } from "./aws-classic";
import { awsNative } from "./aws-native";
import { Dialect, Representation } from "./dialect";
import { Member, MEMBERS, ResourceKind, Step, steps } from "./members";
import { ourModel } from "./our-model";
import { sagemakerPlugin } from "./sagemaker-plugin";
import { asString, isUnknown, Maybe, read, Unknown } from "./unknowns";

export { Representation } from "./dialect";
export { Member, ResourceKind } from "./members";
export * from "./unknowns";
export { cut, show } from "./text";

const dialects: Dialect[] = [ourModel, awsClassic, awsNative, sagemakerPlugin];

/** Every type token the pack governs, by kind. */
export const MODEL_TYPES = dialects.map(d => d.modelType);
export const MODEL_PACKAGE_TYPES = dialects.flatMap(d => (d.modelPackageType ? [d.modelPackageType] : []));

/** A location member found in the resource: its value (a string, an Unknown, or whatever else it holds). */
export interface LocationRef {
    /** In the resource's own property names, e.g. `primaryContainer.modelDataSource.s3DataSources[0].s3Uri`. */
    path: string;
    member: Member;
    value: unknown;
}

/** One model data source (S3ModelDataSource): its locations and the EULA flag that governs them. */
export interface DataSource {
    path: string;
    /** S3Uri and ManifestS3Uri. */
    s3: LocationRef[];
    hubContentArn?: LocationRef;
    acceptEula: { value: unknown; path: string };
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
    networkIsolation?: { value: unknown; path: string };
    vpcConfig?: { value: unknown; path: string; subnets: { value: unknown; path: string }; securityGroupIds: { value: unknown; path: string } };
    /** Every location member of the API model that the resource sets. */
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

export function dialectFor(type: string): { dialect: Dialect; kind: ResourceKind } | undefined {
    for (const d of dialects) {
        if (d.modelType === type) {
            return { dialect: d, kind: "model" };
        }
        if (d.modelPackageType === type) {
            return { dialect: d, kind: "model-package" };
        }
    }
    return undefined;
}

export function isGoverned(type: string): boolean {
    return dialectFor(type) !== undefined;
}

/**
 * An SDK-named member of `obj` in the dialect's spelling; when absent, a key that differs only in
 * case (a representation that spells a new member its own way is still read, never skipped).
 */
function member(d: Dialect, obj: unknown, sdkName: string, parent: string): { value: unknown; path: string } {
    const key = d.member(sdkName);
    const at = (k: string) => (parent ? `${parent}.${k}` : k);
    if (isUnknown(obj) || typeof obj !== "object" || obj === null || Object.prototype.hasOwnProperty.call(obj, key)) {
        return { value: read(obj, key, at(key)), path: at(key) };
    }
    const lower = key.toLowerCase();
    const other = Object.keys(obj).find(k => k.toLowerCase() === lower);
    return other === undefined ? { value: undefined, path: at(key) } : { value: read(obj, other, at(other)), path: at(other) };
}

function forItems(list: unknown[], path: string, f: (item: unknown, itemPath: string) => void): void {
    for (let i = 0; i < list.length; i++) {
        f(read(list, i, `${path}[${i}]`), `${path}[${i}]`);
    }
}

/** Every value at `path` below `node`; unknown structures on the way are `opaque` (they could hold anything). */
function descend(d: Dialect, node: unknown, at: string, path: Step[], i: number, hits: { value: unknown; path: string }[], opaque: Unknown[]): void {
    if (node === undefined) {
        return;
    }
    if (Array.isArray(node)) {
        // A list where the API has one structure (Terraform's s3DataSources): every item.
        forItems(node, at, (item, p) => descend(d, item, p, path, i, hits, opaque));
        return;
    }
    if (i === path.length) {
        hits.push({ value: node, path: at });
        return;
    }
    if (isUnknown(node)) {
        opaque.push(node);
        return;
    }
    if (typeof node !== "object" || node === null) {
        return;
    }
    const child = member(d, node, path[i].name, at);
    if (path[i].list && Array.isArray(child.value)) {
        forItems(child.value, child.path, (item, p) => descend(d, item, p, path, i + 1, hits, opaque));
        return;
    }
    if (path[i].list && isUnknown(child.value)) {
        opaque.push(child.value);
        return;
    }
    descend(d, child.value, child.path, path, i + 1, hits, opaque);
}

function find(d: Dialect, root: unknown, path: Step[], opaque: Unknown[]): { value: unknown; path: string }[] {
    const hits: { value: unknown; path: string }[] = [];
    descend(d, root, "", path, 0, hits, opaque);
    return hits;
}

/** Builds the view, or undefined for a type the pack does not govern. Never throws on unknowns. */
export function normalize(resource: ResourceLike): SageMakerResource | undefined {
    const found = dialectFor(resource.type);
    if (!found) {
        return undefined;
    }
    const { dialect: d, kind } = found;
    const props = resource.props;
    const opaque: Unknown[] = [];
    const { members, dataSources } = MEMBERS[kind];
    const locations = members.flatMap(m => find(d, props, m.steps, opaque).map(h => ({ ...h, member: m })));
    const sources = dataSources.flatMap(ds => find(d, props, steps(ds), opaque).map(h => dataSource(d, h, locations)));
    const out: SageMakerResource = {
        kind,
        representation: d.representation,
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        physicalName: asString(member(d, props, kind === "model" ? "ModelName" : "ModelPackageName", "").value),
        locations,
        dataSources: sources,
        opaque: opaque.filter((u, i) => opaque.findIndex(o => o.path === u.path) === i),
        dialect: d,
    };
    if (kind === "model") {
        out.networkIsolation = member(d, props, "EnableNetworkIsolation", "");
        const vpc = member(d, props, "VpcConfig", "");
        out.vpcConfig = { ...vpc, subnets: member(d, vpc.value, "Subnets", vpc.path), securityGroupIds: member(d, vpc.value, "SecurityGroupIds", vpc.path) };
    }
    return out;
}

function dataSource(d: Dialect, ds: { value: unknown; path: string }, locations: LocationRef[]): DataSource {
    const inside = locations.filter(l => l.path.startsWith(`${ds.path}.`));
    const mac = member(d, ds.value, "ModelAccessConfig", ds.path);
    return {
        path: ds.path,
        s3: inside.filter(l => l.member.kind === "s3"),
        hubContentArn: inside.find(l => l.member.shape === "HubContentArn"),
        acceptEula: member(d, mac.value, "AcceptEula", mac.path),
    };
}

export type RegionSource = "resource" | "provider" | "stack-config";

export interface RegionResolution {
    value: Maybe<string>;
    source?: RegionSource;
    /** Where to change it: the resource's region input, provider.region, or a stack config key. */
    path: string;
}

/**
 * Where a resource lives: its own region input, else its provider's `region`, else the stack
 * config key the provider falls back to, read with pulumi.Config (PULUMI_CONFIG). Pulumi (3.259 and
 * 3.276, checked) does not pass the stack config to Node.js policy packs (RunPlugin sets no
 * PULUMI_CONFIG and @pulumi/policy ignores ConfigureStack), so for our resources the provider's check
 * records the region in the `region` input (provider/common/region.ts); the config step is for engines that do.
 */
export function resourceRegion(resource: ResourceLike, ownKey: string | undefined, configKey: string): RegionResolution {
    if (ownKey) {
        const own = asString(read(resource.props, ownKey, ownKey));
        if (own !== undefined) {
            return { value: own, source: "resource", path: ownKey };
        }
    }
    // Our dynamic provider (pulumi-nodejs) has no region of its own; skip it.
    const provider = resource.provider;
    if (provider && !provider.type.startsWith("pulumi:providers:pulumi-nodejs")) {
        const p = asString(read(provider.props, "region", "provider.region"));
        if (p !== undefined) {
            return { value: p, source: "provider", path: "provider.region" };
        }
    }
    const [ns, key] = configKey.split(":");
    const fromConfig = new pulumi.Config(ns).get(key);
    if (fromConfig) {
        return { value: fromConfig, source: "stack-config", path: configKey };
    }
    return { value: undefined, path: ownKey ?? configKey };
}

export function deploymentRegion(resource: ResourceLike, view: SageMakerResource): RegionResolution {
    return resourceRegion(resource, view.dialect.region, view.dialect.regionConfigKey);
}

/**
 * Remediation: the props with network isolation switched on, in the resource's own naming.
 * Setting the key on the analyzer's proxy writes through to its target, which the analyzer
 * serializes as-is, so unknown values elsewhere travel back untouched.
 */
export function withNetworkIsolation(view: SageMakerResource, props: Record<string, unknown>): Record<string, unknown> {
    props[view.networkIsolation?.path ?? view.dialect.member("EnableNetworkIsolation")] = true;
    return props;
}
