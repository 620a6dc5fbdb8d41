/**
 * The provider plugin's behaviour, free of gRPC (server.ts carries it): each call renames the
 * schema's camelCase properties to the API's names, calls the engine's lifecycle for the kind
 * (`runtime.lifecycles[kind]`, the seam the dynamic face calls too) and renames the answer back.
 * What the plugin adds is only what the gRPC protocol has and the dynamic host lacks: the
 * provider's own configuration, the engine's random seed for auto-names, the URN as the
 * ClientToken's scope, previews with unknown computed outputs, and stable outputs in diff.
 */
import { createHash } from "crypto";
import type { ResourceKind } from "../provider/common/lifecycle";
import type { ProviderSettings } from "../provider/common/settings";
import { autoName } from "../provider/common/auto-name";
import { INTERNAL_KEYS, withCurrentKeys } from "../provider/common/internal-keys";
import { UNKNOWN } from "../provider/common/unknown";
import { kindOf, lifecycle, nameOfUrn, specOf, typeOfUrn } from "./kinds";
import { Renamer } from "./rename";
import type { WireTable } from "./schema/wire";
import { FUNCTIONS } from "./schema/functions";
import { settingsOf } from "./config";

type Props = Record<string, unknown>;

export interface CheckArgs { urn: string; olds: Props; news: Props; randomSeed?: Uint8Array }
export interface DiffAnswer {
    changes: boolean;
    replaces: string[];
    stables: string[];
    deleteBeforeReplace: boolean;
    diffs: string[];
}

/** A suffix of the auto-name from the engine's random seed: the same seed (a plan, a retry) gives the same name. */
export function seededSuffix(seed: Uint8Array, logicalName: string): string {
    return createHash("sha256").update(seed).update(logicalName).digest("hex").slice(0, 7);
}

function isAbsent(v: unknown): boolean {
    return v === undefined || v === null;
}

export class PluginProvider {
    private settings: ProviderSettings = {};
    private readonly renamer: Renamer;

    constructor(private readonly wire: WireTable) {
        this.renamer = new Renamer(wire);
    }

    configure(args: Props): void {
        this.settings = settingsOf(args);
    }

