// sagemaker-registry-approval: a model served from the model registry serves an Approved version.
// A container's ModelPackageName that names a versioned package (…:model-package/GROUP/VERSION, or
// GROUP/VERSION) is judged from the stack when the package is declared there (its declared
// ModelApprovalStatus; matched by ARN output, or by dependency while the ARN is unknown at preview),
// otherwise by the allow-list, else at the unknownApproval level.
import { PolicyResource, ReportViolation, StackValidationPolicy } from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { parseLocation } from "../locations";
import { asString, dialectFor, isUnknown, LocationRef, normalize, read, SageMakerResource, show } from "../normalize";
import { at, configure, configWithDefaults, Findings, label, OnUnknown, onUnknownSchema, PolicyInfo, PolicySettings } from "./common";

export interface RegistryApprovalConfig {
    unknownApproval: "advisory" | "fail";
    approvedPackages: string[];
    onUnknown: OnUnknown;
}

export const registryApprovalDefaults: RegistryApprovalConfig = { unknownApproval: "advisory", approvedPackages: [], onUnknown: "warn" };

const NAME = "sagemaker-registry-approval";
const APPROVED = "Approved";

const properties: Record<keyof RegistryApprovalConfig, PolicyConfigJSONSchema> = {
    unknownApproval: {
        type: "string",
        enum: ["advisory", "fail"],
        description: "A versioned package outside this stack, not in approvedPackages, whose approval the policy cannot see: " +
            "'advisory' reports it without blocking, 'fail' reports a violation at the policy's level.",
    },
    approvedPackages: {
        type: "array",
        items: { type: "string", pattern: "^(arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:[0-9]{12}:model-package/)?[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}/[0-9]{1,9}$" },
        uniqueItems: true,
        description: "Versioned packages outside this stack known to be Approved: exact ARNs (…:model-package/GROUP/VERSION), " +
            "or GROUP/VERSION for a package in the model's own account and region.",
    },
    onUnknown: onUnknownSchema("warn"),
};

/** A reference to a versioned package: its group and version, and the ARN when given as one. */
interface VersionRef {
    group: string;
    version: string;
    arn?: string;
}

const VERSIONED_RESOURCE = /^model-package\/([a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62})\/(\d{1,9})$/;
const VERSIONED_NAME = /^([a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62})\/(\d{1,9})$/;

/** The versioned package a ModelPackageName value names; undefined for unversioned packages. */
export function versionRef(value: string): VersionRef | undefined {
    if (value.startsWith("arn:")) {
        const loc = parseLocation(value, "arn-or-name");
        const m = loc.kind === "arn" && loc.service === "sagemaker" ? VERSIONED_RESOURCE.exec(loc.resource) : null;
        return m ? { group: m[1], version: m[2], arn: value } : undefined;
    }
    const m = VERSIONED_NAME.exec(value);
    return m ? { group: m[1], version: m[2] } : undefined;
}

/** A model package declared in the stack, as the policy sees it. */
interface StackPackage {
    resource: PolicyResource;
    arn: unknown;
    status: unknown;
    statusPath: string;
    group: unknown;
    version: unknown;
}

/** Our ModelPackage (outputs arn, version) and aws-native's (modelPackageArn, modelPackageVersion). */
function stackPackages(resources: PolicyResource[]): StackPackage[] {
    const out: StackPackage[] = [];
    for (const r of resources) {
        const found = dialectFor(r.type);
        if (found?.kind !== "model-package") {
            continue;
        }
        const d = found.dialect;
        const ours = d.representation === "pulumi-sagemaker";
        const statusPath = d.member("ModelApprovalStatus");
        out.push({
            resource: r,
            arn: read(r.props, ours ? "arn" : "modelPackageArn", "arn"),
            status: read(r.props, statusPath, statusPath),
            statusPath,
            group: asString(read(r.props, d.member("ModelPackageGroupName"), "group")),
            version: read(r.props, ours ? "version" : "modelPackageVersion", "version"),
        });
    }
    return out;
}

/** The stack's package for a known reference: same ARN output, or same group and version. */
function byReference(ref: VersionRef, packages: StackPackage[]): StackPackage | undefined {
    return packages.find(p => (ref.arn !== undefined && p.arn === ref.arn)
        || (ref.arn === undefined && p.group === ref.group && String(p.version) === ref.version));
}

