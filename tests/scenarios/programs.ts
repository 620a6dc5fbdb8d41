// The programs of the scenario list (tests/scenarios/kinds.ts), as plain data a Pulumi program can
// import too (tests/e2e/fixtures/scenarios): per kind, the inputs a program declares, a change
// applied in place and one that replaces, written from the API reference (Model and
// ModelPackageGroup have no update call but tags; UpdateModelPackage changes a version's approval,
// metadata and the like, and nothing of an unversioned package).
import { UNKNOWN } from "../../provider/common/unknown";

export type ResourceKind = "Model" | "ModelPackage" | "ModelPackageGroup";

type Props = Record<string, unknown>;

export const IMAGE = "123456789012.dkr.ecr.us-east-1.amazonaws.com/xgboost:1.7-1";
export const ROLE = "arn:aws:iam::123456789012:role/SageMakerRole";

export function inferenceSpecification(image = IMAGE): Props {
    return {
        Containers: [{ Image: image, ModelDataUrl: "s3://my-models-us-east-1/churn/model.tar.gz", Environment: { MODE: "batch" } }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
    };
}

export interface ScenarioProgram {
    kind: ResourceKind;
    /** The inputs a program declares (our constructor adds __logicalName). `name` is the physical name. */
    basic(name: string): Props;
    /** A change SageMaker applies in place, and the member it concerns. */
    inPlace: { member: string; change(p: Props): Props };
    /** A change that needs a new resource, and the member it concerns. */
    replace: { member: string; change(p: Props): Props };
    /** The member that names the resource, for case-only renames; versions have no name of their own. */
    nameMember?: string;
    /** A member that may be unknown at preview (an output of another resource). */
    unknownMember: string;
    /** What must exist before the resource can be created (e.g. a group for a version), by name. */
    needs?: { group: string };
}

export const PROGRAMS: ScenarioProgram[] = [
    {
        kind: "Model",
        basic: (name) => ({
            ModelName: name,
            ExecutionRoleArn: ROLE,
            PrimaryContainer: { Image: IMAGE, ModelDataUrl: "s3://my-models-us-east-1/churn/model.tar.gz", Environment: { MODE: "batch" } },
            EnableNetworkIsolation: true,
            Tags: [{ Key: "team", Value: "ml" }],
        }),
        inPlace: { member: "Tags", change: (p) => ({ ...p, Tags: [{ Key: "team", Value: "risk" }] }) },
        replace: { member: "PrimaryContainer", change: (p) => ({ ...p, PrimaryContainer: { Image: `${IMAGE}-2`, ModelDataUrl: "s3://my-models-us-east-1/churn/model.tar.gz" } }) },
        nameMember: "ModelName",
        unknownMember: "ExecutionRoleArn",
    },
    {
        kind: "ModelPackageGroup",
        basic: (name) => ({ ModelPackageGroupName: name, ModelPackageGroupDescription: "churn models", Tags: [{ Key: "team", Value: "ml" }] }),
        inPlace: { member: "Tags", change: (p) => ({ ...p, Tags: [{ Key: "team", Value: "risk" }] }) },
        replace: { member: "ModelPackageGroupDescription", change: (p) => ({ ...p, ModelPackageGroupDescription: "fraud models" }) },
        nameMember: "ModelPackageGroupName",
        unknownMember: "ModelPackageGroupDescription",
    },
    {
        kind: "ModelPackage",
        basic: (group) => ({
            ModelPackageGroupName: group,
            InferenceSpecification: inferenceSpecification(),
            ModelApprovalStatus: "PendingManualApproval",
            Tags: [{ Key: "team", Value: "ml" }],
        }),
        inPlace: { member: "ModelApprovalStatus", change: (p) => ({ ...p, ModelApprovalStatus: "Approved" }) },
        replace: { member: "ModelPackageDescription", change: (p) => ({ ...p, ModelPackageDescription: "retrained" }) },
        unknownMember: "ModelPackageGroupName",
        needs: { group: "scenario-group" },
    },
    {
        kind: "ModelPackage",
        basic: (name) => ({ ModelPackageName: name, InferenceSpecification: inferenceSpecification(), Tags: [{ Key: "team", Value: "ml" }] }),
        inPlace: { member: "Tags", change: (p) => ({ ...p, Tags: [{ Key: "team", Value: "risk" }] }) },
        // UpdateModelPackage "updates a versioned model": on an unversioned package it replaces.
        replace: { member: "ModelCard", change: (p) => ({ ...p, ModelCard: { ModelCardStatus: "Draft" } }) },
        nameMember: "ModelPackageName",
        unknownMember: "ModelPackageName",
    },
];

/** "Model", "ModelPackageGroup", "ModelPackage (versioned)", "ModelPackage (unversioned)". */
export function title(s: ScenarioProgram): string {
    return s.kind !== "ModelPackage" ? s.kind : `ModelPackage (${s.needs ? "versioned" : "unversioned"})`;
}

/** The program's inputs with `member` not known yet, as the engine passes them during preview. */
export function withUnknown(p: Props, member: string): Props {
    return { ...p, [member]: UNKNOWN };
}
