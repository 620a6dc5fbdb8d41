// Issue 18, as a user: the packed library installed into a fresh Pulumi project outside this
// repository with the user's own @pulumi/pulumi (the oldest version the peer range admits and the
// current one) and TypeScript 5.x; the local endpoint started with the installed `sagemaker-local`
// bin; `pulumi up`, `refresh`, `destroy` with nothing of this checkout on PATH.
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP, PulumiStack, REPO_ROOT, resourceChanges, sortedIds } from "../helpers/e2e";
import {
    createFreshProject, FreshProject, InstalledEndpoint, packedTarball, removePackedTarballs, startInstalledEndpoint,
} from "../helpers/fresh-project";

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    version: string;
    peerDependencies: Record<string, string>;
    devDependencies: Record<string, string>;
};

/** The peer range is `>=OLDEST <4`: its lower bound is the oldest version this test proves. */
function oldestSupported(): string {
    const range = manifest.peerDependencies["@pulumi/pulumi"];
    const m = /^>=(\d+\.\d+\.\d+) <4$/.exec(range);
    assert.ok(m, `peerDependencies @pulumi/pulumi is "${range}", expected ">=X.Y.Z <4"`);
    return m[1];
}

const VERSIONS = [
    { label: "the oldest supported", version: oldestSupported() },
    { label: "the current", version: manifest.devDependencies["@pulumi/pulumi"] },
];

/**
 * The deployment region comes from the stack config only (the endpoint defaults to us-east-1), so
 * ARNs in it prove that the engine's Configure reached the library's provider.
 */
const REGION = "eu-west-1";

/** The user's program: a package group, one approved version, a model served from it. */
const PROGRAM = `import { Model, ModelPackage, ModelPackageGroup } from "pulumi-sagemaker";

const image = "141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1";
const role = "arn:aws:iam::123456789012:role/SageMakerExecutionRole";

const group = new ModelPackageGroup("churn", { ModelPackageGroupDescription: "churn models" });
const v1 = new ModelPackage("churn-v1", {
    ModelPackageGroupName: group.name,
    InferenceSpecification: {
        Containers: [{ Image: image, ModelDataUrl: "s3://my-models-eu-west-1/churn/v1.tar.gz" }],
        SupportedContentTypes: ["text/csv"],
        SupportedResponseMIMETypes: ["text/csv"],
    },
    ModelApprovalStatus: "Approved",
});
const model = new Model("churn", {
    PrimaryContainer: { ModelPackageName: v1.arn },
    ExecutionRoleArn: role,
    EnableNetworkIsolation: true,
});

export const groupArn = group.arn;
export const packageArn = v1.arn;
export const modelArn = model.arn;
`;

describe("e2e: as a user, from a fresh project outside the repository", function () {
    this.timeout(15 * 60_000);
    let tarball: string;

    before(() => {
        tarball = packedTarball(REPO_ROOT);
    });

    after(() => {
        removePackedTarballs();
    });

    for (const { label, version } of VERSIONS) {
        describe(`with ${label} @pulumi/pulumi (${version})`, () => {
            let project: FreshProject;
            let endpoint: InstalledEndpoint;
            let stack: PulumiStack;

            before(async () => {
                project = await createFreshProject({
                    name: `sagemaker-user-${version.replace(/\./g, "-")}`,
                    files: { "index.ts": PROGRAM },
                    dependencies: { "pulumi-sagemaker": tarball, "@pulumi/pulumi": version },
                    devDependencies: { typescript: "5.9.3", "@types/node": "^22.19.0" },
                });
                console.log(`      npm install (pulumi-sagemaker tarball, @pulumi/pulumi ${version}, typescript): ${project.installSeconds.toFixed(1)} s`);
                endpoint = await startInstalledEndpoint(project, ["--package-delay-ms", "200"]);
                stack = await project.stack({ config: { "aws:region": REGION }, env: endpoint.env });
            });

            after(async () => {
                await stack?.dispose();
                await endpoint?.stop();
                project?.dispose();
            });

            it("installs one @pulumi/pulumi, the user's, with no copy nested under the library", () => {
                assert.equal(project.installed("@pulumi/pulumi").version, version);
                assert.deepEqual(project.copiesOf("@pulumi/pulumi"), [path.join(project.dir, "node_modules", "@pulumi", "pulumi")]);
                assert.equal(project.installed("pulumi-sagemaker").version, manifest.version);
                assert.ok(!fs.existsSync(path.join(project.installed("pulumi-sagemaker").dir, "node_modules", "@pulumi")),
                    "pulumi-sagemaker/node_modules/@pulumi exists");
                assert.equal(project.installed("typescript").version.split(".")[0], "5");
            });

            it("runs with nothing of this checkout in the environment", () => {
                assert.equal(project.env.PULUMI_SAGEMAKER_ROOT, undefined);
                for (const dir of (project.env.PATH ?? "").split(path.delimiter)) {
                    assert.ok(!path.resolve(dir).startsWith(REPO_ROOT + path.sep), `PATH has ${dir}`);
                }
            });

            it("pulumi up creates the group, the version and the model in the endpoint started with the bin", async () => {
                const up = await stack.up();
                assert.deepEqual(resourceChanges(up.output), { created: 4, updated: 0, replaced: 0, deleted: 0, unchanged: 0 }, up.output);
                const inventory = await endpoint.inventory();
                assert.equal(inventory.models.length, 1);
                assert.equal(inventory.modelPackageGroups.length, 1);
                assert.equal(inventory.modelPackages.length, 1);
                assert.deepEqual(inventory.models, sortedIds(await stack.resourcesOfType(MODEL)));
                assert.deepEqual(inventory.modelPackageGroups, sortedIds(await stack.resourcesOfType(MODEL_PACKAGE_GROUP)));
                assert.deepEqual(inventory.modelPackages, sortedIds(await stack.resourcesOfType(MODEL_PACKAGE)));
                for (const arn of [...inventory.models, ...inventory.modelPackageGroups, ...inventory.modelPackages]) {
                    assert.match(arn, new RegExp(`^arn:aws:sagemaker:${REGION}:`));
                }
                const outputs = await stack.outputs();
                assert.deepEqual([outputs.modelArn, outputs.groupArn, outputs.packageArn],
                    [inventory.models[0], inventory.modelPackageGroups[0], inventory.modelPackages[0]]);
            });

            it("pulumi refresh finds no drift", async () => {
                const refresh = await stack.refresh();
                assert.deepEqual(resourceChanges(refresh.output), { created: 0, updated: 0, replaced: 0, deleted: 0, unchanged: 4 }, refresh.output);
            });

            it("pulumi destroy empties the endpoint and the state", async () => {
                const destroy = await stack.destroy();
                assert.equal(resourceChanges(destroy.output).deleted, 4, destroy.output);
                assert.deepEqual(await endpoint.inventory(), { models: [], modelPackageGroups: [], modelPackages: [] });
                for (const type of [MODEL, MODEL_PACKAGE, MODEL_PACKAGE_GROUP]) {
                    assert.deepEqual(await stack.resourcesOfType(type), []);
                }
            });
        });
    }
});
