// Which members are flagged `secrets` (their Environment values are scrubbed from every error and
// never shown by the read-back warning) is decided here from the committed API model, not from the
// tables: a member is flagged exactly when its shape reaches a member named Environment (the
// container and transform-job environments, whose values the AWS docs say may hold credentials).
import * as assert from "assert";
import { loadApiModel, type AwsModel } from "../../../scripts/generate-shapes";
import { MODEL_MEMBERS } from "../../../provider/model/members";
import { PACKAGE_MEMBERS } from "../../../provider/model-package/members";
import { GROUP_MEMBERS } from "../../../provider/model-package-group/members";
import type { MemberSpec } from "../../../provider/engine/kind";

const { model } = loadApiModel();

function reachesEnvironment(m: AwsModel, shapeName: string, seen = new Set<string>()): boolean {
    if (seen.has(shapeName)) {
        return false;
    }
    seen.add(shapeName);
    const shape = m.shapes[shapeName] as { members?: Record<string, { shape: string }>; member?: { shape: string }; value?: { shape: string } };
    const children = [...Object.entries(shape.members ?? {}), ...(shape.member ? [["", shape.member]] : []), ...(shape.value ? [["", shape.value]] : [])] as [string, { shape: string }][];
    return children.some(([name, ref]) => name === "Environment" || reachesEnvironment(m, ref.shape, seen));
}

const KINDS: [string, string, Record<string, MemberSpec>][] = [
    ["Model", "CreateModelInput", MODEL_MEMBERS],
    ["ModelPackage", "CreateModelPackageInput", PACKAGE_MEMBERS],
    ["ModelPackageGroup", "CreateModelPackageGroupInput", GROUP_MEMBERS],
];

describe("members holding an Environment are flagged secrets (from the API model)", () => {
    for (const [kind, input, members] of KINDS) {
        const shape = model.shapes[input] as { members: Record<string, { shape: string }> };
        for (const [member, ref] of Object.entries(shape.members)) {
            const holds = reachesEnvironment(model, ref.shape);
            it(`${kind}.${member}: ${holds ? "flagged" : "not flagged"}`, () => {
                assert.strictEqual(members[member]?.secrets === true, holds, `${kind}.${member} ${holds ? "reaches an Environment map in the API model" : "holds no Environment"}`);
            });
        }
    }
});
