// Issue 17 with the real Pulumi CLI: a value the current API model added (ml.g6e.xlarge) previews
// and deploys on the local endpoint; the `sagemaker:validation: warn` escape hatch turns a shape
// failure into a warning at preview and lets SageMaker (here: the local endpoint) decide; an error
// of a delete prints its message once.
import { strict as assert } from "assert";
import { DescribeModelPackageCommand } from "@aws-sdk/client-sagemaker";
import { MODEL_PACKAGE, PulumiStack, assertEndpointEmpty, createStack, fixtureDir, resourceChanges, setConfig, useE2eEndpoint } from "../helpers/e2e";

describe("e2e: current API model and the validation escape hatch", function () {
    this.timeout(10 * 60_000);
    const t = useE2eEndpoint();
    let stack: PulumiStack;

    before(async () => {
        stack = await createStack(fixtureDir("validation"), { endpoint: t.endpoint, name: "e2e-validation" });
    });

    after(async () => {
        await stack?.dispose();
    });

    it("SupportedTransformInstanceTypes [ml.g6e.xlarge] previews and deploys", async () => {
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        const up = await stack.up();
        assert.equal(resourceChanges(up.output).created, 3, up.output);
        const [version] = await stack.resourcesOfType(MODEL_PACKAGE);
        const described = await t.client.send(new DescribeModelPackageCommand({ ModelPackageName: String(version.outputs?.arn) }));
        assert.deepEqual(described.InferenceSpecification?.SupportedTransformInstanceTypes, ["ml.g6e.xlarge"]);
    });

    it("a value no model knows fails the preview with the closest values and the reference page", async () => {
        await setConfig(stack, { "e2e-validation:transformTypes": "ml.g99.xlarge" });
        const preview = await stack.preview();
        assert.notEqual(preview.code, 0, preview.output);
        assert.match(preview.output, /InferenceSpecification\.SupportedTransformInstanceTypes\[0\]: "ml\.g99\.xlarge" is not a TransformInstanceType value; closest: [^(]+\(all \d+ values: https:\/\/docs\.aws\.amazon\.com\/sagemaker\/latest\/APIReference\/API_InferenceSpecification\.html\)/);
    });

    it("with sagemaker:validation warn the preview passes with a warning, and SageMaker decides at deploy", async () => {
        await setConfig(stack, { "sagemaker:validation": "warn" });
        const preview = await stack.preview();
        assert.equal(preview.code, 0, preview.output);
        assert.match(preview.output, /warning: ModelPackage: InferenceSpecification\.SupportedTransformInstanceTypes\[0\]: "ml\.g99\.xlarge" is not a TransformInstanceType value;.* not enforced because sagemaker:validation is "warn"/);
        assert.match(preview.output, /\b1 warning\b/, "counted as a warning, not a plain message");
        const up = await stack.run(["up", "--yes", "--skip-preview"]);
        assert.notEqual(up.code, 0, up.output);
        assert.match(up.output, /ValidationException: 1 validation error detected: Value at 'inferenceSpecification\.supportedTransformInstanceTypes\.1\.member' failed to satisfy constraint: Member must satisfy enum value set/);
        await setConfig(stack, { "e2e-validation:transformTypes": undefined, "sagemaker:validation": undefined });
        assertOkUp(await stack.run(["up", "--yes", "--skip-preview"]));
    });

    it("a failed delete prints its message once per line", async () => {
        t.endpoint.setFaults({ rules: [{ operation: "DeleteModelPackage", times: 100, error: { code: "AccessDeniedException", status: 400, message: "not allowed to delete" } }] });
        const destroy = await stack.run(["destroy", "--yes", "--skip-preview"]);
        t.endpoint.setFaults({});
        assert.notEqual(destroy.code, 0, destroy.output);
        const message = /ModelPackage "[^"]*"(?: version \d+)?: SageMaker DeleteModelPackage failed: AccessDeniedException: not allowed to delete/;
        const lines = destroy.output.split("\n").filter((l) => message.test(l));
        assert.ok(lines.length > 0, destroy.output);
        for (const line of lines) {
            assert.equal(line.split("SageMaker DeleteModelPackage failed").length - 1, 1, `printed twice in one line: ${line}`);
        }
        await stack.destroy();
        assertEndpointEmpty(t.endpoint);
    });
});

function assertOkUp(result: { code: number; output: string }): void {
    assert.equal(result.code, 0, result.output);
}
