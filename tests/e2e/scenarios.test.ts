// The scenario list (tests/scenarios/programs.ts) at the e2e layer: one resource of every kind in
// one program (tests/e2e/fixtures/scenarios), each step run once for all of them with the real
// Pulumi CLI against the local endpoint, and every kind checked after each step. Run against both
// faces of the one engine: the dynamic resources and the provider plugin (issue 24).
import { strict as assert } from "assert";
import { DeleteModelCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand, DescribeModelPackageCommand, ListTagsCommand } from "@aws-sdk/client-sagemaker";
import { PROGRAMS, title } from "../scenarios/programs";
import * as path from "path";
import { engineEnv } from "../../scripts/lib/pulumi-cli";
import {
    REPO_ROOT, assertEndpointEmpty, assertOk, calls, createStack, fixtureDir, MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, resourceChanges, resourceLines, setConfig,
    sortedIds, useE2eEndpoint, type PulumiStack,
} from "../helpers/e2e";

/** Each face: its type tokens, and what its stack needs (the plugin from PATH, its own region key). */
const FACES = {
    dynamic: {
        types: { Model: MODEL, ModelPackageGroup: MODEL_PACKAGE_GROUP, ModelPackage: MODEL_PACKAGE },
        config: {},
        env: (): NodeJS.ProcessEnv => ({}),
    },
    plugin: {
        types: { Model: "sagemaker:index:Model", ModelPackageGroup: "sagemaker:index:ModelPackageGroup", ModelPackage: "sagemaker:index:ModelPackage" },
        config: { "sagemaker:region": "us-east-1" },
        env: (): NodeJS.ProcessEnv => ({ PATH: `${path.join(REPO_ROOT, "plugin", "bin")}:${engineEnv().PATH}` }),
    },
} as const;

/** The Pulumi (logical) name the fixture gives each scenario's resource. */
const LOGICAL = PROGRAMS.map((p) => ({ p, name: title(p).replace(/[^A-Za-z]+/g, "-").replace(/-$/, "").toLowerCase() }));

