// Issue 25 item 2 with the real CLI: a token written in plaintext in a container's Environment is a
// preview warning on the model naming the key and the fix; a value passed as pulumi.secret or from
// secret config is not, nor are keys that only look like secrets. The opt-in pack policy, enabled by
// config, reports the same key, and (seeing plain values, as every policy does) the secret ones too.
import { strict as assert } from "assert";
import { POLICY_PACK_DIR, PulumiStack, createStack, fixtureDir, policyViolations, writePolicyConfig } from "../helpers/e2e";

describe("e2e: plaintext secrets in a container's Environment", function () {
    this.timeout(10 * 60_000);
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("plaintext-secrets"), { name: "e2e-plaintext-secrets" });
        await stack.expectOk(["config", "set", "--secret", "apiKey", "from-secret-config"]);
    });

    after(async () => {
        await stack?.dispose();
    });

    it("preview warns on the model for the plaintext token only, with the fix, and never prints the value", async () => {
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        // The Diagnostics section lists each warning once (the progress line repeats it).
        const diagnostics = preview.output.slice(preview.output.indexOf("Diagnostics:"));
        const warnings = diagnostics.split("\n").filter((l) => /^\s+warning: .*is a plaintext value under a key that names a secret/.test(l));
        assert.equal(warnings.length, 1, preview.output);
        assert.match(warnings[0], /warning: Model "llm": PrimaryContainer\.Environment\.HF_TOKEN is a plaintext value under a key that names a secret \(the word "token"\)/);
        assert.match(warnings[0], /Fix: pass it as a secret, e\.g\. HF_TOKEN: pulumi\.secret\(process\.env\.HF_TOKEN\) or config\.requireSecret\("HF_TOKEN"\) after `pulumi config set --secret HF_TOKEN <value>`/);
        // Attached to the resource: the diagnostics group it under the model.
        assert.match(preview.output, /pulumi-nodejs:dynamic\/sagemaker:Model \(llm\):\s*\n\s*warning: Model "llm"/);
        assert.ok(!preview.output.includes("hf_plaintextvalue"), "the value is never printed");
    });

    it("the pack's opt-in sagemaker-plaintext-secrets, enabled as advisory, reports the secret-named keys without blocking", async () => {
        const config = writePolicyConfig({ "sagemaker-plaintext-secrets": "advisory" });
        const preview = await stack.preview(["--policy-pack", POLICY_PACK_DIR, "--policy-pack-config", config]);
        assert.equal(preview.code, 0, preview.output);
        const found = policyViolations(preview.output).filter((v) => v.policy === "sagemaker-plaintext-secrets");
        assert.deepEqual(found.map((v) => [v.level, v.name]), [["advisory", "llm"], ["advisory", "llm"], ["advisory", "llm"]], preview.output);
        for (const key of ["HF_TOKEN", "DB_PASSWORD", "API_KEY"]) {
            assert.match(preview.output, new RegExp(`PrimaryContainer\\.Environment\\.${key} holds a literal value`));
        }
        assert.doesNotMatch(preview.output, /TOKENIZER_PATH holds|MAX_NEW_TOKENS holds/);
    });
});