    async check({ urn, olds, news, randomSeed }: CheckArgs): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
        const kind = kindOf(typeOfUrn(urn));
        const spec = specOf(kind);
        const logical = nameOfUrn(urn);
        const oldInputs = withCurrentKeys(this.renamer.toApi(kind, olds));
        const inputs: Props = { ...this.renamer.toApi(kind, news) };
        const { logicalName, autoNamed, autoNameScope, clientTokenScope } = INTERNAL_KEYS;
        if (logicalName in spec.own) {
            inputs[logicalName] = logical; // what check() auto-names from when there is no seed
        }
        if (autoNameScope in spec.own && isAbsent(inputs[autoNameScope])) {
            inputs[autoNameScope] = urn; // the auto-name's seed when there is no random seed: where the resource is declared
        }
        if (clientTokenScope in spec.own && isAbsent(inputs[clientTokenScope])) {
            inputs[clientTokenScope] = urn; // project, stack, parents and name: where the package is declared
        }
        const member = spec.name.member;
        const keepsOldName = oldInputs[autoNamed] === true && typeof oldInputs[member] === "string";
        const seeded = spec.name.generated && isAbsent(inputs[member]) && !keepsOldName && randomSeed !== undefined && randomSeed.length > 0;
        if (seeded) {
            inputs[member] = autoName(logical, () => seededSuffix(randomSeed!, logical));
        }
        const result = await lifecycle(kind).check(this.settings, oldInputs, inputs);
        const checked: Props = { ...(result.inputs ?? inputs) };
        if (seeded && checked[member] === inputs[member]) {
            checked[autoNamed] = true; // generated here rather than by check: still a generated name
        }
        return {
            inputs: this.renamer.fromApi(kind, checked),
            failures: (result.failures ?? []).map((f) => ({ property: this.renamer.pathFromApi(kind, f.property), reason: f.reason })),
        };
    }

    async diff(urn: string, id: string, olds: Props, news: Props, oldInputs: Props | undefined): Promise<DiffAnswer> {
        const kind = kindOf(typeOfUrn(urn));
        const result = await lifecycle(kind).diff(this.settings, id, this.renamer.toApi(kind, olds), this.renamer.toApi(kind, news));
        const replaces = (result.replaces ?? []).map((p) => this.renamer.pathFromApi(kind, p));
        const before = oldInputs ?? olds;
        const shown = this.shownChanges(kind);
        const diffs = result.changes
            ? [...new Set([...Object.keys(before), ...Object.keys(news)])].filter((k) => shown(k) && JSON.stringify(before[k]) !== JSON.stringify(news[k]))
            : [];
        return {
            changes: result.changes === true,
            replaces,
            stables: replaces.length === 0 ? [...this.wire.resources[kind].stables] : [],
            deleteBeforeReplace: result.deleteBeforeReplace === true,
            diffs: [...new Set([...diffs, ...replaces])],
        };
    }

    async create(urn: string, inputs: Props, preview: boolean): Promise<{ id: string; outs: Props }> {
        const kind = kindOf(typeOfUrn(urn));
        if (preview) {
            return { id: "", outs: this.withComputed(kind, inputs, {}) };
        }
        const result = await lifecycle(kind).create(this.settings, this.renamer.toApi(kind, inputs));
        return { id: result.id, outs: this.renamer.fromApi(kind, result.outs ?? {}) };
    }

    /** `props` empty: an import (`pulumi import`, the `import` option): read from the id alone. */
    async read(urn: string, id: string, props: Props): Promise<{ id: string; props: Props; inputs: Props } | undefined> {
        const kind = kindOf(typeOfUrn(urn));
        const previous = Object.keys(props).length > 0 ? this.renamer.toApi(kind, props) : undefined;
        const result = await lifecycle(kind).read(this.settings, id, previous);
        if (!result.id) {
            return undefined; // gone
        }
        return { id: result.id, props: this.renamer.fromApi(kind, result.props ?? {}), inputs: this.renamer.fromApi(kind, result.inputs ?? {}) };
    }

    async update(urn: string, id: string, olds: Props, news: Props, preview: boolean): Promise<Props> {
        const kind = kindOf(typeOfUrn(urn));
        if (preview) {
            return this.withComputed(kind, news, olds);
        }
        const result = await lifecycle(kind).update(this.settings, id, this.renamer.toApi(kind, olds), this.renamer.toApi(kind, news));
        return this.renamer.fromApi(kind, result.outs ?? {});
    }

    async delete(urn: string, id: string, props: Props): Promise<void> {
        const kind = kindOf(typeOfUrn(urn));
        await lifecycle(kind).delete(this.settings, id, this.renamer.toApi(kind, props));
    }

    /** A function (registry lookup): the schema's arguments in the lookup's names, its answer as an object. */
    async invoke(tok: string, args: Props): Promise<Props> {
        const name = /^sagemaker:index:(\w+)$/.exec(tok)?.[1] ?? "";
        const f = FUNCTIONS[name];
        if (!f) {
            throw new Error(`the sagemaker provider has no function ${JSON.stringify(tok)}: it serves ${Object.keys(FUNCTIONS).map((n) => `sagemaker:index:${n}`).join(", ")}`);
        }
        const lookupArgs: Props = {};
        for (const [key, value] of Object.entries(args)) {
            const arg = f.args[key];
            lookupArgs[arg?.api ?? key] = arg?.toApi ? arg.toApi(value) : value;
        }
        const { configError, ...settings } = this.settings;
        if (configError !== undefined) {
            throw new Error(configError);
        }
        const registry = require("../provider/registry") as typeof import("../provider/registry");
        const lookup = registry[f.lookup] as (a: unknown, o: unknown) => Promise<unknown>;
        return f.result(await lookup(lookupArgs, { settings }));
    }

    /**
     * Which inputs a diff shows as changed: not the ones the plugin fills in, nor those whose change
     * the spec ignores (a ClientToken derived from the request, `adopt`, a status timeout).
     */
    private shownChanges(kind: ResourceKind): (key: string) => boolean {
        const spec = specOf(kind);
        const members = this.wire.resources[kind].members;
        return (key) => {
            const api = members[key]?.api ?? key;
            const change = spec.members[api]?.change.type ?? spec.own[api]?.change;
            return !HIDDEN.includes(key) && change !== "ignore";
        };
    }

    /** Preview outputs: the inputs, the stable outputs kept, every other computed output unknown. */
    private withComputed(kind: ResourceKind, inputs: Props, olds: Props): Props {
        const outs: Props = { ...inputs };
        const stables = this.wire.resources[kind].stables;
        for (const key of specOf(kind).computedOutputs) {
            if (key in inputs && key === "region") {
                continue;
            }
            outs[key] = stables.includes(key) && !isAbsent(olds[key]) ? olds[key] : UNKNOWN;
        }
        return outs;
    }
}

/** Inputs the plugin fills in itself (and their names before they were `__`-prefixed): never shown as a user's change. */
const HIDDEN: readonly string[] = [...Object.values(INTERNAL_KEYS), ...Object.keys(INTERNAL_KEYS)];
