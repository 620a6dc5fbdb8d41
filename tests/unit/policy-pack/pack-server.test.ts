// Loads the pack the way `pulumi preview --policy-pack` does (run-policy-pack, ts-node) and talks
// to its analyzer over gRPC: proves it starts, lists its policies, and that violations and
// advisories come out of the real @pulumi/policy server with our messages and levels.
import * as assert from "assert";
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import { PACK_DIR, UNKNOWN } from "../../helpers/policy-args";

const fromPack = (id: string) => require(require.resolve(id, { paths: [PACK_DIR] }));

describe("policy pack served by run-policy-pack", function () {
    this.timeout(120000);
    const grpc = fromPack("@grpc/grpc-js");
    const rpc = fromPack("@pulumi/pulumi/proto/analyzer_grpc_pb");
    const pb = fromPack("@pulumi/pulumi/proto/analyzer_pb");
    const { Struct } = fromPack("google-protobuf/google/protobuf/struct_pb");
    const { Empty } = fromPack("google-protobuf/google/protobuf/empty_pb");
    let child: ChildProcess;
    let client: { [method: string]: (req: unknown, cb: (err: Error | null, res: unknown) => void) => void; close(): void };
    const call = <T>(method: string, req: unknown) => new Promise<T>((resolve, reject) => client[method](req, (err, res) => (err ? reject(err) : resolve(res as T))));

    before(async () => {
        const runner = path.join(PACK_DIR, "node_modules/@pulumi/pulumi/cmd/run-policy-pack");
        child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
            cwd: PACK_DIR,
            env: { ...process.env, PULUMI_CONFIG: JSON.stringify({ "aws:region": "us-east-1" }) },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.on("data", d => (stderr += d));
        const port = await new Promise<string>((resolve, reject) => {
            child.stdout!.once("data", d => resolve(String(d).trim()));
            child.once("exit", code => reject(new Error(`pack exited ${code}: ${stderr}`)));
        });
        client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        child?.kill();
    });

    it("announces sagemaker-guardrails with its four mandatory policies, the opt-in one disabled, and their config schemas", async () => {
        const info = await call<{ getName(): string; getPoliciesList(): { getName(): string; getEnforcementlevel(): number; hasConfigschema(): boolean }[] }>("getAnalyzerInfo", new Empty());
        assert.strictEqual(info.getName(), "sagemaker-guardrails");
        const policies = info.getPoliciesList();
        const M = pb.EnforcementLevel.MANDATORY, D = pb.EnforcementLevel.DISABLED;
        assert.deepStrictEqual(policies.map(p => [p.getName(), p.getEnforcementlevel()]), [
            ["sagemaker-network-isolation", M], ["sagemaker-region-match", M], ["sagemaker-eula-acceptance", M], ["sagemaker-registry-approval", M],
            ["sagemaker-plaintext-secrets", D],
        ]);
        assert.ok(policies.every(p => p.hasConfigschema()));
    });

    it("sagemaker-plaintext-secrets, enabled by config, sees a secret as plain as a literal (why it is judged by key only)", async () => {
        const cfg = new pb.ConfigureAnalyzerRequest();
        const secretsCfg = new pb.PolicyConfig();
        secretsCfg.setEnforcementlevel(pb.EnforcementLevel.ADVISORY);
        secretsCfg.setProperties(Struct.fromJavaScript({}));
        cfg.getPolicyconfigMap().set("sagemaker-plaintext-secrets", secretsCfg);
        await call("configure", cfg);
        const req = new pb.AnalyzeRequest();
        req.setType("pulumi-nodejs:dynamic/sagemaker:Model");
        req.setName("llm");
        req.setUrn("urn:pulumi:dev::app::pulumi-nodejs:dynamic/sagemaker:Model::llm");
        // As the engine sends a Pulumi secret to an analyzer (MarshalOptions KeepSecrets: true).
        const secret = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "pw" };
        req.setProperties(Struct.fromJavaScript({
            ModelName: "llm", EnableNetworkIsolation: true, region: "us-east-1",
            PrimaryContainer: { Image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/x:1", Environment: { HF_TOKEN: "hf_x", DB_PASSWORD: secret, TOKENIZER_PATH: "/t" } },
        }));
        req.setOptions(new pb.AnalyzerResourceOptions());
        const res = await call<{ getDiagnosticsList(): { getPolicyname(): string; getEnforcementlevel(): number; getMessage(): string }[] }>("analyze", req);
        const ds = res.getDiagnosticsList().filter(d => d.getPolicyname() === "sagemaker-plaintext-secrets");
        assert.deepStrictEqual(ds.map(d => [d.getEnforcementlevel(), /: (\S+) holds a literal value/.exec(d.getMessage())?.[1]]).sort(), [
            [pb.EnforcementLevel.ADVISORY, "PrimaryContainer.Environment.DB_PASSWORD"],
            [pb.EnforcementLevel.ADVISORY, "PrimaryContainer.Environment.HF_TOKEN"],
        ]);
    });

    it("reports mandatory violations and onUnknown=warn advisories through the real analyzer", async () => {
        const cfg = new pb.ConfigureAnalyzerRequest();
        const regionCfg = new pb.PolicyConfig();
        regionCfg.setEnforcementlevel(pb.EnforcementLevel.MANDATORY);
        regionCfg.setProperties(Struct.fromJavaScript({ onUnknown: "warn" }));
        cfg.getPolicyconfigMap().set("sagemaker-region-match", regionCfg);
        await call("configure", cfg);

        const req = new pb.AnalyzeRequest();
        req.setType("pulumi-nodejs:dynamic/sagemaker:Model");
        req.setName("fraud");
        req.setUrn("urn:pulumi:dev::app::pulumi-nodejs:dynamic/sagemaker:Model::fraud");
        req.setProperties(Struct.fromJavaScript({
            ModelName: "fraud", ExecutionRoleArn: UNKNOWN,
            PrimaryContainer: { Image: "123456789012.dkr.ecr.us-west-2.amazonaws.com/x:1" },
            Containers: [{ Image: UNKNOWN }],
        }));
        req.setOptions(new pb.AnalyzerResourceOptions());
        const res = await call<{ getDiagnosticsList(): { getPolicyname(): string; getEnforcementlevel(): number; getMessage(): string }[] }>("analyze", req);
        const ds = res.getDiagnosticsList().map(d => ({ policy: d.getPolicyname(), level: d.getEnforcementlevel(), message: d.getMessage() }));
        const M = pb.EnforcementLevel.MANDATORY, A = pb.EnforcementLevel.ADVISORY;
        // Unknown values are judged in the stack pass (it can trace them to the stack's own resources).
        assert.deepStrictEqual(ds.map(d => [d.policy, d.level]), [
            ["sagemaker-network-isolation", M],
            ["sagemaker-region-match", M],
        ]);
        assert.match(ds[0].message, /EnableNetworkIsolation is <not set>/);
        assert.match(ds[1].message, /"us-west-2" but the model deploys to "us-east-1" \(from stack config aws:region\)/);

        const resource = new pb.AnalyzerResource();
        resource.setType(req.getType());
        resource.setName(req.getName());
        resource.setUrn(req.getUrn());
        resource.setProperties(req.getProperties());
        resource.setOptions(new pb.AnalyzerResourceOptions());
        const stackReq = new pb.AnalyzeStackRequest();
        stackReq.setResourcesList([resource]);
        const stackRes = await call<{ getDiagnosticsList(): { getPolicyname(): string; getEnforcementlevel(): number; getMessage(): string }[] }>("analyzeStack", stackReq);
        const unknowns = stackRes.getDiagnosticsList().filter(d => d.getPolicyname() === "sagemaker-region-match" && d.getEnforcementlevel() === A);
        assert.strictEqual(unknowns.length, 1, stackRes.getDiagnosticsList().map(d => d.getMessage()).join("\n"));
        assert.match(unknowns[0].getMessage(), /^Model "fraud" .*Containers\[0\].Image is unknown during preview/);
    });
});