/** The stack's packages a model's container property depends on (how an unknown ARN is traced at preview). */
function byDependency(model: PolicyResource, ref: LocationRef, packages: StackPackage[]): StackPackage[] {
    const property = ref.path.split(/[.[]/)[0];
    const deps = model.propertyDependencies?.[property]?.length ? model.propertyDependencies[property] : model.dependencies ?? [];
    return packages.filter(p => deps.some(d => d.urn === p.resource.urn));
}

function judgeStatus(view: SageMakerResource, ref: LocationRef, pkg: StackPackage, f: Findings): void {
    if (isUnknown(pkg.status)) {
        f.unknown({ path: `${pkg.resource.name}.${pkg.statusPath}` }, `the model package "${pkg.resource.name}" that ${ref.path} serves may not be Approved`);
    } else if (pkg.status !== APPROVED) {
        const declared = pkg.status === undefined ? `<not set> (SageMaker's default: "PendingManualApproval")` : show(pkg.status);
        f.violation(`${label(view)}: ${at(ref)} serves model package "${pkg.resource.name}" (${pkg.resource.type}) of this stack, whose ` +
            `${pkg.statusPath} is ${declared}. Fix: serve an Approved version, or approve "${pkg.resource.name}" (${pkg.statusPath}: "${APPROVED}") ` +
            `once it has been reviewed.`);
    }
}

function judgeModel(model: PolicyResource, view: SageMakerResource, packages: StackPackage[], cfg: RegistryApprovalConfig, f: Findings): void {
    for (const ref of view.locations.filter(l => l.member.path.endsWith("ModelPackageName"))) {
        if (isUnknown(ref.value)) {
            const candidates = byDependency(model, ref, packages);
            if (candidates.length === 1) {
                judgeStatus(view, ref, candidates[0], f);
            } else if (candidates.length === 0 || candidates.some(c => c.status !== APPROVED)) {
                f.unknown(ref.value, candidates.length === 0
                    ? "it may serve a model package version that is not Approved"
                    : `it depends on ${candidates.length} model packages of this stack (${candidates.map(c => c.resource.name).join(", ")}), not all Approved`);
            }
            continue;
        }
        const ref2 = typeof ref.value === "string" ? versionRef(ref.value) : undefined;
        if (!ref2) {
            continue; // an unversioned package (no approval status), or not a package reference (sagemaker-region-match reports those)
        }
        const pkg = byReference(ref2, packages);
        if (pkg) {
            judgeStatus(view, ref, pkg, f);
            continue;
        }
        const allowed = cfg.approvedPackages.some(a => a === ref.value || a === `${ref2.group}/${ref2.version}`
            || (ref2.arn === undefined && a.endsWith(`:model-package/${ref2.group}/${ref2.version}`)));
        if (!allowed) {
            const message = `${label(view)}: ${at(ref)} is version ${ref2.version} of model package group "${ref2.group}", declared outside ` +
                `this stack, so this policy cannot see whether it is Approved. Fix: once it is Approved in the registry, add ` +
                `"${ref2.arn ?? `${ref2.group}/${ref2.version}`}" to approvedPackages in the ${NAME} config, or serve a version this stack declares.`;
            f.levelled(cfg.unknownApproval === "fail" ? "fail" : "warn", message);
        }
    }
}

const INFO: PolicyInfo = {
    description: "SageMaker models that serve a versioned model package from the registry must serve an Approved version.",
    severity: "high",
    tags: ["sagemaker", "model-registry", "governance"],
    remediationSteps:
        "Serve the version a reviewer approved: reference a ModelPackage whose ModelApprovalStatus is \"Approved\" (in this stack), " +
        "or, for versions registered outside the stack (pipelines), list the approved ARNs in this policy's approvedPackages config.",
};

/** The policy with these settings as its defaults (and level). */
export function registryApprovalPolicy(settings?: PolicySettings<RegistryApprovalConfig>): StackValidationPolicy {
    const { defaults, base } = configure(NAME, INFO, registryApprovalDefaults, properties, settings);
    return {
        ...base,
        validateStack: (args, report: ReportViolation) => {
            const cfg = configWithDefaults(args.getConfig<Partial<RegistryApprovalConfig>>(), defaults);
            const packages = stackPackages(args.resources);
            for (const r of args.resources) {
                const view = normalize(r);
                if (view?.kind !== "model") {
                    continue;
                }
                const f = new Findings();
                judgeModel(r, view, packages, cfg, f);
                f.flush(report, cfg.onUnknown, view, r.urn);
            }
        },
    };
}

export const registryApproval = registryApprovalPolicy();
