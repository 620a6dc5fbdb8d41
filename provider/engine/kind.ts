import type { SageMakerClient } from "@aws-sdk/client-sagemaker";
import { AUTO_NAME_KEYS } from "../common/auto-name";
import { checkFailure, regionFailure, type Failure } from "../common/check-failures";
import type { ResourceKind } from "../common/lifecycle";
import { effectiveRegion } from "../common/region";
import type { ProviderSettings } from "../common/settings";
import { isUnknown } from "../common/unknown";

/**
 * The kind interface: the vocabulary of a resource kind's declarative spec (provider/<kind>/spec.ts)
 * and the one context its hooks see at run time (KindContext). A spec says, next to each member,
 * how a change to it is applied and how refresh reads it back; the engine (provider/engine/*) does
 * the rest the same way for every kind. A kind imports this file and nothing else of the engine.
 */

export type Props = Record<string, unknown>;

/** How a change to a member is applied. */
export type Change =
    /** A new value creates a new resource (Terraform's ForceNew). */
    | { type: "replace" }
    /** AddTags / DeleteTags on the resource's ARN (at most one call of each). */
    | { type: "tags" }
    /** Never a change: only the create call itself uses it (e.g. ClientToken). */
    | { type: "ignore" }
    /**
     * Sent as is in the kind's update call. Removing it from the program stops managing it (the
     * API cannot clear it), so that is no change.
     */
    | { type: "set"; call: string }
    /** A string map: new and changed keys in the member, removed keys listed in `removeWith`. */
    | { type: "map"; call: string; removeWith: string }
    /**
     * A list of entries named by `key`: entries with a new name go in `addWith`; changing or
     * removing an entry replaces the resource (the API can only add).
     */
    | { type: "append"; call: string; addWith: string; key: string };

/** What refresh does with a member. */
export type Refresh =
    /** Read back whole: it can change after creation, so an out-of-band change must show. */
    | "live"
    /**
     * Immutable once created: the declared form is kept while the live value still matches it
     * (SageMaker adds members of its own), the live value otherwise (deleted and re-created).
     */
    | "declared"
    /** SageMaker does not report it (e.g. ClientToken): refresh keeps what was declared. */
    | "kept";

export interface MemberSpec {
    change: Change;
    refresh: Refresh;
    /** Holds container `Environment` maps, whose values may be secrets: scrubbed from every error. */
    secrets?: true;
    /**
     * What SageMaker fills in when the member is left out, as a pattern of the value (an object of
     * member defaults, `[pattern]` for each item of a list, or a scalar): compared as absent.
     */
    defaults?: unknown;
    /**
     * Members SageMaker adds inside this member on its own (e.g. a container's ImageDigest): never
     * drift, even where refresh reads the member back whole. Paths inside the member, `[]` for list items.
     */
    serverFilled?: readonly string[];
    /** The form two values are compared in, when not their own (e.g. a group given by name or by ARN). */
    normalize?: (value: unknown) => unknown;
    /** Not a member of the create call (set by the update call right after creation). */
    afterCreate?: true;
}

/** A member fixed at creation: a change replaces the resource; refresh keeps the declared form. */
export function replaced(extra: Partial<MemberSpec> = {}): MemberSpec {
    return { change: { type: "replace" }, refresh: "declared", ...extra };
}

/** A member the kind's update call sets as given; refresh reads it back whole. */
export function updated(call: string, extra: Partial<MemberSpec> = {}): MemberSpec {
    return { change: { type: "set", call }, refresh: "live", ...extra };
}

/** Tags: AddTags / DeleteTags on the resource's ARN; refresh reads them back whole (ListTags). */
export const TAGS: MemberSpec = { change: { type: "tags" }, refresh: "live" };

/** One of our camelCase inputs (never sent to AWS). */
export interface OwnSetting {
    /** How a change to it is applied: region replaces; flags that only steer our code update. */
    change: "replace" | "update" | "ignore";
    /** A check failure for a bad value (unknown values are never judged). */
    validate?: (value: unknown) => Failure | undefined;
    /** When a change to it is one (default: the values differ), e.g. the region it resolves to. */
    changed?: (settings: ProviderSettings, before: unknown, after: unknown) => boolean;
    /** Set (and not false): an existing resource is adopted at create instead of created. */
    adopts?: true;
    /** Filled by the resource constructor or by check, never by a user: left out of the settings a failure lists. */
    internal?: true;
}

/** A kind's calls to SageMaker, declared as the SDK's command classes; the engine sends them, words errors and decides not-found once. */
export interface KindApi<Described> {
    /**
     * The command classes (`sm` is the SDK, handed over at call time). The create command's input
     * shape (`Create<Kind>Input`) is what check validates; describe and delete take the id in the
     * kind's name member; answers hold the ARN in `<Kind>Arn`.
     */
    commands(sm: SageMakerSdk): KindCommands;
    /** The member of the update request that takes the id, when not the name member. */
    updateIdMember?: string;
    /** The ARN the create call answers is the id (default: the name). */
    idIsArn?: true;
    /**
     * Create-call answers that pass with time (e.g. an execution role IAM has not propagated yet):
     * the create call is sent again while `when` accepts the error, for at most `forMs`.
     */
    createRetry?: { when(err: unknown): boolean; forMs: number };
    /** The create-input members as the describe call reports them, where the answer reports a member otherwise: `live` is the engine's reading (those members of the answer), to adjust. */
    live?(d: Described, live: Props): Props;
    /** The kind's own outputs (camelCase), besides arn, creationTime and region, which every kind has. */
    outputs(d: Described | undefined, inputs: Props, fallback: Props): Props;
}

