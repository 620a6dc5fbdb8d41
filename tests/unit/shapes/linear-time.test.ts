// check() of a request with a 1 MB string in any member answers at once: lengths are checked
// before patterns, and no pattern backtracks. The figure itself is printed by bench/validation.ts
// (target: under 100 ms); the bound here only guards against a hang (it was 452 s for ModelDataUrl).
import * as assert from "assert";
import { lifecycles } from "../../../provider/runtime";
import { getShape } from "../../../provider/shapes/validate";
import { minimal, reachableTargets, withValue, type Target } from "./shape-cases";

const MB = "x".repeat(1024 * 1024);
const NEAR_MISS = `s3://bucket/${"a".repeat(1024 * 1024)}\n`;
const BOUND_MS = 2000;

const kinds = [
    { kind: "Model", root: "CreateModelInput", extra: { __logicalName: "big" } },
    { kind: "ModelPackage", root: "CreateModelPackageInput", extra: {} },
    { kind: "ModelPackageGroup", root: "CreateModelPackageGroupInput", extra: { __logicalName: "big" } },
] as const;

const stringTargets = (root: string): Target[] => reachableTargets(root).filter((t) => getShape(t.shapeName)?.type === "string");

async function timedCheck(kind: keyof typeof lifecycles, inputs: Record<string, unknown>): Promise<number> {
    const started = process.hrtime.bigint();
    await lifecycles[kind].check({ region: "us-east-1" }, {}, inputs);
    return Number(process.hrtime.bigint() - started) / 1e6;
}

describe("check() with a 1 MB string in any member", function () {
    this.timeout(120_000);
    for (const { kind, root, extra } of kinds) {
        it(`${kind}: every string member (${stringTargets(root).length}), 1 MB plain and 1 MB URL-like, each under ${BOUND_MS} ms`, async () => {
            let worst = { ms: 0, path: "" };
            for (const target of stringTargets(root)) {
                for (const big of [MB, NEAR_MISS]) {
                    const inputs = { ...withValue(root, target.steps, big), ...extra };
                    const ms = await timedCheck(kind, inputs);
                    if (ms > worst.ms) worst = { ms, path: target.path };
                }
            }
            assert.ok(worst.ms < BOUND_MS, `${worst.path}: ${worst.ms.toFixed(0)} ms`);
        });
    }

    it("a 1 MB Environment key and value of a model container", async () => {
        const inputs = { ...(minimal("CreateModelInput") as object), __logicalName: "big",
            PrimaryContainer: { Image: "i", Environment: { [MB]: MB, OK: NEAR_MISS } } };
        assert.ok(await timedCheck("Model", inputs) < BOUND_MS);
    });
});
