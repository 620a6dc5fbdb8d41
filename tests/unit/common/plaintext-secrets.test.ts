// Which Environment keys name a secret (issue 25, item 2). Expected values are an independent table
// of real variable names: the secrets the issue names and ones containers use, and the false-positive
// class (keys about a secret, counts of LLM tokens, words that merely start with a secret word).
import * as assert from "assert";
import {
    ENVIRONMENT_PATHS, isSecretReference, keyWords, plaintextSecretMessage, plaintextSecretsIn, secretWordIn,
} from "../../../provider/common/plaintext-secrets";
import { SHAPES } from "../../../provider/shapes/validate";

/** Keys that hold a secret, with the word that says so. */
const SECRET_KEYS: Record<string, string> = {
    HF_TOKEN: "token",
    HUGGING_FACE_HUB_TOKEN: "token",
    DB_PASSWORD: "password",
    apiKey: "api key",
    OPENAI_API_KEY: "api key",
    "x-api-key": "api key",
    APIKEY: "apikey",
    hfAPIToken: "token",
    PRIVATE_KEY: "private key",
    sshPrivateKey: "private key",
    AWS_SECRET_ACCESS_KEY: "secret",
    CLIENT_SECRET: "secret",
    GIT_CREDENTIALS: "credentials",
    REDIS_PASSWD: "passwd",
    "db.password": "password",
    SECRET_KEY_BASE: "secret",
};

/** Keys that do not hold a secret though a secret word is near, each a class of false positive. */
const NOT_SECRET_KEYS = [
    "TOKENIZER_PATH", // a word that starts with "token"
    "MAX_NEW_TOKENS", "MAX_INPUT_TOKENS", "MAX_TOTAL_TOKENS", // LLM token counts (plural)
    "MAX_TOKEN", "NUM_SECRETS", // a bound or a count
    "HF_TOKEN_PATH", "DB_PASSWORD_FILE", "API_KEY_SECRET_ARN", "SECRET_NAME", "TOKEN_URL", "TOKEN_TTL", "SECRETS_MANAGER_REGION", // about a secret
    "SM_NUM_GPUS", "HF_MODEL_ID", "PASSTHROUGH", "KEY", "S3_KEY", "AWS_ACCESS_KEY_ID", "PWD", "SAGEMAKER_PROGRAM",
];

describe("plaintext secrets: which keys name a secret", () => {
    for (const [key, word] of Object.entries(SECRET_KEYS)) {
        it(`${key} names a secret ("${word}")`, () => assert.strictEqual(secretWordIn(key), word));
    }
    for (const key of NOT_SECRET_KEYS) {
        it(`${key} does not`, () => assert.strictEqual(secretWordIn(key), undefined));
    }

    it("splits keys into words at separators and camelCase humps", () => {
        assert.deepStrictEqual(keyWords("OPENAI_API_KEY"), ["openai", "api", "key"]);
        assert.deepStrictEqual(keyWords("hfAPIToken"), ["hf", "api", "token"]);
        assert.deepStrictEqual(keyWords("db.password-2"), ["db", "password", "2"]);
        assert.deepStrictEqual(keyWords("__"), []);
    });

    it("values that name where a secret is, or hold nothing, are references", () => {
        for (const v of ["arn:aws:secretsmanager:us-east-1:123456789012:secret:hf-AbCdEf", "/run/secrets/hf", "", "  "]) {
            assert.ok(isSecretReference(v), v);
        }
        for (const v of ["hf_abcdefghijklmnop", "s3cr3t", "arn"]) {
            assert.ok(!isSecretReference(v), v);
        }
    });
});

describe("plaintext secrets: findings in one Environment map", () => {
    const env = {
        HF_TOKEN: "hf_abc", DB_PASSWORD: "pw", TOKENIZER_PATH: "/opt/tok", MAX_NEW_TOKENS: "512",
        API_KEY_SECRET_ARN: "arn:aws:secretsmanager:us-east-1:1:secret:x", PRIVATE_KEY: "/run/key.pem", CLIENT_SECRET: 42,
    };

    it("reports each plaintext string under a secret key, with its path", () => {
        assert.deepStrictEqual(plaintextSecretsIn(env, "PrimaryContainer.Environment", () => true), [
            { path: "PrimaryContainer.Environment.HF_TOKEN", key: "HF_TOKEN", word: "token" },
            { path: "PrimaryContainer.Environment.DB_PASSWORD", key: "DB_PASSWORD", word: "password" },
        ]);
    });

    it("reports nothing the caller knows to be secret or unknown", () => {
        assert.deepStrictEqual(plaintextSecretsIn(env, "E", (v) => v !== "hf_abc").map((f) => f.key), ["DB_PASSWORD"]);
        assert.deepStrictEqual(plaintextSecretsIn(env, "E", () => false), []);
    });

    it("ignores what is not a map", () => {
        for (const v of [undefined, null, "HF_TOKEN=x", ["HF_TOKEN"]]) {
            assert.deepStrictEqual(plaintextSecretsIn(v, "E", () => true), []);
        }
    });

    it("the warning names the resource, the path, the key and both fixes", () => {
        const [finding] = plaintextSecretsIn({ HF_TOKEN: "hf_abc" }, "Containers[1].Environment", () => true);
        const message = plaintextSecretMessage("Model \"llm\"", finding);
        assert.match(message, /^Model "llm": Containers\[1\]\.Environment\.HF_TOKEN is a plaintext value under a key that names a secret/);
        assert.match(message, /HF_TOKEN: pulumi\.secret\(process\.env\.HF_TOKEN\)/);
        assert.match(message, /`pulumi config set --secret HF_TOKEN <value>`/);
        assert.ok(!message.includes("hf_abc"), "the value is never shown");
    });
});

describe("plaintext secrets: where Environment maps are", () => {
    /** Every map member named *Environment reachable from an operation's input, in the API model. */
    function environmentPaths(shapeName: string, path = "", seen: string[] = []): string[] {
        const shape = SHAPES.shapes[shapeName];
        if (!shape || seen.includes(shapeName)) {
            return [];
        }
        if (shape.type === "list") {
            return environmentPaths(shape.member!, `${path}[]`, [...seen, shapeName]);
        }
        if (shape.type !== "structure") {
            return [];
        }
        return Object.entries(shape.members ?? {}).flatMap(([member, memberShape]) => {
            const at = path === "" ? member : `${path}.${member}`;
            const here = /Environment$/.test(member) && SHAPES.shapes[memberShape]?.type === "map" ? [at] : [];
            return [...here, ...environmentPaths(memberShape, at, [...seen, shapeName])];
        });
    }

    it("the model's are every Environment map of CreateModel", () => {
        assert.deepStrictEqual([...ENVIRONMENT_PATHS.model].sort(), environmentPaths("CreateModelInput").sort());
    });

    it("the model package's are every Environment map of CreateModelPackage", () => {
        assert.deepStrictEqual([...ENVIRONMENT_PATHS["model-package"]].sort(), environmentPaths("CreateModelPackageInput").sort());
    });
});