/** What a kind needs beyond its table: hooks the engine calls at fixed points. */
export interface KindHooks<Described> {
    /** Check-time preparation after validation (e.g. a ClientToken fixed once); `request` is the create call's members. */
    prepare?(settings: ProviderSettings, olds: Props, inputs: Props, request: Props): void;
    /** False where the kind's update call does not apply (then update-class changes replace). */
    canUpdate?(props: Props): boolean;
    /** Whether Tags go in the create call (else AddTags right after it). */
    tagsAtCreate?(inputs: Props): boolean;
    /**
     * Work between the create call and the first full description (e.g. wait for a status). Throws
     * ResourceGone when the resource it waits for does not exist (the recovery policy may create
     * it again), ResourceNotReady when it exists but is not ready.
     */
    afterCreate?(ctx: KindContext<Described>, created: Created, inputs: Props): Promise<Described>;
    /** Before an update: e.g. finish a wait a timed-out create left (then the description it ended with). */
    beforeUpdate?(ctx: KindContext<Described>, id: string, olds: Props, news: Props): Promise<Described | undefined>;
    /** After an update that was sent: the description to build outputs from (e.g. after a new validation). */
    afterUpdate?(ctx: KindContext<Described>, id: string, news: Props, d: Described): Promise<Described>;
    /** Before the delete call (e.g. a group's versions). */
    beforeDelete?(ctx: KindContext<Described>, id: string, props: Props): Promise<void>;
    /** What `adopt` brings under management, when not the resource of the name member (e.g. a version). */
    findAdoptable?(ctx: KindContext<Described>, inputs: Props): Promise<{ id: string; description: Described } | undefined>;
}

/** What a create call answered. */
export interface Created {
    id: string;
    arn?: string;
}

/** An SDK command class, e.g. `CreateModelCommand` (its input type is the SDK's own; the engine builds the input from the table). */
export type CommandClass = new (input: never) => { readonly input: unknown };

/** The SDK module, handed to a spec's `commands` at call time (the SDK is never loaded with a spec). */
export type SageMakerSdk = typeof import("@aws-sdk/client-sagemaker");

/** A kind's calls, as the SDK's command classes. */
export interface KindCommands {
    create: CommandClass;
    describe: CommandClass;
    delete: CommandClass;
    /** The kind's update call, which changes the members of change type set/map/append, if it has one. */
    update?: CommandClass;
}

/** The SageMaker operation a command class sends: `CreateModelCommand` -> `CreateModel`. */
export function operationOf(command: { readonly name: string }): string {
    return command.name.replace(/Command$/, "");
}

/**
 * The one interface a kind's code sees at run time: where its calls go and how they fail. Hooks
 * get it; nothing else of the engine.
 */
export interface KindContext<Described = unknown> {
    readonly region: string;
    readonly settings: ProviderSettings;
    /** e.g. `Model "churn"`: how messages name the resource */
    readonly resource: string;
    /** values never to print (Environment values) */
    readonly secrets: readonly string[];
    /** Sends one SDK command; a failure becomes the one error wording (resource, operation, what AWS said, the fix). */
    call: SageMakerClient["send"];
    /** Sends one SDK command and lets the SDK's error through (to decide e.g. not-found with aws/errors.ts). */
    send: SageMakerClient["send"];
    /** The one wording of a failed call (what `call` throws), for an error `send` let through. */
    failure(err: unknown, operation: string, resource?: string): Error;
    /** The kind's description, or undefined when SageMaker says it does not exist (decided once). */
    describe(id: string): Promise<Described | undefined>;
    /** The same context, naming the resource otherwise (e.g. once a version number is known). */
    named(resource: string): KindContext<Described>;
    /** A passing status line on the resource `urn` (engine/log.ts engineStatus): shown while it works, not kept in the Diagnostics. */
    status(message: string, urn: string | undefined): void;
}

/** Thrown by a hook: the resource it works on does not exist (any more). */
export class ResourceGone extends Error {
    constructor(readonly id: string, message: string) {
        super(message);
        this.stack = "";
    }
}

/**
 * Thrown by a hook: the resource exists but did not become ready (e.g. a status wait timed out).
 * The engine keeps it in the stack as not initialized, with outputs built from `description`.
 */
export class ResourceNotReady<Described = unknown> extends Error {
    constructor(message: string, readonly id: string, readonly description: Described) {
        super(message);
        this.stack = message;
    }
}

/**
 * An error that tells the engine the resource exists but did not finish initializing: the
 * dynamic-provider host sends `id` and `properties` back, so the resource is kept in the stack
 * (not orphaned) and the next `pulumi up` updates it (an update resumes the wait).
 */
