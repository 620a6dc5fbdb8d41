import type { Failure } from "../common/check-failures";
import type { ResourceKind } from "../common/lifecycle";
import type { ProviderSettings } from "../common/settings";

/**
 * The vocabulary of a resource kind's declarative spec (provider/<kind>/spec.ts). A spec says,
 * next to each member, how a change to it is applied and how refresh reads it back; the engine
 * (provider/engine/*) does the rest the same way for every kind.
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
}

/**
 * A kind's calls to SageMaker, declared: the engine sends `<operation>Command` of the SDK
 * (provider/engine/api.ts), translates errors and decides not-found once.
 */
export interface KindApi<Described> {
    /**
     * The kind's update call, which changes the members of change type set/map/append, if it has
     * one. The other operations follow SageMaker's naming: `Create<Kind>` (its input shape
     * `Create<Kind>Input` is what check validates), `Describe<Kind>`, `Delete<Kind>`, taking the id
     * in the kind's name member; answers hold the ARN in `<Kind>Arn` (provider/engine/api.ts).
     */
    update?: string;
    /** The member of the update request that takes the id, when not the name member. */
    updateIdMember?: string;
    /** The ARN the create call answers is the id (default: the name). */
    idIsArn?: true;
    /** The create-input members as the describe call reports them, when not simply those members of the answer. */
    live?(d: Described): Props;
    /** The kind's own outputs (camelCase), besides arn, creationTime and region, which every kind has. */
    outputs(d: Described | undefined, inputs: Props, fallback: Props): Props;
}

/** What a kind needs beyond its table: hooks the engine calls at fixed points. */
export interface KindHooks<Described> {
    /** Check-time preparation after validation (e.g. a ClientToken fixed once). */
    prepare?(settings: ProviderSettings, olds: Props, inputs: Props): void;
    /** False where the kind's update call does not apply (then update-class changes replace). */
    canUpdate?(props: Props): boolean;
    /** Whether Tags go in the create call (else AddTags right after it). */
    tagsAtCreate?(inputs: Props): boolean;
    /**
     * Work between the create call and the first full description (e.g. wait for a status); may
     * answer another id when it had to create again.
     */
    afterCreate?(ctx: CallContext, created: Created, inputs: Props): Promise<Created & { description?: Described }>;
    /** Before an update: e.g. finish a wait a timed-out create left (then the description it ended with). */
    beforeUpdate?(ctx: CallContext, id: string, olds: Props, news: Props): Promise<Described | undefined>;
    /** After an update that was sent: the description to build outputs from (e.g. after a new validation). */
    afterUpdate?(ctx: CallContext, id: string, news: Props, d: Described): Promise<Described>;
    /** Before the delete call (e.g. a group's versions). */
    beforeDelete?(ctx: CallContext, id: string, props: Props): Promise<void>;
    /** What `adopt` brings under management, when not the resource of the name member (e.g. a version). */
    findAdoptable?(ctx: CallContext, inputs: Props): Promise<{ id: string; description: Described } | undefined>;
}

/** What a create call answered. */
export interface Created {
    id: string;
    arn?: string;
}

export interface CallContext {
    client: import("@aws-sdk/client-sagemaker").SageMakerClient;
    region: string;
    settings: ProviderSettings;
    /** e.g. `Model "churn"`: how messages name the resource */
    resource: string;
    /** values never to print (Environment values) */
    secrets: string[];
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
    /** How a create whose response was lost is recovered: the name is looked up, or the ClientToken makes the retry idempotent. */
    lostCreate: "by-name" | "by-client-token";
    api: KindApi<Described>;
    hooks: KindHooks<Described>;
}
