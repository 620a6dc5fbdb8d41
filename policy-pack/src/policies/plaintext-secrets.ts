// sagemaker-plaintext-secrets (opt-in, advisory by default): a literal value under a container
// Environment key that names a secret (HF_TOKEN, DB_PASSWORD, apiKey: the detection the resources'
// own preview warning uses, generated/plaintext-secrets.ts). A policy cannot see whether the value
// was passed with pulumi.secret: @pulumi/policy 1.21 hands validateResource plain values
// (server.js: deserializeProperties(req.getProperties(), false) unwraps secrets). So the rule is
// about the value being in the model's definition at all, which SageMaker also returns in
// plaintext (DescribeModel, DescribeModelPackage); keys that hold no secret are exempted by config.
import { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { ENVIRONMENT_PATHS, plaintextSecretsIn } from "../generated/plaintext-secrets";
import { globMatch } from "../normalize/glob";
import { normalize, SageMakerResource } from "../normalize";
import { isUnknown, read } from "../normalize/unknowns";
import { configure, configWithDefaults, Findings, label, PolicyInfo, PolicySettings } from "./common";

export interface PlaintextSecretsConfig {
    ignoreKeys: { keyPattern: string; reason: string }[];
}

export const plaintextSecretsDefaults: PlaintextSecretsConfig = { ignoreKeys: [] };

const NAME = "sagemaker-plaintext-secrets";

const properties: Record<keyof PlaintextSecretsConfig, PolicyConfigJSONSchema> = {
    ignoreKeys: {
        type: "array",
        description: "Environment keys that name a secret but hold none: keyPattern (glob, * and ?, any case) and why.",
        items: {
            type: "object",
            properties: { keyPattern: { type: "string", minLength: 1 }, reason: { type: "string", minLength: 1 } },
            required: ["keyPattern", "reason"],
            additionalProperties: false,
        },
    },
};

/** Every Environment map of the resource, at its SDK paths spelled the resource's way, with its path. */
function environmentMaps(view: SageMakerResource, props: Record<string, unknown>): { map: unknown; path: string }[] {
    const found: { map: unknown; path: string }[] = [];
    for (const sdkPath of ENVIRONMENT_PATHS[view.kind]) {
        let nodes: { value: unknown; path: string }[] = [{ value: props, path: "" }];
        for (const step of sdkPath.split(".")) {
            const list = step.endsWith("[]");
            const key = view.dialect.member(list ? step.slice(0, -2) : step);
            nodes = nodes.flatMap(({ value, path }) => {
                const at = path === "" ? key : `${path}.${key}`;
                const child = read(value, key, at);
                if (!list) {
                    return [{ value: child, path: at }];
                }
                return Array.isArray(child) ? child.map((_, i) => ({ value: read(child, i, `${at}[${i}]`), path: `${at}[${i}]` })) : [];
            });
        }
        found.push(...nodes.filter((n) => !isUnknown(n.value)).map((n) => ({ map: n.value, path: n.path })));
    }
    return found;
}

/**
 * A map's entries read one by one, so an unknown value is an Unknown rather than a thrown error.
 * Anything but an object (absent, null, a string, a list) has no key that names a secret.
 */
function knownEntries(map: unknown, path: string): Record<string, unknown> {
    return Object.fromEntries(Object.keys(Object(map)).map((k) => [k, read(map, k, `${path}.${k}`)]));
}

const INFO: PolicyInfo = {
    description: "Container Environment values under keys that name a secret (token, secret, password, API key, private key, credentials) " +
        "should not be written into SageMaker models as literals.",
    severity: "medium",
    tags: ["sagemaker", "secrets", "security"],
    remediationSteps:
        "Pass the value with pulumi.secret(...) or config.requireSecret(...) after `pulumi config set --secret KEY VALUE`, so Pulumi " +
        "keeps it encrypted; better, have the container read it from AWS Secrets Manager at start and pass the secret's ARN. " +
        "A key that holds no secret: add {\"keyPattern\": \"KEY\", \"reason\": \"...\"} to this policy's ignoreKeys.",
};

/** The findings for one resource; an unknown value is never judged (it is no literal). */
function judge(args: ResourceValidationArgs, view: SageMakerResource, cfg: PlaintextSecretsConfig, f: Findings): void {
    for (const { map, path } of environmentMaps(view, args.props)) {
        for (const secret of plaintextSecretsIn(knownEntries(map, path), path, (v) => !isUnknown(v))) {
            if (cfg.ignoreKeys.some((i) => globMatch(secret.key.toLowerCase(), i.keyPattern.toLowerCase(), true))) {
                continue;
            }
            f.violation(`${label(view)}: ${secret.path} holds a literal value under a key that names a secret (the word "${secret.word}"). ` +
                "A policy cannot see whether it was passed with pulumi.secret, and SageMaker returns a container's Environment in " +
                `plaintext to anyone allowed to describe the ${view.kind === "model" ? "model" : "model package"}. ` +
                `Fix: pass it with pulumi.secret(...) or config.requireSecret("${secret.key}") after ` +
                `\`pulumi config set --secret ${secret.key} <value>\`, or have the container read it from AWS Secrets Manager; ` +
                `if it holds no secret, add {"keyPattern": "${secret.key}", "reason": "..."} to ${NAME}'s ignoreKeys.`);
        }
    }
}

/** The policy with these settings as its defaults; its level is advisory unless the settings give one. */
export function plaintextSecretsPolicy(settings?: PolicySettings<PlaintextSecretsConfig>): ResourceValidationPolicy {
    const levelled: PolicySettings<PlaintextSecretsConfig> = settings === undefined ? "advisory"
        : typeof settings === "string" ? settings : { ...settings, enforcementLevel: settings.enforcementLevel ?? "advisory" };
    const { defaults, base } = configure(NAME, INFO, plaintextSecretsDefaults, properties, levelled);
    return {
        ...base,
        validateResource: (args: ResourceValidationArgs, report: ReportViolation) => {
            const view = normalize(args);
            if (!view) {
                return;
            }
            const f = new Findings();
            judge(args, view, configWithDefaults(args.getConfig<Partial<PlaintextSecretsConfig>>(), defaults), f);
            f.flush(report, "warn", view);
        },
    };
}

export const plaintextSecrets = plaintextSecretsPolicy();
