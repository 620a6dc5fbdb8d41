/**
 * The plugin's Pulumi package schema, generated from the engine's member specs (which members a
 * kind has, whether a change replaces it, which hold secrets) and the committed API model (each
 * member's type, enums, required members, documentation). Also the wire table the plugin maps
 * names with at run time. Pure: `generate(model, specs)`; `renderGenerated()` is what
 * scripts/generate-plugin-schema.ts writes and tests/unit/plugin/schema.test.ts compares.
 */
import * as fs from "fs";
import * as path from "path";
import type { ResourceKind } from "../../provider/common/lifecycle";
import { operationOf, type KindSpec } from "../../provider/engine/kind";
import { camelName } from "../../plugin/schema/names";
import { COMPUTED_OUTPUTS, OWN_SETTINGS, PLUGIN_FILLED, PROVIDER_CONFIG, STABLE_OUTPUTS, type SchemaType } from "../../plugin/schema/own-settings";
import { FUNCTIONS, LIFE_CYCLE_FILTER, LIFE_CYCLE_FILTER_TYPE, SUMMARY_TYPE } from "../../plugin/schema/functions";
import { packageRoot } from "../../plugin/schema/files";
import type { WireShape, WireTable } from "../../plugin/schema/wire";
import { loadApiModel, type AwsModel } from "../generate-shapes";

export const PACKAGE = "sagemaker";

/** The committed model's shapes, with the documentation the constraints table leaves out. */
type AwsMember = { shape: string; documentation?: string };
type AwsShape = Omit<AwsModel["shapes"][string], "members" | "member" | "value"> & {
    documentation?: string;
    members?: Record<string, AwsMember>;
    member?: AwsMember;
    value?: AwsMember;
};
export interface ApiModel { shapes: Record<string, AwsShape> }

export const KIND_DESCRIPTIONS: Record<ResourceKind, string> = {
    Model: "An Amazon SageMaker model (CreateModel): containers, execution role, network settings. Immutable but for its tags: every other change replaces it.",
    ModelPackage: "An Amazon SageMaker model package: a version in a model package group (`modelPackageGroupName`), or an unversioned package (`modelPackageName`). UpdateModelPackage changes approval, metadata, inference specification and model card in place.",
    ModelPackageGroup: "An Amazon SageMaker model package group: the registry's collection of versioned model packages.",
};

export function token(name: string): string {
    return `${PACKAGE}:index:${name}`;
}

/** The API's HTML documentation as Markdown: code, links, paragraphs and list items kept. */
export function docText(html: string | undefined): string | undefined {
    if (!html) {
        return undefined;
    }
    const text = html
        .replace(/<code>([\s\S]*?)<\/code>/g, "`$1`")
        .replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, "[$2]($1)")
        .replace(/<li>/g, "\n- ")
        .replace(/<\/p>/g, "\n\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&")
        .replace(/[ \t]+/g, " ")
        .replace(/ *\n */g, "\n")
        .replace(/\n{3,}/g, "\n\n")
        .trim();
    return text === "" ? undefined : text;
}

class Generator {
    readonly types: Record<string, SchemaType> = {};
    readonly wire: Record<string, WireShape> = {};
    constructor(private readonly model: ApiModel) {}

    shape(name: string): AwsShape {
        const s = this.model.shapes[name];
        if (!s) {
            throw new Error(`the API model has no shape ${name}`);
        }
        return s;
    }

    /** The schema type of a shape, declaring object and enum types as it goes. */
    typeOf(shapeName: string): SchemaType {
        const s = this.shape(shapeName);
        switch (s.type) {
            case "string":
                if (s.enum) {
                    this.declareEnum(shapeName, s);
                    return { $ref: `#/types/${token(shapeName)}` };
                }
                return { type: "string" };
            case "timestamp":
            case "blob":
                return { type: "string" };
            case "boolean":
                return { type: "boolean" };
            case "integer":
            case "long":
                return { type: "integer" };
            case "float":
            case "double":
                return { type: "number" };
            case "list":
                this.wire[shapeName] = { type: "list", member: s.member!.shape };
                return { type: "array", items: this.typeOf(s.member!.shape) };
            case "map":
                this.wire[shapeName] = { type: "map", value: s.value!.shape };
                return { type: "object", additionalProperties: this.typeOf(s.value!.shape) };
            case "structure":
                this.declareObject(shapeName, s);
                return { $ref: `#/types/${token(shapeName)}` };
            default:
                throw new Error(`shape ${shapeName}: type ${s.type} has no schema type`);
        }
    }

