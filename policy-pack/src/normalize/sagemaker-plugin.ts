// pulumi-sagemaker's provider plugin (sagemaker:index:*, any Pulumi language): the API's members in
// Pulumi's camelCase, as the plugin's schema spells them (schema/wire.json; every inspected member
// is a plain lower-first rename there, which tests/unit/plugin/policy-dialect.test.ts checks), and
// `region`, which the plugin's check records from the resource, `sagemaker:region` or the environment.
import { camel, Dialect } from "./dialect";

export const sagemakerPlugin: Dialect = {
    representation: "sagemaker-plugin",
    modelType: "sagemaker:index:Model",
    modelPackageType: "sagemaker:index:ModelPackage",
    regionConfigKey: "sagemaker:region",
    region: "region",
    member: camel(),
    // the plugin's schema (schema/wire.json): ModelPackage outputs `arn` and `version`, as our dynamic resource
    packageOutputs: { arn: "arn", version: "version" },
};
