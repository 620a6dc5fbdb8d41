// N dynamic resources whose provider makes no call at all (bench:count): what the engine and the
// dynamic-provider machinery cost per resource, with no SageMaker code involved.
import * as pulumi from "@pulumi/pulumi";

const echoProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        return { id: `echo-${inputs.i}`, outs: inputs };
    },
};

class Echo extends pulumi.dynamic.Resource {
    constructor(name: string, i: number) {
        super(echoProvider, name, { i }, {}, "bench", "Echo");
    }
}

const count = new pulumi.Config("bench").getNumber("count") ?? 1;
for (let i = 0; i < count; i++) {
    new Echo(`e${i}`, i);
}
export const echoes = count;
