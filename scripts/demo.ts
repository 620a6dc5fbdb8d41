/**
 * The demo (`npm run demo`): the whole product against the embedded local SageMaker endpoint, on a
 * temporary file backend, with no AWS credentials. Exits non-zero if any step does not behave.
 */
import * as path from "path";
import { startLocalEndpoint, type LocalEndpoint } from "../local-endpoint";
import { PulumiStack, REPO_ROOT, type RunResult } from "./lib/pulumi-cli";

const POLICY_PACK = path.join(REPO_ROOT, "policy-pack");
const POLICY_CONFIG = path.join(REPO_ROOT, "examples", "policy-config.json");
const POLICIES = ["sagemaker-network-isolation", "sagemaker-region-match", "sagemaker-eula-acceptance", "sagemaker-registry-approval"];

interface Step {
    name: string;
    seconds: number;
    outcome: string;
}

const steps: Step[] = [];
const color = process.stdout.isTTY ? (code: number, s: string) => `\x1b[${code}m${s}\x1b[0m` : (_: number, s: string) => s;

async function step<T>(name: string, run: () => Promise<T>, outcome: (value: T) => string): Promise<T> {
    process.stdout.write(`\n${color(1, `▶ ${name}`)}\n`);
    const start = Date.now();
    const value = await run();
    const seconds = (Date.now() - start) / 1000;
    const text = outcome(value);
    steps.push({ name, seconds, outcome: text });
    process.stdout.write(`  ${color(32, "✔")} ${text} (${seconds.toFixed(1)}s)\n`);
    return value;
}

function fail(message: string, result?: RunResult): never {
    throw new Error(result ? `${message}\n--- pulumi output ---\n${result.output}` : message);
}

/** The "Policies:" block of a preview, which is what a pipeline user reads. */
function policyBlock(output: string): string {
    const start = output.indexOf("Policies:");
    if (start < 0) {
        return "";
    }
    const rest = output.slice(start);
    const end = rest.search(/\n(Diagnostics|Outputs|Resources):/);
    return (end < 0 ? rest : rest.slice(0, end)).trimEnd();
}

function indent(text: string): string {
    return text.split("\n").map((l) => `    ${l}`).join("\n");
}

async function main(): Promise<void> {
    const started = Date.now();
    let endpoint: LocalEndpoint | undefined;
    const stacks: PulumiStack[] = [];
    try {
        endpoint = await step("Start the local SageMaker endpoint", () => startLocalEndpoint({ port: 0 }),
            (ep) => `listening on ${ep.url} (region ${ep.region}, account ${ep.accountId})`);
        const ep = endpoint;
        const env = {
            AWS_ENDPOINT_URL_SAGEMAKER: ep.url,
            AWS_ACCESS_KEY_ID: "demo",
            AWS_SECRET_ACCESS_KEY: "demo",
            AWS_SESSION_TOKEN: "",
            AWS_PROFILE: "",
        };
        const config = { "aws:region": ep.region };

        const bad = await PulumiStack.create(path.join(REPO_ROOT, "examples", "non-compliant"), { stackName: "demo", config, env });
        stacks.push(bad);
        await step("Policy check of examples/non-compliant (must be blocked)", async () => {
            const result = await bad.preview(["--policy-pack", POLICY_PACK]);
            if (result.code === 0) {
                fail("the non-compliant program passed the policy pack", result);
            }
            const missing = POLICIES.filter((p) => !new RegExp(`\\[mandatory\\](\\s+\\[severity: \\w+\\])?\\s+${p}\\b`).test(result.output));
            if (missing.length > 0) {
                fail(`no [mandatory] violation of ${missing.join(", ")}`, result);
            }
            process.stdout.write(`${indent(policyBlock(result.output))}\n`);
            return result;
        }, (r) => `blocked (exit ${r.code}): ${(r.output.match(/\[mandatory\]/g) ?? []).length} mandatory violations, every policy`);

        const good = await PulumiStack.create(REPO_ROOT, { stackName: "demo", config, env });
        stacks.push(good);
        await step("Policy check of the quickstart (root Pulumi.yaml, must pass)", async () => {
            const result = await good.preview(["--policy-pack", POLICY_PACK, "--policy-pack-config", POLICY_CONFIG]);
            if (result.code !== 0 || /\[mandatory\]/.test(result.output)) {
                fail("the quickstart did not preview clean with the policy pack", result);
            }
            return result;
        }, () => "clean: no violation");

        await step("pulumi up", () => good.up(), () => {
            const inv = ep.inventory();
            return `created; the endpoint now holds ${inv.models.length} model(s)`;
        });
        const outputs = await step("Stack outputs", () => good.outputs(), (o) => Object.keys(o).join(", "));
        process.stdout.write(`${indent(JSON.stringify(outputs, null, 2))}\n`);
        if (!ep.inventory().models.includes(String(outputs.modelArn).toLowerCase())) {
            fail(`model ${outputs.modelArn} is not in the endpoint's inventory ${JSON.stringify(ep.inventory())}`);
        }

        await step("pulumi refresh (expect no drift)", () => good.refresh(["--expect-no-changes"]), () => "no drift");
        await step("pulumi up again (expect no changes)", () => good.up(["--expect-no-changes"]), () => "no changes");
        await step("pulumi destroy", () => good.destroy(), () => "destroyed");

        await step("Endpoint inventory", async () => ep.inventory(), (inv) => {
            const left = inv.models.length + inv.modelPackageGroups.length + inv.modelPackages.length;
            if (left !== 0) {
                fail(`the endpoint still holds resources: ${JSON.stringify(inv)}`);
            }
            return "empty: nothing left behind";
        });
        const calls = Object.entries(ep.counters()).map(([op, n]) => `${op} ${n}`).join(", ");
        process.stdout.write(`\n  SageMaker calls made: ${calls}\n`);
    } finally {
        for (const s of stacks) {
            await s.dispose();
        }
        await endpoint?.close();
    }

    const width = Math.max(...steps.map((s) => s.name.length));
    process.stdout.write(`\n${color(1, "Summary")}\n`);
    for (const s of steps) {
        process.stdout.write(`  ${s.name.padEnd(width)}  ${s.seconds.toFixed(1).padStart(5)}s  ${s.outcome}\n`);
    }
    process.stdout.write(`  ${"Total".padEnd(width)}  ${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s\n`);
}

main().catch((err: Error) => {
    process.stderr.write(`\n${color(31, "✘ demo failed:")} ${err.message}\n`);
    process.exit(1);
});
