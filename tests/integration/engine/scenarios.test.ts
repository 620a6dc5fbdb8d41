// The scenario list (tests/scenarios/kinds.ts) at the integration layer: each kind's lifecycle,
// driven as the engine drives it, against the local endpoint over HTTP with the real SDK.
import * as assert from "assert";
import { AddTagsCommand, CreateModelPackageGroupCommand, ListTagsCommand, DeleteModelCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand, SageMakerClient } from "@aws-sdk/client-sagemaker";
import type { Inventory } from "../../../local-endpoint";
import type { Lifecycle } from "../../../provider/common/lifecycle";
import { lifecycles } from "../../../provider/runtime";
import { UNKNOWN } from "../../../provider/common/unknown";
import { previewAdopt } from "../../../provider/engine/create";
import { checked, deploy, PROVIDER, redeploy, settingsFor, useTestEnvironment, type Deployed } from "../../helpers/lifecycle-harness";
import { useLocalEndpoint } from "../../helpers/local-endpoint";
import { SCENARIOS, title, type KindScenarios } from "../../scenarios/kinds";

type Props = Record<string, unknown>;

/** The endpoint's live resources of one kind. */
function live(inventory: Inventory, s: KindScenarios): string[] {
    return s.kind === "Model" ? inventory.models : s.kind === "ModelPackageGroup" ? inventory.modelPackageGroups : inventory.modelPackages;
}

/** Deletes a resource behind Pulumi's back, as someone in the console would. */
async function deleteOutOfBand(client: SageMakerClient, s: KindScenarios, d: Deployed): Promise<void> {
    if (s.kind === "Model") {
        await client.send(new DeleteModelCommand({ ModelName: d.id }));
    } else if (s.kind === "ModelPackageGroup") {
        await client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: d.id }));
    } else {
        await client.send(new DeleteModelPackageCommand({ ModelPackageName: d.id }));
    }
}

/** The create operation of a kind, as the endpoint counts it. */
const CREATE = { Model: "CreateModel", ModelPackageGroup: "CreateModelPackageGroup", ModelPackage: "CreateModelPackage" } as const;

