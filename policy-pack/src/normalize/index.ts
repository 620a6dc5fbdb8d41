// One view of a SageMaker model or model package, whatever resource represents it.
// Policies read this view only; property names appear in it solely as paths for messages.
import * as pulumi from "@pulumi/pulumi";
import { awsClassic } from "./aws-classic";
import { awsNative } from "./aws-native";
import { Dialect, Representation } from "./dialect";
import { ourModel } from "./our-model";
import { asBoolean, asString, isUnknown, Maybe, read, readList, Unknown } from "./unknowns";

export { Representation } from "./dialect";
export * from "./unknowns";

const dialects: Dialect[] = [ourModel, awsClassic, awsNative];

/** Every type token the pack governs, by kind. */
export const MODEL_TYPES = dialects.map(d => d.modelType);
export const MODEL_PACKAGE_TYPES = dialects.flatMap(d => (d.modelPackageType ? [d.modelPackageType] : []));

export type ReferenceKind = "image" | "s3" | "arn";

/** A location the resource makes SageMaker read: an image, an S3 object/prefix or an ARN. */
export interface Reference {
    kind: ReferenceKind;
    path: string;
    value: string | Unknown;
}

/** One S3 model data source, with the EULA flag that governs it. */
export interface DataSource {
    path: string;
    s3Uri: Maybe<string>;
    s3UriPath: string;
    acceptEula: Maybe<boolean>;
    acceptEulaPath: string;
    hubContentArn: Maybe<string>;
    hubContentArnPath?: string;
}

