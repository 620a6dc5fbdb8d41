// N no-op dynamic resources that carry the bench model's property tree (bench:count): the inputs
// bench/programs/models declares, and as outputs those inputs plus what any Model resource returns
// (its name, ARN, creation time and region), with a create that returns at once and a serialized
// provider as small as the library's. The ideal of a provider for this tree: what the engine and
// @pulumi/pulumi cost for these properties, with no SageMaker code involved (docs/PERFORMANCE.md).
import * as pulumi from "@pulumi/pulumi";
import { benchModelArgs, benchTags } from "../bench-model";

// The dynamic-provider host's protocol for `__provider`: a module whose handler() returns the provider.
const PROVIDER = 'exports.handler=()=>({async create(p){const n="m"+Math.random().toString(36).slice(2,9),{__provider,...o}=p;' +
    'return{id:n,outs:{...o,ModelName:n,region:"us-east-1",creationTime:"2026-12-03T20:00:00.000Z",' +
    'arn:"arn:aws:sagemaker:us-east-1:123456789012:model/"+n}}}})\n';

/** The properties a Model exposes, registered as the library registers them (provider/common/resource.ts). */
const OUTPUTS = ["arn", "region", "creationTime", "ModelName", "PrimaryContainer", "Containers", "InferenceExecutionConfig",
    "ExecutionRoleArn", "Tags", "VpcConfig", "EnableNetworkIsolation"];

class ShapedEcho extends pulumi.CustomResource {
    constructor(name: string, i: number) {
        const inputs = benchModelArgs(i, benchTags(new pulumi.Config("bench").get("tags")));
        // As the library registers (no stack frames for @pulumi/pulumi's per-property promises).
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            super("pulumi-nodejs:dynamic/bench:ShapedEcho", name,
                { ...Object.fromEntries(OUTPUTS.map((k) => [k, undefined])), ...inputs, __provider: PROVIDER }, {});
        } finally {
            Error.stackTraceLimit = limit;
        }
    }
}

const count = new pulumi.Config("bench").getNumber("count") ?? 1;
for (let i = 0; i < count; i++) {
    new ShapedEcho(`m${i}`, i);
}
export const echoes = count;