    private declareEnum(name: string, s: AwsShape): void {
        const tok = token(name);
        if (this.types[tok]) {
            return;
        }
        this.types[tok] = {
            type: "string",
            description: docText(s.documentation),
            enum: s.enum!.map((value) => ({ value })),
        };
    }

    private declareObject(name: string, s: AwsShape): void {
        const tok = token(name);
        if (this.types[tok] || this.wire[name]) {
            return;
        }
        const members = s.members ?? {};
        const wireMembers: Record<string, { api: string; shape?: string }> = {};
        this.wire[name] = { type: "structure", members: wireMembers };
        this.types[tok] = { type: "object" }; // declared before its members: shapes may nest themselves
        const properties: Record<string, SchemaType> = {};
        for (const [api, m] of Object.entries(members)) {
            const camel = uniqueCamel(name, api, wireMembers);
            wireMembers[camel] = { api, shape: this.nonScalar(m.shape) };
            properties[camel] = this.property(m.shape, m.documentation, name, api);
        }
        const required = (s.required ?? []).map((api) => camelName(api));
        this.types[tok] = { type: "object", description: docText(s.documentation), properties, ...(required.length > 0 ? { required } : {}) };
    }

    /** A member's property: its type, documentation, and `secret` for container environments. */
    property(shapeName: string, documentation: string | undefined, owner: string, api: string): SchemaType {
        const secret = api === "Environment" && this.shape(shapeName).type === "map" && /Container|Specification/.test(owner);
        return { ...this.typeOf(shapeName), description: docText(documentation), ...(secret ? { secret: true } : {}) };
    }

    /** The shape's name when values of it need renaming (structures, lists, maps), else undefined. */
    nonScalar(shapeName: string): string | undefined {
        const t = this.shape(shapeName).type;
        return t === "structure" || t === "list" || t === "map" ? shapeName : undefined;
    }
}

function uniqueCamel(owner: string, api: string, taken: Record<string, unknown>): string {
    const camel = camelName(api);
    if (taken[camel]) {
        throw new Error(`${owner}: members ${api} and ${(taken[camel] as { api: string }).api} have the same schema name ${camel}`);
    }
    return camel;
}

/** Where each member's shape is: the kind's create input, else its update input (`afterCreate` members). */
function memberShape(g: Generator, spec: KindSpec, member: string): AwsMember {
    const create = g.shape(`Create${spec.kind}Input`).members ?? {};
    if (create[member]) {
        return create[member];
    }
    const updateCommand = spec.api.commands(require("@aws-sdk/client-sagemaker")).update;
    const update = updateCommand ? g.shape(`${operationOf(updateCommand)}Input`).members ?? {} : {};
    if (update[member]) {
        return update[member];
    }
    throw new Error(`${spec.kind}: member ${member} is in no input shape of the API model`);
}

function resourceSchema(g: Generator, spec: KindSpec, wire: WireTable): SchemaType {
    const inputs: Record<string, SchemaType> = {};
    const members: Record<string, { api: string; shape?: string }> = {};
    const createShape = g.shape(`Create${spec.kind}Input`);
    const required: string[] = [];
    for (const [api, m] of Object.entries(spec.members)) {
        const awsMember = memberShape(g, spec, api);
        const camel = uniqueCamel(spec.kind, api, members);
        members[camel] = { api, shape: g.nonScalar(awsMember.shape) };
        const property = g.property(awsMember.shape, awsMember.documentation, `Create${spec.kind}Input`, api);
        inputs[camel] = m.change.type === "replace" ? { ...property, replaceOnChanges: true } : property;
        const generatedName = spec.name.generated && api === spec.name.member;
        if ((createShape.required ?? []).includes(api) && !generatedName) {
            required.push(camel);
        }
    }
    for (const key of Object.keys(spec.own)) {
        if ((PLUGIN_FILLED as readonly string[]).includes(key)) {
            continue;
        }
        const own = OWN_SETTINGS[key];
        if (!own) {
            throw new Error(`${spec.kind}: own setting ${key} has no schema type in plugin/schema/own-settings.ts`);
        }
        if (members[key]) {
            throw new Error(`${spec.kind}: own setting ${key} has a member's schema name`);
        }
        inputs[key] = { ...own(spec.kind), ...(spec.own[key].change === "replace" ? { replaceOnChanges: true } : {}) };
    }
    // Outputs: the inputs without replaceOnChanges (a property of inputs only), and the computed outputs.
    const outputs: Record<string, SchemaType> = Object.fromEntries(Object.entries(inputs).map(([k, { replaceOnChanges: _r, ...p }]) => [k, p]));
    for (const key of spec.computedOutputs) {
        const out = COMPUTED_OUTPUTS[key];
        if (!out) {
            throw new Error(`${spec.kind}: computed output ${key} has no schema type in plugin/schema/own-settings.ts`);
        }
        const type = out.type ?? g.typeOf(out.shape!);
        outputs[key] = { ...type, description: out.description };
        if (out.shape) {
            members[key] = { api: key, shape: g.nonScalar(out.shape) };
        }
    }
    wire.resources[spec.kind] = {
        token: token(spec.kind),
        members,
        stables: STABLE_OUTPUTS.filter((s) => spec.computedOutputs.includes(s)),
    };
    return {
        description: KIND_DESCRIPTIONS[spec.kind],
        inputProperties: inputs,
        ...(required.length > 0 ? { requiredInputs: required } : {}),
        properties: outputs,
        required: ["arn", "name", "region", "creationTime"].filter((k) => spec.computedOutputs.includes(k)),
    };
}