export interface SageMakerResource {
    kind: "model" | "model-package";
    representation: Representation;
    type: string;
    /** Pulumi logical name (the URN's last part). */
    name: string;
    urn: string;
    /** The AWS-side name, when set in the inputs. */
    physicalName: Maybe<string>;
    /** Network isolation applies to models only. */
    networkIsolation?: { value: Maybe<boolean>; path: string };
    vpcConfig?: { value: unknown; path: string };
    references: Reference[];
    dataSources: DataSource[];
    /** Plain `ModelDataUrl`s: they cannot carry a EULA acceptance. */
    modelDataUrls: { value: string | Unknown; path: string }[];
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

export function dialectFor(type: string): { dialect: Dialect; kind: "model" | "model-package" } | undefined {
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

/** Builds the view, or undefined for a type the pack does not govern. Never throws on unknowns. */
export function normalize(resource: ResourceLike): SageMakerResource | undefined {
    const found = dialectFor(resource.type);
    if (!found) {
        return undefined;
    }
    const { dialect: d, kind } = found;
    const props = resource.props;
    const out: SageMakerResource = {
        kind,
        representation: d.representation,
        type: resource.type,
        name: resource.name,
        urn: resource.urn,
        physicalName: undefined,
        references: [],
        dataSources: [],
        modelDataUrls: [],
        opaque: [],
        dialect: d,
    };
    const container = (c: unknown, path: string) => readContainer(d, c, path, out);

    if (kind === "model") {
        out.physicalName = asString(read(props, d.modelName, d.modelName));
        out.networkIsolation = {
            value: asBoolean(read(props, d.enableNetworkIsolation, d.enableNetworkIsolation)),
            path: d.enableNetworkIsolation,
        };
        out.vpcConfig = { value: read(props, d.vpcConfig, d.vpcConfig), path: d.vpcConfig };
        const primary = read(props, d.primaryContainer, d.primaryContainer);
        if (primary !== undefined) {
            container(primary, d.primaryContainer);
        }
        const list = readList(props, d.containers, d.containers);
        if (list.unknown) {
            out.opaque.push(list.unknown);
        }
        list.items.forEach(i => container(i.value, i.path));
    } else {
        out.physicalName = asString(read(props, d.packageName!, d.packageName!));
        const specs: { value: unknown; path: string }[] = [];
        const spec = read(props, d.inferenceSpecification!, d.inferenceSpecification!);
        if (spec !== undefined) {
            specs.push({ value: spec, path: d.inferenceSpecification! });
        }
        const more = readList(props, d.additionalInferenceSpecifications!, d.additionalInferenceSpecifications!);
        if (more.unknown) {
            out.opaque.push(more.unknown);
        }
        specs.push(...more.items);
        for (const s of specs) {
            if (isUnknown(s.value)) {
                out.opaque.push(s.value);
                continue;
            }
            const cs = readList(s.value, d.specContainers!, `${s.path}.${d.specContainers}`);
            if (cs.unknown) {
                out.opaque.push(cs.unknown);
            }
            cs.items.forEach(i => container(i.value, i.path));
        }
        // A group given by ARN, and a source URI that is an S3 location or an ARN, are references too.
        for (const key of [d.packageGroupName!, d.sourceUri!]) {
            const v = asString(read(props, key, key));
            if (isUnknown(v)) {
                out.references.push({ kind: "arn", path: key, value: v });
            } else if (v?.startsWith("arn:")) {
                out.references.push({ kind: "arn", path: key, value: v });
            } else if (v?.startsWith("s3://")) {
                out.references.push({ kind: "s3", path: key, value: v });
            }
        }
    }
    return out;
}

function readContainer(d: Dialect, c: unknown, path: string, out: SageMakerResource): void {
    if (isUnknown(c)) {
        out.opaque.push(c);
        return;
    }
    if (typeof c !== "object" || c === null) {
        return;
    }
    const ref = (kind: ReferenceKind, key: string) => {
        const p = `${path}.${key}`;
        const v = asString(read(c, key, p));
        if (v !== undefined) {
            out.references.push({ kind, path: p, value: v });
        }
        return v;
    };
    ref("image", d.image);
    const url = ref("s3", d.modelDataUrl);
    if (url !== undefined) {
        out.modelDataUrls.push({ value: url, path: `${path}.${d.modelDataUrl}` });
    }
    // A model package given by name resolves in the model's own region; only ARNs can point elsewhere.
    const pkgPath = `${path}.${d.containerModelPackageName}`;
    const pkg = asString(read(c, d.containerModelPackageName, pkgPath));
    if (isUnknown(pkg) || pkg?.startsWith("arn:")) {
        out.references.push({ kind: "arn", path: pkgPath, value: pkg });
    }
    const mdsPath = `${path}.${d.modelDataSource}`;
    readModelDataSource(d, read(c, d.modelDataSource, mdsPath), mdsPath, out);
    if (d.additionalModelDataSources) {
        const extra = readList(c, d.additionalModelDataSources, `${path}.${d.additionalModelDataSources}`);
        if (extra.unknown) {
            out.opaque.push(extra.unknown);
        }
        // Each additional source has the same inner shape as ModelDataSource.
        extra.items.forEach(i => readModelDataSource(d, i.value, i.path, out));
    }
}

function readModelDataSource(d: Dialect, mds: unknown, path: string, out: SageMakerResource): void {
    if (mds === undefined) {
        return;
    }
    if (isUnknown(mds)) {
        out.opaque.push(mds);
        return;
    }
    const sources: { value: unknown; path: string }[] = [];
    if (d.s3DataSourceIsList) {
        const list = readList(mds, d.s3DataSource, `${path}.${d.s3DataSource}`);
        if (list.unknown) {
            out.opaque.push(list.unknown);
        }
        sources.push(...list.items);
    } else {
        const p = `${path}.${d.s3DataSource}`;
        const s = read(mds, d.s3DataSource, p);
        if (s !== undefined) {
            sources.push({ value: s, path: p });
        }
    }
    for (const s of sources) {
        if (isUnknown(s.value)) {
            out.opaque.push(s.value);
            continue;
        }
        const s3UriPath = `${s.path}.${d.s3Uri}`;
        const s3Uri = asString(read(s.value, d.s3Uri, s3UriPath));
        const macPath = `${s.path}.${d.modelAccessConfig}`;
        const acceptEulaPath = `${macPath}.${d.acceptEula}`;
        const mac = read(s.value, d.modelAccessConfig, macPath);
        const acceptEula: Maybe<boolean> = isUnknown(mac) ? mac : asBoolean(read(mac, d.acceptEula, acceptEulaPath));
        let hubContentArn: Maybe<string>;
        let hubContentArnPath: string | undefined;
        if (d.hubAccessConfig && d.hubContentArn) {
            const hacPath = `${s.path}.${d.hubAccessConfig}`;
            hubContentArnPath = `${hacPath}.${d.hubContentArn}`;
            const hac = read(s.value, d.hubAccessConfig, hacPath);
            hubContentArn = isUnknown(hac) ? hac : asString(read(hac, d.hubContentArn, hubContentArnPath));
        }
        if (s3Uri !== undefined) {
            out.references.push({ kind: "s3", path: s3UriPath, value: s3Uri });
        }
        if (hubContentArn !== undefined) {
            out.references.push({ kind: "arn", path: hubContentArnPath!, value: hubContentArn });
        }
        out.dataSources.push({ path: s.path, s3Uri, s3UriPath, acceptEula, acceptEulaPath, hubContentArn, hubContentArnPath });
    }
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
 * config key the provider falls back to, read with pulumi.Config (PULUMI_CONFIG). Pulumi 3.259 does
 * not pass the stack config to Node.js policy packs (RunPlugin sets no PULUMI_CONFIG and
 * @pulumi/policy ignores ConfigureStack), so for our resources the provider's check records the
 * region in the `region` input (provider/common/region.ts); the config step is for engines that do.
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
    props[view.dialect.enableNetworkIsolation] = true;
    return props;
}
