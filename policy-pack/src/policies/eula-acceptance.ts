// sagemaker-eula-acceptance: gated models need an explicit AcceptEula, and only approved models get one.
import { ResourceValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { DataSource, isUnknown, Maybe, normalize, SageMakerResource, show } from "../normalize";
import { globMatch, parseArn, parseS3 } from "../normalize/locations";
import { configWithDefaults, Findings, label, OnUnknown, onUnknownSchema, PolicySettings, settle, withDefaults } from "./common";

export interface ApprovedModel {
    modelId?: string;
    location?: string;
    approvedBy: string;
    ticket: string;
}

export interface EulaAcceptanceConfig {
    gatedS3Locations: string[];
    gatedHubContentArns: string[];
    approvedModels: ApprovedModel[];
    onUnknown: OnUnknown;
}

// Gated families in SageMaker JumpStart: everything in the private (gated) cache buckets, and the
// Meta Llama and Google Gemma families wherever they are served from.
const GATED_FAMILIES = ["meta-textgeneration*", "meta-textgenerationneuron*", "meta-vlm*", "huggingface-llm-gemma*"];

export const DEFAULT_GATED_S3_LOCATIONS = [
    "s3://jumpstart-private-cache-prod-*",
    ...GATED_FAMILIES.map(f => `s3://jumpstart-cache-prod-*/${f}`),
];

export const DEFAULT_GATED_HUB_CONTENT_ARNS = GATED_FAMILIES.map(f => `arn:aws*:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/${f}`);

export const eulaAcceptanceDefaults: EulaAcceptanceConfig = {
    gatedS3Locations: DEFAULT_GATED_S3_LOCATIONS,
    gatedHubContentArns: DEFAULT_GATED_HUB_CONTENT_ARNS,
    approvedModels: [],
    onUnknown: "warn",
};

type Tri = boolean | "unknown";

/** JumpStart model id: from a hub content ARN (…/Model/<id>/<version>). */
function hubModelId(arn: string): string | undefined {
    const m = /^hub-content\/[^/]+\/Model\/([^/]+)/.exec(parseArn(arn)?.resource ?? "");
    return m?.[1];
}

function describeSource(ds: DataSource): string {
    const parts: string[] = [];
    if (typeof ds.s3Uri === "string") {
        parts.push(JSON.stringify(ds.s3Uri));
    }
    if (typeof ds.hubContentArn === "string") {
        parts.push(`hub content ${JSON.stringify(ds.hubContentArn)}`);
    }
    return parts.join(" / ") || ds.path;
}

function suggestedId(ds: DataSource): string {
    if (typeof ds.hubContentArn === "string") {
        const id = hubModelId(ds.hubContentArn);
        if (id) {
            return id;
        }
    }
    // JumpStart keys read <family>/<model-id>/artifacts/...: the second segment is the id.
    const key = typeof ds.s3Uri === "string" ? parseS3(ds.s3Uri)?.key.split("/") : undefined;
    return key && key.length > 1 && key[1] ? key[1] : "<model-id>";
}

function gated(ds: DataSource, cfg: EulaAcceptanceConfig): { value: Tri; pattern?: string; by?: string } {
    const match = (v: Maybe<string>, patterns: string[], by: string) => {
        if (typeof v !== "string") {
            return undefined;
        }
        const pattern = patterns.find(p => globMatch(v, p));
        return pattern ? { value: true as Tri, pattern, by } : undefined;
    };
    const hit = match(ds.s3Uri, cfg.gatedS3Locations, "gatedS3Locations") ?? match(ds.hubContentArn, cfg.gatedHubContentArns, "gatedHubContentArns");
    if (hit) {
        return hit;
    }
    return { value: isUnknown(ds.s3Uri) || isUnknown(ds.hubContentArn) ? "unknown" : false };
}

function approved(ds: DataSource, cfg: EulaAcceptanceConfig): Tri {
    const s3 = typeof ds.s3Uri === "string" ? ds.s3Uri : undefined;
    const hub = typeof ds.hubContentArn === "string" ? ds.hubContentArn : undefined;
    const keySegments = s3 ? parseS3(s3)?.key.split("/") ?? [] : [];
    const ok = cfg.approvedModels.some(a => {
        if (a.modelId && ((hub && hubModelId(hub) === a.modelId) || keySegments.includes(a.modelId))) {
            return true;
        }
        return !!a.location && [s3, hub].some(v => v !== undefined && globMatch(v, a.location!));
    });
    if (ok) {
        return true;
    }
    return isUnknown(ds.s3Uri) || isUnknown(ds.hubContentArn) ? "unknown" : false;
}

/** The data source's location that is unknown (an S3 URI or hub content ARN). */
function unknownLocation(ds: DataSource): { path: string } {
    return isUnknown(ds.s3Uri) ? ds.s3Uri : isUnknown(ds.hubContentArn) ? ds.hubContentArn : { path: ds.path };
}

function checkDataSource(view: SageMakerResource, ds: DataSource, cfg: EulaAcceptanceConfig, f: Findings): void {
    const accept = ds.acceptEula;
    const g = gated(ds, cfg);
    const id = suggestedId(ds);
    const approval = `{"modelId": "${id}", "approvedBy": "<who reviewed the EULA>", "ticket": "<ticket>"}`;
    if (isUnknown(accept)) {
        if (g.value === false && approved(ds, cfg) === true) {
            return; // whatever it turns out to be, it is allowed
        }
        f.unknown(accept, "a gated model may go without an explicit EULA acceptance, or an unapproved model may accept one");
        return;
    }
    if (accept === true) {
        const a = approved(ds, cfg);
        if (a === "unknown") {
            f.unknown(unknownLocation(ds), "the accepted model cannot be matched against approvedModels");
        } else if (!a) {
            f.violation(`${label(view)}: ${ds.acceptEulaPath} is true for ${describeSource(ds)} (model id "${id}"), which is not in ` +
                `approvedModels. Fix: after legal review, add ${approval} (or "location" instead of "modelId") to the ` +
                `sagemaker-eula-acceptance config, or remove the acceptance.`);
        }
        return;
    }
    if (g.value === true) {
        f.violation(`${label(view)}: ${describeSource(ds)} is a gated model source (matches ${g.by} "${g.pattern}") but ` +
            `${ds.acceptEulaPath} is ${show(accept)}; SageMaker will not deploy it without an explicit acceptance. Fix: after legal ` +
            `review of the model's EULA, set ${ds.acceptEulaPath}: true and add ${approval} to approvedModels.`);
    } else if (g.value === "unknown") {
        f.unknown(unknownLocation(ds), "it may be a gated model source used without an explicit EULA acceptance");
    }
}

const NAME = "sagemaker-eula-acceptance";

const properties: Record<keyof EulaAcceptanceConfig, PolicyConfigJSONSchema> = {
    gatedS3Locations: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "S3 locations of gated models: globs (* any characters) or prefixes. Replaces the defaults.",
    },
    gatedHubContentArns: {
        type: "array",
        items: { type: "string", minLength: 1 },
        description: "Hub content ARNs of gated models: globs or prefixes. Replaces the defaults.",
    },
    approvedModels: {
        type: "array",
        description: "Models whose EULA was reviewed: a modelId (JumpStart id) or a location (glob/prefix of an S3 URI or hub content ARN), with approvedBy and ticket.",
        items: {
            type: "object",
            properties: {
                modelId: { type: "string", minLength: 1 },
                location: { type: "string", minLength: 1 },
                approvedBy: { type: "string", minLength: 1 },
                ticket: { type: "string", minLength: 1 },
            },
            required: ["approvedBy", "ticket"],
            // With no other properties allowed, three or more means modelId or location is there.
            minProperties: 3,
            additionalProperties: false,
        },
    },
    onUnknown: onUnknownSchema("warn"),
};