export interface Generated { schema: Record<string, unknown>; wire: WireTable }

export function generate(model: ApiModel, specs: KindSpec[], version: string): Generated {
    const g = new Generator(model);
    const wire: WireTable = { resources: {}, shapes: {} };
    const resources: Record<string, SchemaType> = {};
    for (const spec of specs) {
        resources[token(spec.kind)] = resourceSchema(g, spec, wire);
    }
    const functions: Record<string, SchemaType> = {};
    for (const [name, f] of Object.entries(FUNCTIONS)) {
        functions[token(name)] = f.schema(g);
    }
    g.types[token("ModelPackageVersionSummary")] = { ...SUMMARY_TYPE, description: "A version as ListModelPackages reports it." };
    g.types[LIFE_CYCLE_FILTER] = LIFE_CYCLE_FILTER_TYPE;
    wire.shapes = Object.fromEntries(Object.entries(g.wire).sort(([a], [b]) => a.localeCompare(b)));
    const schema = {
        name: PACKAGE,
        displayName: "Amazon SageMaker model registry",
        version,
        description: "Amazon SageMaker Model, ModelPackage and ModelPackageGroup, and the model registry lookups, for every Pulumi language (the pulumi-sagemaker engine as a provider plugin).",
        keywords: ["pulumi", "sagemaker", "aws", "category/cloud", "kind/native"],
        license: "Apache-2.0",
        publisher: "pulumi-sagemaker",
        meta: { moduleFormat: "(.*)" },
        config: { variables: PROVIDER_CONFIG },
        provider: { description: "The sagemaker provider: where requests go and how they are retried.", inputProperties: PROVIDER_CONFIG },
        resources,
        functions,
        types: Object.fromEntries(Object.entries(g.types).sort(([a], [b]) => a.localeCompare(b))),
        language: {
            nodejs: { packageName: "@pulumi-sagemaker/sagemaker", dependencies: { "@pulumi/pulumi": "^3.139.0" } },
            python: { packageName: "pulumi_sagemaker", requires: { pulumi: ">=3.139.0,<4.0.0" } },
            go: { importBasePath: "pulumi-sagemaker/sdk/go/sagemaker", generateResourceContainerTypes: false },
            csharp: { rootNamespace: "PulumiSageMaker", packageReferences: { Pulumi: "3.*" } },
        },
    };
    return { schema: JSON.parse(JSON.stringify(schema)) as Record<string, unknown>, wire };
}

export type { Generator };

/** The schema and wire table as the generator makes them now, as the committed files' text. */
export function renderGenerated(): { schema: string; wire: string } {
    const version = (JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
    const specs: KindSpec[] = [
        require("../../provider/model-package-group/spec").modelPackageGroupSpec,
        require("../../provider/model-package/spec").modelPackageSpec,
        require("../../provider/model/spec").modelSpec,
    ];
    const { schema, wire } = generate(loadApiModel().model as unknown as ApiModel, specs, version);
    return { schema: `${JSON.stringify(schema, null, 2)}\n`, wire: `${JSON.stringify(wire, null, 1)}\n` };
}
