// N SageMaker models (bench:count), each tagged with bench:tags (a JSON list), for bench/*.ts.
import * as pulumi from "@pulumi/pulumi";
import { Model } from "pulumi-sagemaker";
import { benchModelArgs, benchTags } from "../bench-model";

const config = new pulumi.Config("bench");
const count = config.getNumber("count") ?? 1;
const tags = benchTags(config.get("tags"));

for (let i = 0; i < count; i++) {
    new Model(`m${i}`, benchModelArgs(i, tags));
}

export const models = count;
