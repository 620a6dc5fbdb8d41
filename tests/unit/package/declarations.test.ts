// What a user's program type-checks when it imports the package (issue 26): Pulumi runs TypeScript
// programs through ts-node, which type-checks them at every preview and up. The public declarations name
// the SDK's shape types (ModelArgs is the SDK's CreateModelInput as Pulumi inputs); taken from the SDK's
// package index, they made each program load the client and every command, 1302 files against 361 for a
// no-op resource, and 86 MiB more program memory (docs/PERFORMANCE.md).
import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import type * as TS from "typescript";
import { REPO_ROOT } from "../../../scripts/lib/pulumi-cli";

/**
 * A user's program: inputs the SDK's shapes accept, and one each shape refuses (AWS's API reference:
 * ContainerDefinition.Image, ModelPackageGroup's ModelPackageGroupName and Tag.Value are strings). Each
 * `@ts-expect-error` is itself an error when the shapes do not resolve (the member would be `any`).
 */
const PROGRAM = `
import { Model, ModelPackageGroup, type ModelArgs } from "pulumi-sagemaker";
const ok: ModelArgs = { PrimaryContainer: { Image: "img" }, ExecutionRoleArn: "arn", Tags: [{ Key: "k", Value: "v" }] };
new Model("m", ok);
// @ts-expect-error Image is a string
const badImage: ModelArgs = { PrimaryContainer: { Image: 42 } };
// @ts-expect-error Tag.Value is a string
const badTag: ModelArgs = { Tags: [{ Key: "k", Value: false }] };
// @ts-expect-error ModelPackageGroupName is a string
new ModelPackageGroup("g", { ModelPackageGroupName: 7 });
export { badImage, badTag };
`;

/** Declaration files of the SDK beyond its shapes: the client, the aggregated client and the commands. */
const BEYOND_SHAPES = /@aws-sdk\/client-sagemaker\/dist-types\/(index|SageMakerClient|SageMaker)\.d\.ts$|@aws-sdk\/client-sagemaker\/dist-types\/commands\//;

function typeCheck(resolution: "node10" | "node16"): { files: string[]; errors: string[] } {
    const ts = require("typescript") as typeof TS;
    // A file beside the package's own node_modules, so "pulumi-sagemaker" resolves to this checkout's
    // package.json `types` (dist/provider/index.d.ts) as it does for an installed copy.
    const root = path.join(REPO_ROOT, "__declarations-probe__.ts");
    const options: TS.CompilerOptions = {
        strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, types: [],
        ...(resolution === "node10"
            ? { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 }
            : { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }),
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => (f === root ? PROGRAM : readFile(f));
    host.fileExists = (f) => f === root || fileExists(f);
    host.getSourceFile = (f, v, onError, create) =>
        (f === root ? ts.createSourceFile(f, PROGRAM, v, true) : getSourceFile(f, v, onError, create));
    const program = ts.createProgram([root], options, host);
    const errors = ts.getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === root || d.file === undefined)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    return { files: program.getSourceFiles().map((f) => f.fileName), errors };
}

describe("npm package: the declarations a user's program type-checks", function () {
    this.timeout(120_000);

    before(function () {
        assert.ok(fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "index.d.ts")),
            "dist/ is missing: run `npm run build` first (npm test does)");
    });

    for (const resolution of ["node10", "node16"] as const) {
        it(`load the SDK's shapes and not its client or commands (moduleResolution ${resolution})`, () => {
            const { files, errors } = typeCheck(resolution);
            assert.deepEqual(errors, [], "the program's type check");
            assert.ok(files.some((f) => f.endsWith("client-sagemaker/dist-types/models/models_1.d.ts")),
                "the SDK's CreateModelInput (models_1.d.ts) was not loaded");
            const beyond = files.filter((f) => BEYOND_SHAPES.test(f));
            assert.deepEqual(beyond.slice(0, 5), [],
                `${beyond.length} declaration files of the SDK's client and commands were loaded: a public declaration ` +
                "imports from \"@aws-sdk/client-sagemaker\"; name the shape through provider/common/sdk-shapes.ts instead");
        });
    }
});
