/**
 * Diagnostic (issue 26, the refresh gap): where a Model read's CPU goes, without the engine. Creates N models in
 * the in-process local endpoint, reads them all once to warm up, then reads them again 8 at a time (the CLI's
 * default parallelism) under the V8 CPU profiler and prints the self time by owner: this library's files, the
 * SDK's packages, Node's internals, the local endpoint.
 *
 *     npx ts-node bench/read-profile.ts [N=500]
 */
import * as inspector from "inspector";
import { startLocalEndpoint } from "../local-endpoint";
import { lifecycles } from "../provider/runtime";
import type { ProviderSettings } from "../provider/common/settings";

interface ProfileNode { id: number; callFrame: { url: string } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function ownerOf(url: string): string {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (pkg) {
        return pkg[1];
    }
    if (url.includes("/local-endpoint/")) {
        return "local endpoint";
    }
    if (url.includes("/provider/")) {
        return "this library (provider/)";
    }
    return url.startsWith("node:") ? "node internals" : url === "" ? "(native, GC, idle)" : url;
}

async function main(): Promise<void> {
    const n = Number(process.argv[2] ?? 500);
    process.env.AWS_ACCESS_KEY_ID = "test";
    process.env.AWS_SECRET_ACCESS_KEY = "test";
    const endpoint = await startLocalEndpoint({ port: 0 });
    try {
        const settings: ProviderSettings = { endpoint: endpoint.url, region: "us-east-1" };
        const model = lifecycles.Model;
        const deployed: { id: string; outs: Record<string, unknown> }[] = [];
        for (let i = 0; i < n; i++) {
            const checked = await model.check(settings, {}, {
                PrimaryContainer: { Image: "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1", ModelDataUrl: `s3://bench-models-us-east-1/m${i}/model.tar.gz` },
                ExecutionRoleArn: "arn:aws:iam::123456789012:role/SageMakerExecutionRole", EnableNetworkIsolation: true,
                Tags: [{ Key: "team", Value: "bench" }], ModelName: `m${i}`, __provider: "bench",
            });
            const created = await model.create(settings, checked.inputs ?? {});
            deployed.push({ id: created.id, outs: created.outs ?? {} });
        }
        const readAll = async () => {
            let next = 0;
            await Promise.all(Array.from({ length: 8 }, async () => {
                while (next < deployed.length) {
                    const d = deployed[next++];
                    await model.read(settings, d.id, d.outs);
                }
            }));
        };
        await readAll();
        const session = new inspector.Session();
        session.connect();
        const post = <T>(method: string) => new Promise<T>((done, fail) => session.post(method, (err, res) => (err ? fail(err) : done(res as T))));
        await post("Profiler.enable");
        await post("Profiler.start");
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        await readAll();
        const wallMs = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        const { profile } = await post<{ profile: Profile }>("Profiler.stop");
        session.disconnect();
        const url = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
        const byOwner = new Map<string, number>();
        profile.samples.forEach((id, i) => {
            const owner = ownerOf(url.get(id) ?? "");
            byOwner.set(owner, (byOwner.get(owner) ?? 0) + profile.timeDeltas[i] / 1000);
        });
        const total = [...byOwner.values()].reduce((a, b) => a + b, 0);
        const cpuMs = (cpu.user + cpu.system) / 1000;
        console.log(`${n} reads (DescribeModel + ListTags each): ${wallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU ` +
            `(${(cpuMs / n).toFixed(2)} ms per read, the in-process endpoint included)`);
        console.log("self time by owner (sampled):");
        for (const [owner, ms] of [...byOwner.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
            console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${(100 * ms / total).toFixed(1).padStart(5)} %  ${owner}`);
        }
    } finally {
        await endpoint.close();
    }
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