export class ResourceInitError extends Error {
    constructor(message: string, readonly id: string, readonly properties: Record<string, unknown>, readonly reasons: string[] = [message]) {
        super(message);
        this.stack = message;
    }
}

/**
 * How a create whose response was lost is recovered:
 * - `by-name`: the name is looked up; an existing resource created during the call that matches
 *   the inputs (`matches`, engine/match.ts) is adopted;
 * - `by-client-token`: the SDK's retries resend the same token, so SageMaker answers with the
 *   first attempt's resource. `recreate` says what to do when the token names a resource that is
 *   gone (ResourceGone from afterCreate): send the create call again, at most `attempts` times in
 *   all, with the request `next` builds for the attempt.
 */
export type LostCreate =
    | { by: "name" }
    | { by: "client-token"; recreate?: { attempts: number; next(inputs: Props, request: Props, attempt: number): Props } };

/** The engine's own key in every resource's inputs: the serialized provider (a change of it is a change: update carries new code into the state). */
export const PROVIDER_KEY = "__provider";
export const ENGINE_KEYS = [PROVIDER_KEY] as const;

/** Our camelCase inputs that every kind shares (never sent to AWS). A kind's spec adds its own. */
export const COMMON_SETTINGS = {
    /** Where the resource lives: a change (of the region it resolves to) creates it anew there. */
    region: { change: "replace", validate: regionFailure, changed: regionChanged },
    /** The logical name, passed by the resource constructor because `check` gets no URN (auto-naming). */
    [AUTO_NAME_KEYS.logicalName]: { change: "ignore", internal: true },
    /** Set by `check`: true when the physical name was generated. */
    [AUTO_NAME_KEYS.autoNamed]: { change: "ignore", internal: true },
    /** Where the resource is declared, passed by the resource constructor: the seed of its auto-name. */
    [AUTO_NAME_KEYS.scope]: { change: "ignore", internal: true },
    /** Bring an existing resource under management at create instead of creating it (engine/create.ts). */
    adopt: { change: "ignore", adopts: true, validate: booleanSetting("adopt", "true to adopt an existing resource that matches the inputs, or leave it out") },
    /** What adopting does with live tags the program does not declare: "keep" them (the default) or "remove" them. */
    adoptTags: { change: "ignore", validate: adoptTagsFailure },
} as const satisfies Record<string, OwnSetting>;

/** The values of `adoptTags`. */
export const ADOPT_TAGS = ["keep", "remove"] as const;

function adoptTagsFailure(value: unknown): Failure | undefined {
    return typeof value === "string" && (ADOPT_TAGS as readonly string[]).includes(value) ? undefined
        : checkFailure("adoptTags", "enum", `expected one of ${ADOPT_TAGS.map((v) => JSON.stringify(v)).join(", ")}`,
            'use "keep" (the default: live tags the program does not declare stay) or "remove" (adopting deletes them)');
}

/** A check for one of our boolean settings. */
export function booleanSetting(key: string, fix: string): OwnSetting["validate"] {
    return (value) => (typeof value === "boolean" ? undefined : checkFailure(key, "type", "expected a boolean", `use ${fix}`));
}

/** The region setting's change rule: the region the resource resolves to (its own, else the stack's) differs, or is not known yet. */
function regionChanged(settings: ProviderSettings, before: unknown, after: unknown): boolean {
    if (isUnknown(after)) {
        return true;
    }
    const old = typeof before === "string" ? before : undefined;
    const now = effectiveRegion(settings, after);
    return old !== undefined && now !== undefined && old !== now;
}

/** How messages name a resource: `Model "churn"`. */
export function labelOf(spec: KindSpec, props: Props, id?: string): string {
    return spec.label ? spec.label(props, id) : `${spec.kind} "${String(id ?? props[spec.name.member])}"`;
}

/** The member whose change class is `tags`, if the kind has one. */
export function tagsMember(spec: KindSpec): string | undefined {
    return Object.entries(spec.members).find(([, m]) => m.change.type === "tags")?.[0];
}

export interface KindSpec<Described = unknown> {
    kind: ResourceKind;
    /** Where a user reads about the kind, named in failures. */
    doc: string;
    /** Every member of the create request (plus `afterCreate` ones), with how it changes and refreshes. */
    members: Record<string, MemberSpec>;
    /** Our camelCase inputs. */
    own: Record<string, OwnSetting>;
    /** The member that names the resource (SageMaker names are case-insensitive). */
    name: { member: string; generated: boolean };
    /** Outputs we compute, on top of the inputs. */
    computedOutputs: readonly string[];
    /** How messages name the resource, when not `<Kind> "<name>"`. */
    label?(props: Props, id?: string): string;
    /** The cross-field rules SageMaker applies at create time (provider/rules). */
    rules(inputs: Props): Failure[];
    /** How a create whose response was lost is recovered (LostCreate). */
    lostCreate: LostCreate;
    api: KindApi<Described>;
    hooks: KindHooks<Described>;
}