/** The policy with these settings as its defaults (and level). */
export function eulaAcceptancePolicy(settings?: PolicySettings<EulaAcceptanceConfig>): ResourceValidationPolicy {
    const { config: defaults, level } = settle(NAME, eulaAcceptanceDefaults, Object.keys(properties), settings);
    return {
        name: NAME,
        description: "SageMaker models from gated sources must accept the EULA explicitly, and only models approved in config may accept it.",
        enforcementLevel: level ?? "mandatory",
        severity: "high",
        tags: ["sagemaker", "licensing", "compliance"],
        remediationSteps:
            "For a gated model (e.g. Meta Llama from SageMaker JumpStart), have the EULA reviewed, then set " +
            "ModelDataSource.S3DataSource.ModelAccessConfig.AcceptEula: true (modelAccessConfig.acceptEula with @pulumi/aws or " +
            "aws-native) and record the approval in this policy's approvedModels config: {modelId or location, approvedBy, ticket}. " +
            "A gated location cannot be used through ModelDataUrl: use ModelDataSource instead.",
        configSchema: { properties: withDefaults(properties, defaults) },
        validateResource: (args, report) => {
            const view = normalize(args);
            if (!view) {
                return;
            }
            const cfg = configWithDefaults(args.getConfig<Partial<EulaAcceptanceConfig>>(), defaults);
            const f = new Findings();
            for (const ds of view.dataSources) {
                checkDataSource(view, ds, cfg, f);
            }
            for (const url of view.modelDataUrls) {
                if (isUnknown(url.value)) {
                    continue; // a plain URL cannot accept a EULA; SageMaker itself rejects gated data there
                }
                const pattern = cfg.gatedS3Locations.find(p => globMatch(url.value as string, p));
                if (pattern) {
                    f.violation(`${label(view)}: ${url.path} ${JSON.stringify(url.value)} is a gated model source (matches gatedS3Locations ` +
                        `"${pattern}"), and a ModelDataUrl cannot carry a EULA acceptance. Fix: use ModelDataSource.S3DataSource with ` +
                        `ModelAccessConfig.AcceptEula: true (after legal review and an approvedModels entry) instead of ${url.path}.`);
                }
            }
            for (const u of view.opaque) {
                f.unknown(u, "it may hold a gated model source without an explicit EULA acceptance");
            }
            f.flush(report, cfg.onUnknown, view);
        },
    };
}

export const eulaAcceptance = eulaAcceptancePolicy();
