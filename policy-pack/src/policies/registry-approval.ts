// sagemaker-registry-approval: a model served from the model registry serves an Approved version.
// Every reference is an identity (locations/model-package.ts): (partition, region, account, group,
// version), a name taken in the model's own account and region. A served version is judged from the
// stack when the package is declared there (its declared ModelApprovalStatus and ModelLifeCycle),
// otherwise by the registry itself (verifyLive), else by the allow-list, else at the unknownApproval level.
import { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { parseLocation, partitionOfRegion } from "../locations";
import { GroupId, PackageVersionId, parseGroupRef, parsePackageRef, resolve, sameVersion, versionKey } from "../locations/model-package";
import { LocationRef, normalize, SageMakerResource, setting, Setting } from "../normalize";
import { dialectFor } from "../normalize/dialects";
import { show } from "../normalize/text";
import { asString, isUnknown, read } from "../normalize/unknowns";
import { deploymentRegion, resourceRegion } from "../region/deployment";
import { GROUP_TYPES, stackSources } from "../region/stack-sources";
import { LiveAnswer, LiveRegistry, PERMISSION } from "../registry/live-approval";
import { at, configure, configWithDefaults, Findings, label, OnUnknown, onUnknownSchema, PolicyInfo, PolicySettings } from "./common";

export interface RegistryApprovalConfig {
    unknownApproval: "advisory" | "fail";
    approvedPackages: string[];
    /** Ask SageMaker (DescribeModelPackage) about versions declared outside the stack. */
    verifyLive: boolean;
    /** ModelLifeCycle.Stage the served version must be in (e.g. "Production"). */
    requiredStage?: string;
    /** ModelLifeCycle.StageStatus the served version must have (e.g. "Approved"). */
    requiredStageStatus?: string;
    onUnknown: OnUnknown;
}

export const registryApprovalDefaults: RegistryApprovalConfig = { unknownApproval: "advisory", approvedPackages: [], verifyLive: false, onUnknown: "warn" };

const NAME = "sagemaker-registry-approval";
const APPROVED = "Approved";
const ENTITY_NAME = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$";

const properties: Record<keyof RegistryApprovalConfig, PolicyConfigJSONSchema> = {
    unknownApproval: {
        type: "string",
        enum: ["advisory", "fail"],
        description: "A versioned package outside this stack whose approval the policy cannot see (not in approvedPackages, or verifyLive " +
            "could not ask SageMaker): 'advisory' reports it without blocking, 'fail' reports a violation at the policy's level.",
    },
    approvedPackages: {
        type: "array",
        items: { type: "string", pattern: "^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:[0-9]{12}:model-package/)?[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}/[1-9][0-9]{0,8}$" },
        uniqueItems: true,
        description: "Versioned packages outside this stack known to be Approved: ARNs (…:model-package/GROUP/VERSION: that account, " +
            "region and partition), or GROUP/VERSION (the model's own account and region only).",
    },
    verifyLive: {
        type: "boolean",
        description: `Ask SageMaker (DescribeModelPackage, with the environment's credentials, in the package's region) whether each ` +
            `served version declared outside this stack is Approved; needs ${PERMISSION}. When it cannot ask, approvedPackages, then unknownApproval, decide.`,
    },
    requiredStage: { type: "string", pattern: ENTITY_NAME, description: "ModelLifeCycle.Stage the served version must be in (e.g. \"Production\")." },
    requiredStageStatus: { type: "string", pattern: ENTITY_NAME, description: "ModelLifeCycle.StageStatus the served version must have (e.g. \"Approved\")." },
    onUnknown: onUnknownSchema,
};

/** A model package declared in the stack, as the policy sees it. */
interface StackPackage {
    resource: PolicyResource;
    /** What is known of its identity; parts left out are unknown (preview) or not declared. */
    id: Partial<PackageVersionId> & { group?: string };
    /** Every part known: compared exactly. */
    complete: boolean;
    /** A part is unknown during preview (its ARN, group or version output). */
    unknownParts: string[];
    status: Setting;
    stage: Setting;
    stageStatus: Setting;
}

function idFromArn(arn: unknown): PackageVersionId | undefined {
    if (typeof arn !== "string") {
        return undefined;
    }
    const ref = parsePackageRef(arn);
    return ref.kind === "versioned" ? ref.id : undefined;
}

/**
 * Group resources of the stack by URN: their declared name (how `group.arn`, unknown at preview, is
 * traced), or undefined when it is not known: such a group still counts as one the input may come from.
 */
function stackGroups(resources: PolicyResource[]): Map<string, string | undefined> {
    const out = new Map<string, string | undefined>();
    for (const r of resources) {
        const key = GROUP_TYPES[r.type]?.nameKey;
        if (key) {
            const name = asString(read(r.props, key, key));
            out.set(r.urn, typeof name === "string" ? name : undefined);
        }
    }
    return out;
}

/** The declared name of the one stack group a package's unknown group input comes from, if any. */
function groupOfStack(r: PolicyResource, property: string, groups: Map<string, string | undefined>): string | undefined {
    const names = stackSources(r, property, groups);
    return names.length === 1 ? names[0] : undefined;
}

/** A model package of any dialect that has one, its ARN and version read where the dialect puts them (`packageOutputs`). */
function stackPackage(r: PolicyResource, groups: Map<string, string | undefined>): StackPackage | undefined {
    const found = dialectFor(r.type);
    if (found?.kind !== "model-package") {
        return undefined;
    }
    const d = found.dialect;
    const outputs = d.packageOutputs;
    if (!outputs) {
        return undefined; // a dialect that reads packages names where their outputs are
    }
    const unknownParts: string[] = [];
    const arn = read(r.props, outputs.arn, "arn");
    const lifeCycle = setting(d, r.props, "ModelLifeCycle", "");
    const out = {
        resource: r,
        status: setting(d, r.props, "ModelApprovalStatus", ""),
        stage: setting(d, lifeCycle.value, "Stage", lifeCycle.path),
        stageStatus: setting(d, lifeCycle.value, "StageStatus", lifeCycle.path),
    };
    const fromArn = idFromArn(arn);
    if (fromArn) {
        return { ...out, id: fromArn, complete: true, unknownParts };
    }
    // Without the ARN output: the group (an ARN names its account and region), the version output, the package's region.
    if (isUnknown(arn)) {
        unknownParts.push("arn");
    }
    const groupSetting = setting(d, r.props, "ModelPackageGroupName", "");
    const groupValue = isUnknown(groupSetting.value) ? groupOfStack(r, groupSetting.path, groups) ?? groupSetting.value : groupSetting.value;
    const group: GroupId | undefined = typeof groupValue === "string" ? parseGroupRef(groupValue) : undefined;
    if (isUnknown(groupValue)) {
        unknownParts.push("group");
    }
    const version = read(r.props, outputs.version, "version");
    if (isUnknown(version)) {
        unknownParts.push("version");
    }
    const region = resourceRegion(r, d.region, d.regionConfigKey).value;
    const home = typeof region === "string" ? { region, partition: partitionOfRegion(region)?.id } : {};
    const id: Partial<GroupId> = group ? resolve(group, home) : {};
    const v = typeof version === "number" ? version : typeof version === "string" && /^[1-9]\d{0,8}$/.test(version) ? Number(version) : undefined;
    const full: Partial<PackageVersionId> = { ...id, version: v };
    const complete = (["partition", "region", "account", "version"] as const).every(k => full[k] !== undefined) && full.group !== undefined;
    return { ...out, id: full, complete, unknownParts };
}

/** Where a model lives: what a name it uses is relative to. Its account is its execution role's (a role cannot be passed across accounts). */
interface Home {
    partition: string;
    region: string;
    account: string;
}

// Stand-ins for what cannot be told: equal for two names of the same model, never equal to a real account or region.
const UNTOLD = { partition: "<the model's partition>", region: "<the model's region>", account: "<the model's account>" };

function homeOf(model: PolicyResource, view: SageMakerResource): Home {
    const region = deploymentRegion(model, view).value;
    const role = asString(read(model.props, view.dialect.member("ExecutionRoleArn"), "ExecutionRoleArn"));
    const arn = typeof role === "string" ? parseLocation(role, "arn") : undefined;
    const known = typeof region === "string" && region !== "";
    return {
        region: known ? region : UNTOLD.region,
        // Without a known region the partition decides nothing (every name resolves to the untold region).
        partition: (known ? partitionOfRegion(region)?.id : undefined) ?? UNTOLD.partition,
        account: arn?.kind === "arn" && /^\d{12}$/.test(arn.account) ? arn.account : UNTOLD.account,
    };
}

/** The stack's packages, indexed so each served reference is found in constant time. */
class StackIndex {
    private readonly complete = new Map<string, StackPackage>();
    private readonly byGroup = new Map<string, StackPackage[]>();
    private readonly partial: StackPackage[] = [];
    private readonly byUrn = new Map<string, StackPackage>();

    constructor(packages: StackPackage[]) {
        for (const p of packages) {
            this.byUrn.set(p.resource.urn, p);
            if (p.complete) {
                this.complete.set(versionKey(p.id as PackageVersionId), p);
            } else if (p.id.group !== undefined) {
                this.byGroup.set(p.id.group, [...(this.byGroup.get(p.id.group) ?? []), p]);
            } else {
                this.partial.push(p);
            }
        }
    }

    exact(id: PackageVersionId): StackPackage | undefined {
        return this.complete.get(versionKey(id));
    }

    /**
     * Packages that may be `id` (the parts they know agree), not known to be. A stack package whose
     * account is not known is taken in the model's account (`home`): never another account's.
     */
    possible(id: PackageVersionId, home: Home): StackPackage[] {
        const agrees = (p: StackPackage) => (["partition", "region", "version"] as const).every(k => p.id[k] === undefined || p.id[k] === id[k])
            && (p.id.account === undefined ? id.account === home.account : p.id.account === id.account);
        return [...(this.byGroup.get(id.group) ?? []), ...this.partial].filter(agrees);
    }

    /** The stack's packages the model's container property depends on (how an unknown or partial identity is traced at preview). */
    dependedOn(model: PolicyResource, ref: LocationRef): StackPackage[] {
        const property = ref.path.split(/[.[]/)[0];
        const deps = model.propertyDependencies[property]?.length ? model.propertyDependencies[property] : model.dependencies;
        return deps.flatMap(d => this.byUrn.get(d.urn) ?? []);
    }
}

interface Judging {
    view: SageMakerResource;
    ref: LocationRef;
    cfg: RegistryApprovalConfig;
    f: Findings;
}

function lifecycleProblem(cfg: RegistryApprovalConfig, stage: unknown, stageStatus: unknown): string | undefined {
    const wrong: string[] = [];
    if (cfg.requiredStage !== undefined && stage !== cfg.requiredStage) {
        wrong.push(`stage ${show(stage)} (required: "${cfg.requiredStage}")`);
    }
    if (cfg.requiredStageStatus !== undefined && stageStatus !== cfg.requiredStageStatus) {
        wrong.push(`stage status ${show(stageStatus)} (required: "${cfg.requiredStageStatus}")`);
    }
    return wrong.length > 0 ? `its ModelLifeCycle has ${wrong.join(" and ")}` : undefined;
}

function judgeStackPackage(j: Judging, pkg: StackPackage): void {
    const { view, ref, cfg, f } = j;
    const what = `model package "${pkg.resource.name}" (${pkg.resource.type}) of this stack`;
    f.misspelt(view, pkg.status, `the approval of ${what}`, pkg.resource.type);
    const status = pkg.status.value;
    if (isUnknown(status)) {
        f.unknown({ path: `${pkg.resource.name}.${pkg.status.path}` }, `the ${what} that ${ref.path} serves may not be Approved`);
    } else if (status !== APPROVED) {
        const declared = status === undefined ? `<not set> (SageMaker's default: "PendingManualApproval")` : show(status);
        f.violation(`${label(view)}: ${at(ref)} serves ${what}, whose ${pkg.status.path} is ${declared}. Fix: serve an Approved version, ` +
            `or approve "${pkg.resource.name}" (${pkg.status.path}: "${APPROVED}") once it has been reviewed.`);
    }
    if (cfg.requiredStage === undefined && cfg.requiredStageStatus === undefined) {
        return;
    }
    f.misspelt(view, pkg.stage, `the lifecycle stage of ${what}`, pkg.resource.type);
    f.misspelt(view, pkg.stageStatus, `the lifecycle stage status of ${what}`, pkg.resource.type);
    if (isUnknown(pkg.stage.value) || isUnknown(pkg.stageStatus.value)) {
        f.unknown({ path: `${pkg.resource.name}.${pkg.stage.path}` }, `the ${what} may not be in the required lifecycle stage`);
        return;
    }
    const problem = lifecycleProblem(cfg, pkg.stage.value, pkg.stageStatus.value);
    if (problem) {
        f.violation(`${label(view)}: ${at(ref)} serves ${what}; ${problem}. Fix: serve a version in that stage, or set its ModelLifeCycle.`);
    }
}

/** A served version declared outside the stack: the registry's answer, else the allow-list, else unknownApproval. */
function judgeOutside(j: Judging, id: ResolvedId, home: Home, written: string, live: LiveAnswer | undefined): void {
    const { view, ref, cfg, f } = j;
    const named = `version ${id.version} of model package group "${id.group}"`;
    if (live?.kind === "found") {
        if (live.approval !== APPROVED) {
            f.violation(`${label(view)}: ${at(ref)} is ${named}, whose ModelApprovalStatus in the registry is ${show(live.approval)} ` +
                `(asked SageMaker in ${id.region}). Fix: serve an Approved version, or have it reviewed and approved in the registry.`);
            return;
        }
        const problem = lifecycleProblem(cfg, live.stage, live.stageStatus);
        if (problem) {
            f.violation(`${label(view)}: ${at(ref)} is ${named}; in the registry ${problem}. Fix: serve a version in that stage, or move it there in the registry.`);
        }
        return;
    }
    if (live?.kind === "missing") {
        f.violation(`${label(view)}: ${at(ref)} is ${named}, which the registry in ${id.region} does not have (${live.message}). ` +
            `Fix: serve a version that exists and is Approved.`);
        return;
    }
    const listed = cfg.approvedPackages.some(entry => {
        const e = parsePackageRef(entry);
        return e.kind === "versioned" && sameVersion(resolve(e.id, home), id);
    });
    const lifecycleAsked = cfg.requiredStage !== undefined || cfg.requiredStageStatus !== undefined;
    if (listed && !lifecycleAsked) {
        return;
    }
    const why = live?.kind === "unreachable"
        ? `verifyLive could not ask SageMaker: ${live.why}`
        : listed ? "approvedPackages says it is Approved, but not which lifecycle stage it is in (set verifyLive)"
            : "this policy cannot see whether it is Approved";
    f.levelled(cfg.unknownApproval === "fail" ? "fail" : "warn", `${label(view)}: ${at(ref)} is ${named}, declared outside this stack; ${why}. ` +
        `Fix: ${cfg.verifyLive ? `give the preview's identity ${PERMISSION}, or ` : "set verifyLive: true, or "}once it is Approved in the registry, add ` +
        `"${written}" to approvedPackages in the ${NAME} config, or serve a version this stack declares.`);
}

/** A served reference with the model's account and region filled in. */
type ResolvedId = Required<PackageVersionId>;

interface Served {
    j: Judging;
    id: ResolvedId;
    home: Home;
    /** The reference as the model writes it (what approvedPackages would list). */
    written: string;
}

/** Decides from the stack what it can; returns what only the registry (or the allow-list) can decide. */
function judgeModel(model: PolicyResource, view: SageMakerResource, index: StackIndex, cfg: RegistryApprovalConfig, f: Findings): Served[] {
    const outside: Served[] = [];
    for (const u of view.opaque) {
        f.unknown(u, "it may serve a model package version that is not Approved");
    }
    const home = homeOf(model, view);
    for (const ref of view.locations.filter(l => l.member.path.endsWith("ModelPackageName"))) {
        const j = { view, ref, cfg, f };
        const deps = index.dependedOn(model, ref);
        if (isUnknown(ref.value)) {
            if (deps.length === 1) {
                judgeStackPackage(j, deps[0]);
            } else if (deps.length === 0 || deps.some(c => c.status.value !== APPROVED)) {
                f.unknown(ref.value, deps.length === 0
                    ? "it may serve a model package version that is not Approved"
                    : `it depends on ${deps.length} model packages of this stack (${deps.map(c => c.resource.name).join(", ")}), not all Approved`);
            }
            continue;
        }
        if (typeof ref.value !== "string") {
            continue; // not a string: sagemaker-region-match reports it as unrecognized
        }
        const parsed = parsePackageRef(ref.value);
        if (parsed.kind === "unversioned") {
            continue; // an unversioned package has no approval status
        }
        if (parsed.kind === "other") {
            f.violation(`${label(view)}: ${at(ref)} does not name a model package this policy can identify (${parsed.reason}), so it cannot tell ` +
                `whether what is served is Approved. Fix: write it as GROUP/VERSION or arn:PARTITION:sagemaker:REGION:ACCOUNT:model-package/GROUP/VERSION.`);
            continue;
        }
        const id = resolve(parsed.id, home) as ResolvedId;
        const exact = index.exact(id);
        if (exact) {
            judgeStackPackage(j, exact);
            continue;
        }
        const possible = index.possible(id, home);
        const traced = possible.filter(p => deps.includes(p));
        // Known but for its account (a group by name, no ARN output): the stack's own packages are taken to
        // be in the model's account, as a group name given to CreateModelPackage is in the caller's.
        const sameButAccount = possible.filter(p => p.unknownParts.length === 0 && p.id.version !== undefined && p.id.region !== undefined);
        const decided = traced.length === 1 ? traced : sameButAccount;
        if (decided.length === 1) {
            judgeStackPackage(j, decided[0]);
            continue;
        }
        if (possible.some(p => p.status.value !== APPROVED)) {
            const parts = possible.map(p => `${p.resource.name}.${p.unknownParts.find(x => x !== "arn") ?? p.unknownParts[0] ?? "account"}`);
            f.unknown({ path: [...new Set(parts)].join(", ") }, `so ${at(ref)} may be ${possible.map(p => `"${p.resource.name}"`).join(" or ")} ` +
                `of this stack, not all Approved`);
            continue;
        }
        outside.push({ j, id, home, written: ref.value });
    }
    return outside;
}

const INFO: PolicyInfo = {
    description: "SageMaker models that serve a versioned model package from the registry must serve an Approved version.",
    severity: "high",
    tags: ["sagemaker", "model-registry", "governance"],
    remediationSteps:
        "Serve the version a reviewer approved: reference a ModelPackage whose ModelApprovalStatus is \"Approved\" (in this stack), " +
        "or, for versions registered outside the stack (pipelines), set verifyLive: true so the registry is asked at preview, " +
        "or list the approved versions in this policy's approvedPackages config.",
};

/** The policy with these settings as its defaults (and level). */
export function registryApprovalPolicy(settings?: PolicySettings<RegistryApprovalConfig>): StackValidationPolicy {
    const { defaults, base } = configure(NAME, INFO, registryApprovalDefaults, properties, settings);
    return {
        ...base,
        validateStack: async (args, report: ReportViolation) => {
            const cfg = configWithDefaults(args.getConfig<Partial<RegistryApprovalConfig>>(), defaults);
            const groups = stackGroups(args.resources);
            const index = new StackIndex(args.resources.flatMap(r => stackPackage(r, groups) ?? []));
            const judged: { r: PolicyResource; view: SageMakerResource; f: Findings; outside: Served[] }[] = [];
            for (const r of args.resources) {
                const view = normalize(r);
                if (view?.kind !== "model") {
                    continue;
                }
                const f = new Findings();
                judged.push({ r, view, f, outside: judgeModel(r, view, index, cfg, f) });
            }
            const registry = cfg.verifyLive ? new LiveRegistry() : undefined;
            try {
                for (const { r, view, f, outside } of judged) {
                    for (const s of outside) {
                        const askable = registry && !s.id.region.startsWith("<");
                        const live = askable ? await registry.ask(s.id.region, s.written) : undefined;
                        judgeOutside(s.j, s.id, s.home, s.written, live ?? (registry ? { kind: "unreachable", why: "the model's region is not known" } : undefined));
                    }
                    f.flush(report, cfg.onUnknown, view, r.urn);
                }
            } finally {
                registry?.close();
            }
        },
    };
}

export const registryApproval = registryApprovalPolicy();
