// Zero resources, same engine and same library load: the engine's fixed cost of an operation.
import * as pulumi from "@pulumi/pulumi";
import * as sagemaker from "pulumi-sagemaker";

export const loaded = typeof sagemaker.Model === "function" && pulumi.getStack() !== "";