for (const s of SCENARIOS) {
    describe(`scenarios against the local endpoint: ${title(s)}`, function () {
        this.timeout(20_000);
        useTestEnvironment();
        const local = useLocalEndpoint({ packageStatusDelayMs: 20 });
        const lc: Lifecycle = lifecycles[s.kind];
        const settings = () => settingsFor(local.endpoint);
        let n = 0;
        /** A fresh physical name per test (or the group, for versions). */
        const fresh = () => (s.needs ? s.needs.group : `scenario-${s.kind.toLowerCase()}-${++n}`);
        const program = (name = fresh()): Props => ({ ...s.basic(name), ...(s.spec.name?.generated ? { __logicalName: "scenario" } : {}) });
        const count = () => live(local.endpoint.inventory(), s).length;
        /** The name a program gave (for a version: its group). */
        const nameOf = (d: Deployed) => String(d.inputs[s.nameMember ?? "ModelPackageGroupName"]);

        before(async () => {
            if (s.needs) {
                await local.client.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: s.needs.group }));
            }
        });

        it("basic: create makes exactly the declared resource, and a refresh right after shows no drift", async () => {
            const before = count();
            const d = await deploy(lc, settings(), program());
            assert.strictEqual(count(), before + 1);
            const r = await lc.read(settings(), d.id, d.outputs);
            assert.strictEqual(r.id, d.id);
            const drift = await lc.diff(settings(), d.id, { ...r.props!, __provider: PROVIDER }, await checked(lc, settings(), r.inputs!, program(nameOf(d))));
            assert.strictEqual(drift.changes, false, "no drift right after a deployment");
            await lc.delete(settings(), d.id, d.outputs);
        });

        it(`update in place (${s.inPlace.member}): the same resource, and a refresh reads the new value back`, async () => {
            const d = await deploy(lc, settings(), program());
            const name = nameOf(d);
            const { diff, next } = await redeploy(lc, settings(), d, s.inPlace.change(program(name)));
            assert.deepStrictEqual([diff.changes, diff.replaces], [true, []]);
            assert.strictEqual(next.id, d.id);
            const r = await lc.read(settings(), d.id, next.outputs);
            assert.deepStrictEqual(r.inputs![s.inPlace.member], s.inPlace.change(program(name))[s.inPlace.member]);
            await lc.delete(settings(), d.id, next.outputs);
        });

        it(`replace (${s.replace.member}): in the engine's order, one resource with the new value is left`, async () => {
            const d = await deploy(lc, settings(), program());
            const name = nameOf(d);
            const news = await checked(lc, settings(), {}, s.replace.change(program(name)));
            const diff = await lc.diff(settings(), d.id, d.outputs, news);
            assert.deepStrictEqual(diff.replaces, [s.replace.member]);
            const before = count();
            if (diff.deleteBeforeReplace) {
                await lc.delete(settings(), d.id, d.outputs);
                assert.strictEqual(count(), before - 1);
            }
            const created = await lc.create(settings(), news);
            if (!diff.deleteBeforeReplace) {
                await lc.delete(settings(), d.id, d.outputs);
            }
            assert.strictEqual(count(), before);
            const r = await lc.read(settings(), created.id, { ...created.outs });
            assert.deepStrictEqual(r.inputs![s.replace.member], news[s.replace.member]);
            await lc.delete(settings(), created.id, created.outs);
        });

        it("_disappears: deleted out of band, refresh drops it and the next create makes it again", async () => {
            const d = await deploy(lc, settings(), program());
            await deleteOutOfBand(local.client, s, d);
            assert.deepStrictEqual(await lc.read(settings(), d.id, d.outputs), {});
            // The next up checks the program again with no old state (it was dropped), then creates.
            const before = count();
            const again = await lc.create(settings(), await checked(lc, settings(), {}, program(nameOf(d))));
            assert.strictEqual(count(), before + 1);
            await lc.delete(settings(), again.id, again.outs);
        });

        it("destroy check: delete leaves nothing, and deleting what is already gone is success", async () => {
            const before = count();
            const d = await deploy(lc, settings(), program());
            await lc.delete(settings(), d.id, d.outputs);
            assert.strictEqual(count(), before);
            await lc.delete(settings(), d.id, d.outputs);
            assert.strictEqual(count(), before);
        });

        if (s.nameMember) {
            it("a fixed name taken by a resource this deployment did not create: a clear conflict, and it is left untouched", async () => {
                const theirs = await deploy(lc, settings(), program());
                const before = count();
                const ours = await checked(lc, settings(), {}, s.replace.change(program(nameOf(theirs))));
                await assert.rejects(lc.create(settings(), ours), (err: Error) => {
                    assert.match(err.message, new RegExp(`named "${nameOf(theirs)}" already exists in us-east-1; it was not created by this deployment, so it is left untouched\\. Fix: `));
                    return true;
                });
                assert.strictEqual(count(), before);
                const r = await lc.read(settings(), theirs.id, theirs.outputs);
                assert.deepStrictEqual(r.inputs![s.replace.member], theirs.inputs[s.replace.member], "untouched");
                await lc.delete(settings(), theirs.id, theirs.outputs);
            });
        }

        it("lost create response: the create is applied once and the resource is in state exactly once", async () => {
            const before = count();
            local.endpoint.setFaults({ rules: [{ operation: CREATE[s.kind], times: 1, error: "lostResponse" }] });
            try {
                const d = await deploy(lc, settings(), program());
                assert.strictEqual(count(), before + 1, "exactly one resource");
                assert.ok(live(local.endpoint.inventory(), s).some((arn) => arn === d.outputs.arn), "the state names the live one");
                await lc.delete(settings(), d.id, d.outputs);
            } finally {
                local.endpoint.setFaults({});
            }
        });

        describe("adopt", () => {
            /** The same program with `adopt` set: true for a name, the version number for a version. */
            const adopting = (p: Props, version?: unknown) => ({ ...p, adopt: s.needs ? version : true });

            it("adopt-equal: an existing resource matching the inputs is taken over, not created", async () => {
                const existing = await deploy(lc, settings(), program());
                const name = nameOf(existing);
                local.endpoint.resetCounters();
                const adopted = await deploy(lc, settings(), adopting(s.inPlace.change(program(name)), existing.outputs.version));
                assert.strictEqual(adopted.id, existing.id);
                assert.strictEqual(local.endpoint.counters()[CREATE[s.kind]] ?? 0, 0, "nothing created");
                const r = await lc.read(settings(), adopted.id, adopted.outputs);
                assert.deepStrictEqual(r.inputs![s.inPlace.member], s.inPlace.change(program(name))[s.inPlace.member], "in-place members set to the inputs");
                // Destroy after adoption deletes exactly what was adopted.
                const before = count();
                await lc.delete(settings(), adopted.id, adopted.outputs);
                assert.strictEqual(count(), before - 1);
            });

            it("adopt-different: preview fails naming each differing path, both values and the fix; create refuses the same", async () => {
                const existing = await deploy(lc, settings(), program());
                const name = nameOf(existing);
                const news = adopting(s.replace.change(program(name)), existing.outputs.version);
                const result = await lc.check(settings(), {}, { ...news, __provider: PROVIDER });
                const failures = result.failures ?? [];
                assert.strictEqual(failures.length, 1, JSON.stringify(failures));
                const reason = failures[0].reason;
                assert.strictEqual(failures[0].property, "adopt");
                // The path, both values (declared from the scenario's change, live from the program it replaced), the constraint, the fix.
                // The first leaf the scenario changes: PrimaryContainer.Image for a model, the whole member where the live one has none.
                const declared = s.replace.change(program(name))[s.replace.member];
                const was = program(name)[s.replace.member];
                const sub = typeof declared === "object" && typeof was === "object" ? Object.keys(declared as Props)[0] : undefined;
                const path = sub ? `${s.replace.member}.${sub}` : s.replace.member;
                const [want, held] = sub ? [(declared as Props)[sub], (was as Props)[sub]] : [declared, was];
                assert.ok(reason.includes(`${path} (declared ${JSON.stringify(want)}, live ${held === undefined ? "absent" : JSON.stringify(held)})`), reason);
                assert.match(reason, /constraint: members fixed at creation must match to adopt/);
                assert.match(reason, /Fix: change the program to match the live value, or drop `adopt` and pick another /);
                // At create (inputs checked without adopt, then adopt set), the same refusal.
                const inputs = { ...await checked(lc, settings(), {}, s.replace.change(program(name))), adopt: news.adopt };
                await assert.rejects(lc.create(settings(), inputs), (err: Error) => {
                    assert.ok(err.message.includes(`${path} (declared`), err.message);
                    assert.match(err.message, /Fix: /);
                    return true;
                });
                await lc.delete(settings(), existing.id, existing.outputs);
            });

            it("adopt-tags: preview says what adopting changes and that undeclared live tags are kept; up keeps them unless adoptTags is \"remove\"", async () => {
                for (const mode of [undefined, "remove"] as const) {
                    const existing = await deploy(lc, settings(), program());
                    const name = nameOf(existing);
                    const arn = String(existing.outputs.arn);
                    await local.client.send(new AddTagsCommand({ ResourceArn: arn, Tags: [{ Key: "owner", Value: "console" }] }));
                    const news = { ...adopting(s.inPlace.change(program(name)), existing.outputs.version), ...(mode ? { adoptTags: mode } : {}) };
                    const inputs = await checked(lc, settings(), {}, news);
                    const preview = await previewAdopt(s.spec, settings(), inputs);
                    assert.deepStrictEqual(preview.failures, []);
                    assert.strictEqual(preview.warnings.length, 1);
                    const [warning] = preview.warnings;
                    assert.match(warning, /up adopts the existing /);
                    if (s.inPlace.member === "Tags") {
                        assert.match(warning, /tag "team" set to "risk"/);
                    } else {
                        assert.ok(warning.includes(`${s.inPlace.member} (declared`), warning);
                    }
                    if (mode === undefined) {
                        assert.match(warning, /Live tags the program does not declare are kept: "owner" \(set `adoptTags: "remove"` to remove them\)/);
                    } else {
                        assert.match(warning, /tag "owner" removed/);
                    }
                    const adopted = await lc.create(settings(), inputs);
                    const tags = (await local.client.send(new ListTagsCommand({ ResourceArn: arn }))).Tags ?? [];
                    assert.strictEqual(tags.some((t) => t.Key === "owner"), mode === undefined, JSON.stringify(tags));
                    await lc.delete(settings(), adopted.id, { ...adopted.outs, __provider: PROVIDER });
                }
            });

            it("adopt-unknown: inputs not known at preview are a warning, not a read or a failure", async () => {
                const news = adopting({ ...program(), [s.unknownMember]: UNKNOWN }, 1);
                local.endpoint.resetCounters();
                const preview = await previewAdopt(s.spec, settings(), news);
                assert.deepStrictEqual(preview.failures, []);
                assert.match(preview.warnings.join("\n"), /adopt is decided at `pulumi up`: some inputs are not known during preview/);
                assert.deepStrictEqual(local.endpoint.counters(), {}, "nothing read");
            });

            it("adopt-no-credentials: a preview that cannot read the live resource warns and does not fail", async () => {
                const existing = await deploy(lc, settings(), program());
                const news = adopting(program(nameOf(existing)), existing.outputs.version);
                const keys = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED"];
                const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
                keys.slice(0, 3).forEach((k) => delete process.env[k]);
                Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/credentials", AWS_CONFIG_FILE: "/nonexistent/config", AWS_EC2_METADATA_DISABLED: "true" });
                // Settings of their own: a client of its own (clients are cached with the credentials they resolved).
                const uncredentialed = { ...settings(), maxAttempts: 1 };
                try {
                    const result = await lc.check(uncredentialed, {}, { ...news, __provider: PROVIDER });
                    assert.deepStrictEqual(result.failures ?? [], []);
                    const preview = await previewAdopt(s.spec, uncredentialed, result.inputs!);
                    assert.deepStrictEqual(preview.failures, []);
                    assert.match(preview.warnings.join("\n"), /preview could not read the resource adopt would take over .*Fix: provide AWS credentials/);
                } finally {
                    for (const [k, v] of Object.entries(saved)) {
                        if (v === undefined) {
                            delete process.env[k];
                        } else {
                            process.env[k] = v;
                        }
                    }
                }
                await lc.delete(settings(), existing.id, existing.outputs);
            });

            if (s.kind === "Model") {
                it("adopt-secret: a differing Environment value is named by its path, its values never shown", async () => {
                    const base = program();
                    const withEnv = (v: string) => ({ ...base, PrimaryContainer: { ...(base.PrimaryContainer as Props), Environment: { DB_PASSWORD: v } } });
                    const existing = await deploy(lc, settings(), withEnv("live-s3cret"));
                    const result = await lc.check(settings(), {}, { ...adopting(withEnv("declared-s3cret")), __provider: PROVIDER });
                    const reason = (result.failures ?? []).map((f) => f.reason).join("\n");
                    assert.match(reason, /at PrimaryContainer\.Environment\.DB_PASSWORD \(values not shown: Environment values may be secrets\)/);
                    assert.ok(!reason.includes("s3cret"), reason);
                    await lc.delete(settings(), existing.id, existing.outputs);
                });
            }

            it("adopt-missing: nothing to adopt, so it is created", async () => {
                const before = count();
                const d = await deploy(lc, settings(), adopting(program(), 999));
                assert.strictEqual(count(), before + 1);
                await lc.delete(settings(), d.id, d.outputs);
            });
        });
    });
}
