// Which container `Environment` keys name a secret, and where those maps are: the ONE detection
// behind the resources' preview warning (provider/common/secret-warnings.ts) and the pack's
// `sagemaker-plaintext-secrets` policy. The pack is its own npm package, so `npm run
// generate:policy-data` copies this file verbatim into policy-pack/src/generated/ (a unit test
// fails when the copy differs). No imports: the copy compiles on its own.

/**
 * The word sequences that make a key name a secret, matched against the key's words (split at
 * `_`, `-`, `.`, spaces and camelCase humps, case-insensitively): `HF_TOKEN`, `DB_PASSWORD`,
 * `apiKey`, `OPENAI_API_KEY`, `PRIVATE_KEY`, `GIT_CREDENTIALS`. Whole words only, so
 * `TOKENIZER_PATH` is no match; `token` is singular only, since `MAX_NEW_TOKENS` counts tokens.
 */
export const SECRET_WORDS: readonly string[] = [
    "token", "secret", "secrets", "password", "passwd", "passphrase", "api key", "apikey", "private key", "privatekey",
    "credential", "credentials",
];

/**
 * A key whose LAST word is one of these names something about a secret, not the secret itself:
 * `HF_TOKEN_PATH`, `DB_PASSWORD_FILE`, `API_KEY_SECRET_ARN`, `SECRET_NAME`, `OAUTH_TOKEN_URL`,
 * `TOKEN_TTL`, `SECRETS_MANAGER_REGION`.
 */
export const REFERENCE_WORDS: readonly string[] = [
    "path", "file", "dir", "name", "id", "arn", "url", "uri", "endpoint", "region", "type", "length", "size", "count", "limit",
    "ttl", "timeout", "expiry", "expiration", "header", "prefix", "version", "mode", "enabled",
];

/** A key whose FIRST word is one of these counts or bounds something: `MAX_TOKEN`, `NUM_SECRETS`. */
export const QUANTITY_WORDS: readonly string[] = ["max", "min", "num"];

/**
 * Where SageMaker's create inputs hold container environment maps, as SDK member paths (`[]` after
 * a list member). A unit test compares the list with every map member named Environment reachable
 * from CreateModel and CreateModelPackage in the API model.
 */
export const ENVIRONMENT_PATHS = {
    "model": ["PrimaryContainer.Environment", "Containers[].Environment"],
    "model-package": [
        "InferenceSpecification.Containers[].Environment",
        "AdditionalInferenceSpecifications[].Containers[].Environment",
        "ValidationSpecification.ValidationProfiles[].TransformJobDefinition.Environment",
    ],
} as const;

/** The words of a key, lower case: `OPENAI_API_KEY` -> openai, api, key; `hfAPIToken` -> hf, api, token. */
export function keyWords(key: string): string[] {
    return key
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
        .split(/[^A-Za-z0-9]+/)
        .filter((w) => w !== "")
        .map((w) => w.toLowerCase());
}

/** The phrase of SECRET_WORDS the key contains as whole words (`api key`), or undefined. */
export function secretWordIn(key: string): string | undefined {
    const words = keyWords(key);
    if (words.length === 0 || REFERENCE_WORDS.includes(words[words.length - 1]) || QUANTITY_WORDS.includes(words[0])) {
        return undefined;
    }
    return SECRET_WORDS.find((phrase) => {
        const wanted = phrase.split(" ");
        return words.some((_, i) => wanted.every((w, j) => words[i + j] === w));
    });
}

/**
 * A value that names where a secret is rather than holding it: an ARN (Secrets Manager, SSM) or an
 * absolute file path. Empty values hold nothing either.
 */
export function isSecretReference(value: string): boolean {
    return value.trim() === "" || value.startsWith("arn:") || value.startsWith("/");
}

/** One plaintext value under a key that names a secret. */
export interface PlaintextSecret {
    /** The SDK path of the value, e.g. `Containers[1].Environment.HF_TOKEN`. */
    path: string;
    key: string;
    /** The phrase of SECRET_WORDS the key contains. */
    word: string;
}

/**
 * The entries of one environment map at `path` that hold a plaintext secret. `isPlain(value)` says
 * whether the caller knows the value to be a plain string (not marked secret, not unknown).
 */
export function plaintextSecretsIn(environment: unknown, path: string, isPlain: (value: unknown) => boolean): PlaintextSecret[] {
    if (typeof environment !== "object" || environment === null || Array.isArray(environment)) {
        return [];
    }
    const found: PlaintextSecret[] = [];
    for (const [key, value] of Object.entries(environment as Record<string, unknown>)) {
        const word = secretWordIn(key);
        if (word !== undefined && typeof value === "string" && !isSecretReference(value) && isPlain(value)) {
            found.push({ path: `${path}.${key}`, key, word });
        }
    }
    return found;
}

/** The warning for one finding: the resource, the key, why, and the fix. `what` names the resource, e.g. `Model "churn"`. */
export function plaintextSecretMessage(what: string, secret: PlaintextSecret): string {
    return `${what}: ${secret.path} is a plaintext value under a key that names a secret (the word "${secret.word}"), ` +
        "so it is stored unencrypted in the stack's state and shown in diffs. " +
        `Fix: pass it as a secret, e.g. ${secret.key}: pulumi.secret(process.env.${secret.key}) or ` +
        `config.requireSecret("${secret.key}") after \`pulumi config set --secret ${secret.key} <value>\`; ` +
        "if the key holds no secret, rename it or ignore this warning.";
}
