// The members the policies inspect: generated from the SageMaker API model (generated/
// inspected-members.json, made by scripts/generate-policy-data.ts), so a location member AWS adds
// is covered by regenerating.
import * as generated from "../generated/inspected-members.json";
import { MemberKind } from "../locations";

export type ResourceKind = "model" | "model-package";

/** One step of a member path: a member name, and whether it holds a list. */
export interface Step {
    name: string;
    list: boolean;
}

export interface Member {
    /** SDK path, e.g. `Containers[].ModelDataSource.S3DataSource.S3Uri`. */
    path: string;
    kind: MemberKind;
    shape: string;
    steps: Step[];
    /** The model data source this member belongs to (its SDK path), if any. */
    dataSource?: string;
}

export function steps(path: string): Step[] {
    return path.split(".").map(s => (s.endsWith("[]") ? { name: s.slice(0, -2), list: true } : { name: s, list: false }));
}

function load(kind: ResourceKind): { members: Member[]; dataSources: string[] } {
    const dataSources = generated.dataSources[kind];
    const members = generated.members[kind].map(m => ({
        path: m.path,
        kind: m.kind as MemberKind,
        shape: m.shape,
        steps: steps(m.path),
        dataSource: dataSources.find(ds => m.path.startsWith(`${ds}.`)),
    }));
    return { members, dataSources };
}

export const MEMBERS: Record<ResourceKind, { members: Member[]; dataSources: string[] }> = {
    "model": load("model"),
    "model-package": load("model-package"),
};
