import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { resourceUrn } from "../../../provider/model-package/wait-for-completed";

const TYPE = "pulumi-nodejs:dynamic/sagemaker:ModelPackage";

describe("ModelPackage status line: the URN it is shown on", () => {
    it("builds the URN Pulumi gives the package, from the scope the constructor records (project, stack, parent URN, name)", async () => {
        // Pulumi's own URN rule (createUrn) as the independent reference.
        const expected = (name: string, parent?: string) => new Promise<string>((resolve) =>
            pulumi.createUrn(name, TYPE, parent, "proj", "dev").apply(resolve));
        assert.strictEqual(resourceUrn(["proj", "dev", "", "fraud-v1"].join("\n")), "urn:pulumi:dev::proj::pulumi-nodejs:dynamic/sagemaker:ModelPackage::fraud-v1");
        const parent = "urn:pulumi:dev::proj::my:app:Registry::registry";
        assert.strictEqual(resourceUrn(["proj", "dev", parent, "fraud-v1"].join("\n")), await expected("fraud-v1", parent));
        const nested = "urn:pulumi:dev::proj::my:app:Outer$my:app:Registry::registry";
        assert.strictEqual(resourceUrn(["proj", "dev", nested, "v1"].join("\n")), await expected("v1", nested));
    });

    it("is undefined for a scope of another form (a package from before the scope was set)", () => {
        for (const scope of [undefined, "", "a\nb", 42, "\ndev\n\nname"]) {
            assert.strictEqual(resourceUrn(scope), undefined, String(scope));
        }
    });
});
