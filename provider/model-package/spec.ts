import type { DescribeModelPackageOutput } from "../common/sdk-shapes";
import { sdk } from "../aws/client";
import { checkFailure } from "../common/check-failures";
import { INTERNAL_KEYS } from "../common/internal-keys";
import { containsUnknown } from "../common/unknown";
import { COMMON_SETTINGS, type KindContext, type KindSpec, type OwnSetting, type Props } from "../engine/kind";
import { isAbsent, toPlain } from "../common/values";
import { nameOf } from "../identity/names";
import { clientToken, resolveClientToken } from "./client-token";
import { PACKAGE_MEMBERS } from "./members";
import { ruleFailures } from "../rules/wording";
import { DEFAULT_STATUS_TIMEOUT_MINUTES, waitForCompleted } from "./wait-for-completed";

/** The ModelPackage: its members (members.ts), API calls, outputs, hooks (status wait, ClientToken, adopt). */

/** Versioned packages live in a group; only those accept UpdateModelPackage. */
function isVersioned(props: Props): boolean {
    return !isAbsent(props.ModelPackageGroupName);
}

/** How messages name a package: versions by group (and version once known), others by name. */
export function label(props: Props): string {
    if (isVersioned(props)) {
        const group = nameOf(String(props.ModelPackageGroupName));
        return `ModelPackage "${group}"${isAbsent(props.version) ? " (new version)" : ` version ${String(props.version)}`}`;
    }
    return `ModelPackage "${String(props.ModelPackageName)}"`;
}

const statusTimeout: OwnSetting = {
    change: "ignore",
    validate: (v) => typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 24 * 60 ? undefined
        : checkFailure("statusTimeoutMinutes", "range", "statusTimeoutMinutes must be a number of minutes above 0 and at most 1440",
            `use e.g. 60, or leave it out for the default ${DEFAULT_STATUS_TIMEOUT_MINUTES}`),
};

/** `adopt`: true for an unversioned package (by name), a version number for a version of the group. */
const adopt: OwnSetting = {
    change: "ignore",
    validate: (v) => typeof v === "boolean" || (typeof v === "number" && Number.isInteger(v) && v >= 1) ? undefined
        : checkFailure("adopt", "type", "expected true (an unversioned package, found by ModelPackageName) or a version number (a version of ModelPackageGroupName)",
            "use e.g. `adopt: 3` to bring version 3 of the group under management, or leave it out"),
};

/** A version reports its group's name as ModelPackageName; it has no name of its own. */
function live(d: DescribeModelPackageOutput, described: Props): Props {
    if (d.ModelPackageVersion !== undefined) {
        delete described.ModelPackageName;
    }
    return described;
}

function outputs(d: DescribeModelPackageOutput | undefined, _inputs: Props, fallback: Props): Props {
    return {
        name: d?.ModelPackageName ?? fallback.name,
        version: d?.ModelPackageVersion ?? fallback.version,
        status: d?.ModelPackageStatus ?? fallback.status,
        statusDetails: d ? toPlain(d.ModelPackageStatusDetails) ?? {} : fallback.statusDetails,
    };
}

/**
 * The recovery policy's next request: a replacement back to inputs used before derives the same
 * token, which SageMaker may still answer with the deleted package's ARN; the next attempt's
 * token is derived instead (at most 3 attempts in all).
 */
function nextRequest(inputs: Props, request: Props, attempt: number): Props {
    const declared = inputs[INTERNAL_KEYS.clientTokenScope];
    const scope = typeof declared === "string" ? declared : String(inputs.ClientToken);
    return { ...request, ClientToken: clientToken(scope, request, attempt) };
}

/** `adopt`: the unversioned package of that name, or the version of that number in the group. */
async function findAdoptable(ctx: KindContext<DescribeModelPackageOutput>, inputs: Props): Promise<{ id: string; description: DescribeModelPackageOutput } | undefined> {
    if (!isVersioned(inputs)) {
        const name = inputs.ModelPackageName;
        const d = typeof name === "string" ? await ctx.describe(name) : undefined;
        return d?.ModelPackageArn ? { id: d.ModelPackageArn, description: d } : undefined;
    }
    const group = String(inputs.ModelPackageGroupName);
    let NextToken: string | undefined;
    do {
        const page = await ctx.call(new (sdk().ListModelPackagesCommand)({ ModelPackageGroupName: group, NextToken, MaxResults: 100 }));
        const hit = (page.ModelPackageSummaryList ?? []).find((s) => s.ModelPackageVersion === inputs.adopt);
        const description = hit?.ModelPackageArn ? await ctx.describe(hit.ModelPackageArn) : undefined;
        if (hit?.ModelPackageArn && description) {
            return { id: hit.ModelPackageArn, description };
        }
        NextToken = page.NextToken;
    } while (NextToken);
    return undefined;
}

export const modelPackageSpec: KindSpec<DescribeModelPackageOutput> = {
    kind: "ModelPackage",
    doc: "docs/MODEL-PACKAGE.md",
    members: PACKAGE_MEMBERS,
    own: {
        region: COMMON_SETTINGS.region,
        statusTimeoutMinutes: statusTimeout,
        adopt: { ...adopt, adopts: true },
        adoptTags: COMMON_SETTINGS.adoptTags,
        /** Where the resource is declared (project/stack/parent/name), for the ClientToken. */
        [INTERNAL_KEYS.clientTokenScope]: { change: "ignore", internal: true },
    },
    name: { member: "ModelPackageName", generated: false },
    computedOutputs: ["arn", "name", "version", "status", "statusDetails", "creationTime", "region"],
    label: (props) => label(props),
    // CreateModelPackage's cross-field rules (provider/rules/model-package.ts, shared with the local endpoint).
    rules: (inputs) => ruleFailures("CreateModelPackage", inputs),
    // The SDK's retries resend the same ClientToken, so a lost create response returns the same package.
    lostCreate: { by: "client-token", recreate: { attempts: 3, next: nextRequest } },
    api: {
        commands: (sm) => ({
            create: sm.CreateModelPackageCommand,
            describe: sm.DescribeModelPackageCommand,
            delete: sm.DeleteModelPackageCommand,
            update: sm.UpdateModelPackageCommand,
        }),
        updateIdMember: "ModelPackageArn",
        idIsArn: true,
        live,
        outputs,
    },
    hooks: {
        prepare(_settings, olds, inputs, request) {
            const token = resolveClientToken(olds, inputs, request);
            if (token !== undefined && !containsUnknown(token)) {
                inputs.ClientToken = token;
            }
        },
        canUpdate: isVersioned,
        // "CreateModelPackage ... uses the tags of the group" for versions: they are tagged right after.
        tagsAtCreate: (inputs) => !isVersioned(inputs),
        // Wait for Completed; a token naming a package that is gone is the recovery policy's (lostCreate).
        afterCreate: (ctx, created, inputs) => waitForCompleted(ctx, created.id, inputs),
        async beforeUpdate(ctx, id, olds, news) {
            // A previous create timed out (kept as not initialized): finish waiting first.
            return olds.status === "Completed" ? undefined : waitForCompleted(ctx, id, { ...olds, ...news });
        },
        async afterUpdate(ctx, id, news, d) {
            // A new InferenceSpecification may be validated again.
            return d.ModelPackageStatus === "Completed" ? d : waitForCompleted(ctx, id, news);
        },
        findAdoptable,
    },
};
