// The preview warning for a secret written in plaintext in a container's Environment. It runs in the
// program (the resource's constructor), not in check(): the dynamic-provider host answers Configure
// with acceptSecrets=false, so the engine strips the secret marker from the inputs check() receives
// (sdk/go/common/resource/plugin/provider_plugin.go, Check: KeepSecrets: protocol.acceptSecrets) and
// check() cannot tell `pulumi.secret("x")` from "x". Here each Input still says so (pulumi.isSecret).
import * as pulumi from "@pulumi/pulumi";
import { ENVIRONMENT_PATHS, plaintextSecretMessage, plaintextSecretsIn } from "./plaintext-secrets";

/** A resolved Input: its value, whether it or anything around it is secret, or unknown (preview). */
type Resolved = { known: true; value: unknown; secret: boolean } | { known: false };

/**
 * The value of an Input. `isKnown` is not in @pulumi/pulumi's typings but has been on every Output
 * since 1.x; where it is missing the value counts as known (apply then decides).
 */
async function resolve(node: unknown, secret: boolean): Promise<Resolved> {
    if (pulumi.Output.isInstance(node)) {
        const output = node as pulumi.Output<unknown>;
        const isKnown = (output as unknown as { isKnown?: Promise<boolean> }).isKnown;
        const [isSecret, known] = await Promise.all([pulumi.isSecret(output), isKnown ?? Promise.resolve(true)]);
        if (!known) {
            return { known: false };
        }
        const value = await new Promise<unknown>((done) => output.apply((v) => done(v)));
        return resolve(value, secret || isSecret);
    }
    if (node instanceof Promise) {
        return resolve(await node, secret);
    }
    return { known: true, value: node, secret };
}

interface EnvironmentMap {
    path: string;
    entries: { key: string; value: unknown }[];
}

/** The known, non-secret entries of every Environment map at an SDK member path (`Containers[].Environment`). */
async function environmentMaps(node: unknown, steps: string[], path: string, secret: boolean): Promise<EnvironmentMap[]> {
    const here = await resolve(node, secret);
    if (!here.known || here.secret || typeof here.value !== "object" || here.value === null) {
        return [];
    }
    const value = here.value as Record<string, unknown>;
    if (steps.length === 0) {
        const entries = await Promise.all(Object.entries(value).map(async ([key, v]) => {
            const entry = await resolve(v, false);
            return entry.known && !entry.secret ? [{ key, value: entry.value }] : [];
        }));
        return [{ path, entries: entries.flat() }];
    }
    const [step, ...rest] = steps;
    const list = step.endsWith("[]");
    const name = list ? step.slice(0, -2) : step;
    const at = path === "" ? name : `${path}.${name}`;
    if (!list) {
        return environmentMaps(value[name], rest, at, false);
    }
    const items = await resolve(value[name], false);
    if (!items.known || items.secret || !Array.isArray(items.value)) {
        return [];
    }
    const found = await Promise.all(items.value.map((item, i) => environmentMaps(item, rest, `${at}[${i}]`, false)));
    return found.flat();
}

/** The warnings for one resource's arguments: each Environment value under a key that names a secret that is a plain string. */
export async function plaintextSecretWarnings(kind: string, name: string, args: Record<string, unknown>): Promise<string[]> {
    const paths: readonly string[] = kind === "Model" ? ENVIRONMENT_PATHS.model : kind === "ModelPackage" ? ENVIRONMENT_PATHS["model-package"] : [];
    const maps = (await Promise.all(paths.map((p) => environmentMaps(args, p.split("."), "", false)))).flat();
    return maps.flatMap((m) => plaintextSecretsIn(Object.fromEntries(m.entries.map((e) => [e.key, e.value])), m.path, () => true)
        .map((finding) => plaintextSecretMessage(`${kind} "${name}"`, finding)));
}

/**
 * Warns on the resource (at preview and at up) for every plaintext secret in its arguments
 * (provider/common/plaintext-secrets.ts says which keys). Never throws into the program.
 */
export function warnPlaintextSecrets(resource: pulumi.Resource, kind: string, name: string, args: Record<string, unknown>): void {
    plaintextSecretWarnings(kind, name, args)
        .then((warnings) => warnings.forEach((w) => void pulumi.log.warn(w, resource)))
        .catch(() => undefined);
}
