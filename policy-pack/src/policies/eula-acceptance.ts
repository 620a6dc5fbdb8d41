// sagemaker-eula-acceptance: gated models need an explicit AcceptEula, and only approved models get one.
// Locations are compared in their canonical form (the location parser's `s3://BUCKET/KEY`), so any
// spelling of a gated object is gated; an approval names one model exactly (no segment or substring match).
import { ResourceValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { ArnLocation, parseLocation } from "../locations";
import { DataSource, LocationRef, SageMakerResource } from "../normalize";
import { globMatch } from "../normalize/glob";
import { show } from "../normalize/text";
import { isUnknown } from "../normalize/unknowns";
import { at, configure, Findings, isTrue, label, OnUnknown, onUnknownSchema, perResource, PolicyInfo, PolicySettings, unrecognizedLocationsSchema } from "./common";

/**
 * One model whose EULA was reviewed. It names the model by `modelId` (a SageMaker JumpStart model
 * id: the SageMakerPublicHub hub content name, in any region) or by `hubContentArn` (one hub
 * content, public or private hub, without its version); `version` pins the hub content version;
 * `s3Prefixes` are the exact S3 locations of its artifacts (`s3://BUCKET/KEY/` covers what is below
 * it, a location without a trailing "/" only itself).
 */
export interface ApprovedModel {
    modelId?: string;
    hubContentArn?: string;
    version?: string;
    s3Prefixes?: string[];
    approvedBy: string;
    ticket: string;
}

export interface EulaAcceptanceConfig {
    gatedS3Locations: string[];
    gatedHubContentArns: string[];
    approvedModels: ApprovedModel[];
    unrecognizedLocations: "fail" | "warn";
    onUnknown: OnUnknown;
}

// Gated families in SageMaker JumpStart: everything in the private (gated) cache buckets, and the
// Meta Llama and Google Gemma families wherever they are served from.
const GATED_FAMILIES = ["meta-textgeneration*", "meta-textgenerationneuron*", "meta-vlm*", "huggingface-llm-gemma*"];

const DEFAULT_GATED_S3_LOCATIONS = [
    "s3://jumpstart-private-cache-prod-*",
    ...GATED_FAMILIES.map(f => `s3://jumpstart-cache-prod-*/${f}`),
];

const DEFAULT_GATED_HUB_CONTENT_ARNS = GATED_FAMILIES.map(f => `arn:aws*:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/${f}`);

export const eulaAcceptanceDefaults: EulaAcceptanceConfig = {
    gatedS3Locations: DEFAULT_GATED_S3_LOCATIONS,
    gatedHubContentArns: DEFAULT_GATED_HUB_CONTENT_ARNS,
    approvedModels: [],
    unrecognizedLocations: "fail",
    onUnknown: "warn",
};

const NAME = "sagemaker-eula-acceptance";

const properties: Record<keyof EulaAcceptanceConfig, PolicyConfigJSONSchema> = {
    gatedS3Locations: {
        type: "array",
        items: { type: "string", pattern: "^s3://." },
        description: "S3 locations of gated models, as s3:// globs (* any characters) or prefixes; any spelling of a location " +
            "(https, dual-stack, FIPS, ...) is compared in its s3://BUCKET/KEY form. Replaces the defaults.",
    },
    gatedHubContentArns: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "Hub content ARNs of gated models: globs or prefixes. Replaces the defaults.",
    },
    approvedModels: {
        type: "array",
        description: "Models whose EULA was reviewed, each named exactly: modelId (JumpStart id) or hubContentArn, optionally a " +
            "version, and the s3Prefixes of its artifacts; with approvedBy and ticket.",
        items: {
            type: "object",
            properties: {
                modelId: { type: "string", pattern: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$" },
                hubContentArn: { type: "string", pattern: "^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:(aws|[0-9]{12}):hub-content/[^/]+/[^/]+/[^/]+$" },
                version: { type: "string", pattern: "^[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}$" },
                s3Prefixes: { type: "array", minItems: 1, items: { type: "string", pattern: "^s3://[^/]+/." } },
                approvedBy: { type: "string", minLength: 1 },
                ticket: { type: "string", minLength: 1 },
            },
            required: ["approvedBy", "ticket"],
            oneOf: [{ required: ["modelId"] }, { required: ["hubContentArn"] }],
            additionalProperties: false,
            // @pulumi/policy's schema type lists no oneOf; the engine validates config with gojsonschema, which has it.
        } as PolicyConfigJSONSchema,
    },
    unrecognizedLocations: unrecognizedLocationsSchema,
    onUnknown: onUnknownSchema,
};

/** A hub content: arn:P:sagemaker:R:ACCOUNT:hub-content/HUB/TYPE/NAME[/VERSION], as what it names. */
interface HubContent {
    arn: string;
    partition: string;
    region?: string;
    account: string;
    hub: string;
    type: string;
    name: string;
    version?: string;
}

const HUB_CONTENT = /^hub-content\/([^/]{1,63})\/([^/]{1,63})\/([^/]{1,63})(?:\/(\d{1,4}\.\d{1,4}\.\d{1,4}))?$/;

function hubContent(arn: ArnLocation, raw: string): HubContent | undefined {
    const m = HUB_CONTENT.exec(arn.resource);
    if (arn.service !== "sagemaker" || !m) {
        return undefined;
    }
    const [, hub, type, name, version] = m;
    return { arn: raw, partition: arn.partition, region: arn.region, account: arn.account, hub, type, name, version };
}

/** An approval's hubContentArn, parsed by the same parser (the schema has checked its shape). */
function approvedHubContent(value: string): HubContent | undefined {
    const loc = parseLocation(value, "arn");
    return loc.kind === "arn" ? hubContent(loc, value) : undefined;
}

/** The same hub content whatever the version: compared part by part, never as strings. */
function sameContent(a: HubContent, b: HubContent): boolean {
    return a.partition === b.partition && a.region === b.region && a.account === b.account && a.hub === b.hub && a.type === b.type && a.name === b.name;
}

// The gated hub patterns lower-cased once per config, not once per location.
const lowered = new WeakMap<string[], string[]>();
function lowerCased(patterns: string[]): string[] {
    let out = lowered.get(patterns);
    if (!out) {
        out = patterns.map(p => p.toLowerCase());
        lowered.set(patterns, out);
    }
    return out;
}

/** What one location of a data source is, as far as this policy is concerned. */
type Judged =
    | { ref: LocationRef; state: "unknown" }
    | { ref: LocationRef; state: "unrecognized"; reason: string }
    | { ref: LocationRef; state: "s3"; canonical: string; gated?: string }
    | { ref: LocationRef; state: "hub"; hub: HubContent; gated?: string };

function judge(ref: LocationRef, cfg: EulaAcceptanceConfig): Judged {
    const v = ref.value;
    if (isUnknown(v)) {
        return { ref, state: "unknown" };
    }
    if (typeof v !== "string") {
        return { ref, state: "unrecognized", reason: "not a string" };
    }
    const loc = parseLocation(v, ref.member.kind);
    if (ref.member.kind === "arn") {
        const hub = loc.kind === "arn" ? hubContent(loc, v) : undefined;
        if (!hub) {
            return { ref, state: "unrecognized", reason: loc.kind === "other" ? loc.reason : "not a hub content ARN (…:hub-content/HUB/TYPE/NAME[/VERSION])" };
        }
        // Gating is matched without case: a hub or model name in another case is still the gated one (stricter).
        const lower = v.toLowerCase();
        const i = lowerCased(cfg.gatedHubContentArns).findIndex(p => globMatch(lower, p));
        return { ref, state: "hub", hub, gated: i < 0 ? undefined : cfg.gatedHubContentArns[i] };
    }
    if (loc.kind !== "s3") {
        return { ref, state: "unrecognized", reason: loc.kind === "other" ? loc.reason : "not an S3 location" };
    }
    return { ref, state: "s3", canonical: loc.canonical, gated: cfg.gatedS3Locations.find(p => globMatch(loc.canonical, p)) };
}

/** A location the policy could read: an S3 object or a hub content. */
type Known = Judged & { state: "s3" | "hub" };

function covers(a: ApprovedModel, j: Known): boolean {
    if (j.state === "s3") {
        return (a.s3Prefixes ?? []).some(p => (p.endsWith("/") ? j.canonical.startsWith(p) : j.canonical === p));
    }
    if (a.version !== undefined && j.hub.version !== a.version) {
        return false;
    }
    if (a.hubContentArn !== undefined) {
        const approved = approvedHubContent(a.hubContentArn);
        return approved !== undefined && approved.version === undefined && sameContent(approved, j.hub);
    }
    return j.hub.account === "aws" && j.hub.hub === "SageMakerPublicHub" && j.hub.type === "Model" && j.hub.name === a.modelId;
}

function describe(j: Judged): string {
    return j.state === "hub" ? `hub content ${show(j.hub.arn)}` : show(j.ref.value);
}

/** JumpStart keys read <family>/<model-id>/artifacts/...: the model's own folder, and its id. */
function modelFolder(canonical: string): { prefix: string; id?: string } {
    const parts = canonical.slice("s3://".length).split("/");
    const [bucket, family, id] = parts;
    return parts.length > 3 && family && id ? { prefix: `s3://${bucket}/${family}/${id}/`, id } : { prefix: canonical };
}

/** The approval to add, filled in from the data source's own locations. */
function suggestion(known: Judged[]): string {
    const hub = known.find(j => j.state === "hub");
    const folders = known.flatMap(j => (j.state === "s3" ? [modelFolder(j.canonical)] : []));
    const id = hub?.state === "hub"
        ? `"hubContentArn": ${JSON.stringify(hub.hub.version ? hub.hub.arn.slice(0, -(hub.hub.version.length + 1)) : hub.hub.arn)}${hub.hub.version ? `, "version": "${hub.hub.version}"` : ""}`
        : `"modelId": ${JSON.stringify(folders.find(f => f.id)?.id ?? "<model-id>")}`;
    const s3 = folders.length > 0 ? `, "s3Prefixes": ${JSON.stringify([...new Set(folders.map(f => f.prefix))])}` : "";
    return `{${id}${s3}, "approvedBy": "<who reviewed the EULA>", "ticket": "<ticket>"}`;
}

function unrecognized(view: SageMakerResource, j: Judged & { state: "unrecognized" }, cfg: EulaAcceptanceConfig, f: Findings): void {
    f.levelled(cfg.unrecognizedLocations, `${label(view)}: ${at(j.ref)} is not a location this policy can read (${j.reason}), so it cannot ` +
        `tell whether it is a gated model. Fix: write it as s3://BUCKET/KEY (or an https S3 URL${j.ref.member.kind === "arn" ? "; a hub content ARN" : ""}), ` +
        `or set unrecognizedLocations to "warn".`);
}

function judgeDataSource(view: SageMakerResource, ds: DataSource, cfg: EulaAcceptanceConfig, f: Findings): void {
    const judged = [...ds.s3, ...(ds.hubContentArn ? [ds.hubContentArn] : [])].map(r => judge(r, cfg));
    const unknown = judged.filter(j => j.state === "unknown");
    const known = judged.filter((j): j is Known => j.state === "s3" || j.state === "hub");
    let understood = true;
    for (const j of judged) {
        if (j.state === "unrecognized") {
            unrecognized(view, j, cfg, f);
            understood = false;
        }
    }
    const gated = known.find(j => j.gated !== undefined) as (Known & { gated: string }) | undefined;
    const approval = known.length > 0 ? cfg.approvedModels.find(a => known.every(j => covers(a, j))) : undefined;
    const accept = ds.acceptEula;
    f.misspelt(view, accept, "the EULA acceptance");
    if (isUnknown(accept.value)) {
        if (!gated && unknown.length === 0 && understood && approval) {
            return; // whatever it turns out to be, it is allowed
        }
        f.unknown(accept.value, "a gated model may go without an explicit EULA acceptance, or an unapproved model may accept one");
        return;
    }
    if (isTrue(accept.value)) {
        if (unknown.length > 0) {
            f.unknown(unknown[0].ref.value as { path: string }, "the accepted model cannot be matched against approvedModels");
        } else if (understood && !approval) {
            const partial = cfg.approvedModels.find(a => known.some(j => covers(a, j)));
            const why = partial
                ? ` (the entry ${JSON.stringify(partial.modelId ?? partial.hubContentArn)} covers ${known.filter(j => covers(partial, j)).map(describe).join(" and ")} ` +
                  `but not ${known.filter(j => !covers(partial, j)).map(describe).join(" and ")}: one entry must cover every location of the data source)`
                : "";
            f.violation(`${label(view)}: ${accept.path} is true for ${known.map(describe).join(" / ") || ds.path}, which no approvedModels entry covers${why}. ` +
                `Fix: after legal review, add ${suggestion(known)} to the sagemaker-eula-acceptance config, or remove the acceptance.`);
        }
        return;
    }
    if (gated) {
        const by = gated.state === "hub" ? "gatedHubContentArns" : "gatedS3Locations";
        f.violation(`${label(view)}: ${describe(gated)} is a gated model source (matches ${by} "${gated.gated}") but ` +
            `${accept.path} is ${show(accept.value)}; SageMaker will not deploy it without an explicit acceptance. Fix: after legal ` +
            `review of the model's EULA, set ${accept.path}: true and add ${suggestion(known)} to approvedModels.`);
    } else if (unknown.length > 0) {
        f.unknown(unknown[0].ref.value as { path: string }, "it may be a gated model source used without an explicit EULA acceptance");
    }
}

/** S3 locations outside model data sources (ModelDataUrl, AdditionalS3DataSource, ...): they cannot carry an acceptance. */
function judgePlainLocation(view: SageMakerResource, ref: LocationRef, cfg: EulaAcceptanceConfig, f: Findings): void {
    const j = judge(ref, cfg);
    if (j.state === "unrecognized") {
        unrecognized(view, j, cfg, f);
    } else if (j.state === "unknown") {
        f.unknown(ref.value as { path: string }, `it may be a gated model source, which a ${ref.member.path.split(".").pop()} cannot accept a EULA for`);
    } else if (j.state === "s3" && j.gated) {
        f.violation(`${label(view)}: ${at(ref)} is a gated model source (matches gatedS3Locations "${j.gated}"), and a ${ref.member.path.split(".").pop()} ` +
            `cannot carry a EULA acceptance. Fix: use ModelDataSource.S3DataSource with ModelAccessConfig.AcceptEula: true (after legal ` +
            `review and an approvedModels entry) instead of ${ref.path}.`);
    }
}

const INFO: PolicyInfo = {
    description: "SageMaker models from gated sources must accept the EULA explicitly, and only models approved in config may accept it.",
    severity: "high",
    tags: ["sagemaker", "licensing", "compliance"],
    remediationSteps:
        "For a gated model (e.g. Meta Llama from SageMaker JumpStart), have the EULA reviewed, then set " +
        "ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula: true (modelAccessConfig.acceptEula with @pulumi/aws or " +
        "aws-native) and record the approval in this policy's approvedModels config: {modelId or hubContentArn, version?, " +
        "s3Prefixes, approvedBy, ticket}. A gated location cannot be used through ModelDataUrl: use ModelDataSource instead.",
};

/** The policy with these settings as its defaults (and level). */
export function eulaAcceptancePolicy(settings?: PolicySettings<EulaAcceptanceConfig>): ResourceValidationPolicy {
    const { defaults, base } = configure(NAME, INFO, eulaAcceptanceDefaults, properties, settings);
    return {
        ...base,
        validateResource: perResource(defaults, (_args, view, cfg, f) => {
            for (const ds of view.dataSources) {
                judgeDataSource(view, ds, cfg, f);
            }
            for (const ref of view.locations) {
                if (ref.member.kind === "s3" && ref.member.dataSource === undefined) {
                    judgePlainLocation(view, ref, cfg, f);
                }
            }
            for (const u of view.opaque) {
                f.unknown(u, "it may hold a gated model source without an explicit EULA acceptance");
            }
        }),
    };
}

export const eulaAcceptance = eulaAcceptancePolicy();