for (const [face, { types: TYPES, config: faceConfig, env: faceEnv }] of Object.entries(FACES)) describe(`e2e: the scenario list for every kind with the real Pulumi CLI (${face} face)`, function () {
    this.timeout(15 * 60_000);
    const local = useE2eEndpoint();
    let stack: PulumiStack;

    /** Every scenario resource in the state, by logical name. */
    async function scenarioState(): Promise<Map<string, { id?: string; outputs?: Record<string, unknown>; urn: string }>> {
        const state = await stack.exportState();
        const out = new Map<string, { id?: string; outputs?: Record<string, unknown>; urn: string }>();
        for (const r of state.deployment.resources ?? []) {
            const hit = LOGICAL.find(({ p, name }) => r.type === TYPES[p.kind] && r.urn.endsWith(`::${name}`));
            if (hit) {
                out.set(hit.name, r);
            }
        }
        return out;
    }

    /** The state holds exactly what the endpoint holds, for every kind. */
    async function assertStateIsInventory(): Promise<void> {
        const inventory = local.endpoint.inventory();
        const state = await stack.exportState();
        const ofType = (t: string) => sortedIds((state.deployment.resources ?? []).filter((r) => r.type === t));
        assert.deepEqual(ofType(TYPES.Model), [...inventory.models].sort());
        assert.deepEqual(ofType(TYPES.ModelPackageGroup), [...inventory.modelPackageGroups].sort());
        assert.deepEqual(ofType(TYPES.ModelPackage), [...inventory.modelPackages].sort());
    }

    before(async () => {
        stack = await createStack(fixtureDir("scenarios"), {
            endpoint: local.endpoint, name: `e2e-scenarios-${face}`, env: faceEnv(),
            config: { "scenarios:upperCaseNames": "true", "scenarios:face": face, ...faceConfig },
        });
    });

    after(async () => {
        await stack?.destroy().catch(() => undefined);
        await stack?.dispose();
    });

    it("unknowns at preview: members from a resource not created yet pass check and plan a create", async () => {
        await setConfig(stack, { "scenarios:unknown": "true" });
        const preview = await stack.preview();
        assertOk(preview, "preview with unknowns");
        assert.doesNotMatch(preview.output, /error:/);
        assert.equal(resourceChanges(preview.output).created, PROGRAMS.length + 3, "every scenario resource, the versions' group, the helper and the stack");
        assertEndpointEmpty(local.endpoint);
        await setConfig(stack, { "scenarios:unknown": undefined });
    });

    it("basic: up creates exactly the declared resources; up and refresh right after change nothing", async () => {
        await stack.up();
        await assertStateIsInventory();
        assert.equal((await scenarioState()).size, PROGRAMS.length);
        local.endpoint.resetCounters();
        await stack.up(["--expect-no-changes"]);
        await stack.refresh(["--expect-no-changes"]);
        const mutating = Object.keys(local.endpoint.counters()).filter((op) => !/^(Describe|List)/.test(op));
        assert.deepEqual(mutating, [], "no mutating call");
    });

    it("update in place: every kind's in-place change updates it, same ids, and the API shows the change", async () => {
        const before = await scenarioState();
        await setConfig(stack, { "scenarios:variant": "inPlace" });
        const up = await stack.up();
        for (const { p, name } of LOGICAL) {
            assert.ok(resourceLines(up.output, TYPES[p.kind], name).some((l) => / updated /.test(l)), `${title(p)} updated:\n${up.output}`);
        }
        assert.equal(resourceChanges(up.output).replaced, 0);
        const after = await scenarioState();
        for (const { name } of LOGICAL) {
            assert.equal(after.get(name)!.id, before.get(name)!.id, name);
        }
        const version = after.get(LOGICAL.find(({ p }) => p.needs)!.name)!;
        const described = await local.client.send(new DescribeModelPackageCommand({ ModelPackageName: version.id }));
        assert.equal(described.ModelApprovalStatus, "Approved");
        const model = after.get(LOGICAL.find(({ p }) => p.kind === "Model")!.name)!;
        const tags = await local.client.send(new ListTagsCommand({ ResourceArn: String(model.outputs!.arn) }));
        assert.deepEqual(tags.Tags, [{ Key: "team", Value: "risk" }]);
        await stack.up(["--expect-no-changes"]);
    });

    it("replace: every kind's create-time change replaces it, and the endpoint holds the new ones only", async () => {
        const before = await scenarioState();
        await setConfig(stack, { "scenarios:variant": "replace" });
        const up = await stack.up();
        assert.equal(resourceChanges(up.output).replaced, PROGRAMS.length, up.output);
        await assertStateIsInventory();
        const after = await scenarioState();
        const version = LOGICAL.find(({ p }) => p.needs)!.name;
        assert.notEqual(after.get(version)!.id, before.get(version)!.id, "a new version");
        await stack.up(["--expect-no-changes"]);
    });

    it("case-only rename: names that differ only in case replace, deleting the old one first (no 'already exists')", async () => {
        await setConfig(stack, { "scenarios:upperCaseNames": "false" });
        const up = await stack.up();
        const renamed = PROGRAMS.filter((p) => p.nameMember).length;
        assert.equal(resourceChanges(up.output).replaced, renamed, up.output);
        await assertStateIsInventory();
        const names = [...local.endpoint.inventory().models, ...local.endpoint.inventory().modelPackageGroups];
        assert.ok(names.every((arn) => !/Scenario-/.test(arn)));
    });

    it("_disappears: resources deleted out of band are dropped by refresh and created again by up", async () => {
        const state = await scenarioState();
        for (const { p, name } of LOGICAL) {
            const id = state.get(name)!.id!;
            if (p.kind === "Model") {
                await local.client.send(new DeleteModelCommand({ ModelName: id }));
            } else if (p.kind === "ModelPackageGroup") {
                await local.client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: id }));
            } else {
                await local.client.send(new DeleteModelPackageCommand({ ModelPackageName: id }));
            }
        }
        await stack.refresh();
        assert.equal((await scenarioState()).size, 0, "refresh dropped every scenario resource");
        const up = await stack.up();
        assert.equal(resourceChanges(up.output).created, PROGRAMS.length, up.output);
        await assertStateIsInventory();
    });

    it("adopt: resources that exist but are not in the state are taken over, not created again", async () => {
        const state = await scenarioState();
        for (const { name } of LOGICAL) {
            await stack.expectOk(["state", "delete", state.get(name)!.urn, "--yes"]);
        }
        const versionArn = String(state.get(LOGICAL.find(({ p }) => p.needs)!.name)!.id);
        await setConfig(stack, { "scenarios:adopt": "true", "scenarios:adoptVersion": versionArn.slice(versionArn.lastIndexOf("/") + 1) });
        // Preview reads each live resource and says what up will do (docs/MODEL.md, "Adopt").
        // Both faces: the plugin sends its check-time warnings to the engine's Log as the dynamic host does (engine/log.ts).
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        // One warning per resource (the CLI prints each twice: on the stack's row and in Diagnostics).
        const said = new Set(preview.output.match(/warning: [^\n]*: up adopts the existing [^\n]* unchanged\./g) ?? []);
        assert.equal(said.size, PROGRAMS.length, preview.output);
        local.endpoint.resetCounters();
        await stack.up();
        assert.equal(calls(local.endpoint, "CreateModel") + calls(local.endpoint, "CreateModelPackageGroup") + calls(local.endpoint, "CreateModelPackage"), 0, "nothing created");
        const adopted = await scenarioState();
        for (const { name } of LOGICAL) {
            assert.equal(adopted.get(name)!.id, state.get(name)!.id, name);
        }
        await assertStateIsInventory();
        await setConfig(stack, { "scenarios:adopt": undefined, "scenarios:adoptVersion": undefined });
        await stack.up(["--expect-no-changes"]);
    });

    it("lost create response: each create's answer lost once, and still exactly one of each", async () => {
        await stack.destroy();
        assertEndpointEmpty(local.endpoint);
        local.endpoint.setFaults({
            rules: ["CreateModel", "CreateModelPackageGroup", "CreateModelPackage"].map((operation) => ({ operation, times: 1, error: "lostResponse" as const })),
        });
        try {
            await stack.up();
        } finally {
            local.endpoint.setFaults({});
        }
        await assertStateIsInventory();
        assert.equal((await scenarioState()).size, PROGRAMS.length);
    });

    it("destroy check: destroy leaves the endpoint empty", async () => {
        await stack.destroy();
        assertEndpointEmpty(local.endpoint);
    });
});
