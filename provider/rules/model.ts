// CreateModel's cross-field rules: what SageMaker enforces across members, which the per-shape
// validator cannot see. Used by the Model's check() and by the local endpoint's CreateModel.
import { isUnknown } from "../common/unknown";
import { isAbsent, isPlainObject } from "../common/values";
import { dataSourceFindings } from "./containers";
import { checkOnly, finding, known, utf8Bytes as bytes, type Finding } from "./finding";
import { tagFindings } from "./tags";

type Obj = Record<string, unknown>;

/** "Containers: Array Members: Maximum number of 15 items" (CreateModel). */
export const MAX_CONTAINERS = 15;
/** "The maximum length of each key and value in the Environment map is 1024 bytes" (ContainerDefinition.Environment). */
export const MAX_ENV_ENTRY_BYTES = 1024;
/** "The maximum length of all keys and values in the map, combined, is 32 KB", across all containers. */
export const MAX_ENV_TOTAL_BYTES = 32 * 1024;
/** MetricsEndpoint.MetricPublishFrequencyInSeconds: "Valid values: 10, 30, 60, 120, 180, 240, 300." */
export const METRIC_PUBLISH_FREQUENCIES = [10, 30, 60, 120, 180, 240, 300];

/**
 * The rules SageMaker's CreateModel enforces across members, which the per-shape validator
 * cannot see. Sources: the `documentation` of CreateModelInput, ContainerDefinition,
 * ModelDataSource, S3ModelDataSource, ImageConfig and MetricsEndpoint in the API model.
 * Never echoes values (Environment values may be secrets).
 */
export function modelFindings(inputs: Obj): Finding[] {
    const out: Finding[] = [];
    const containers = containerList(inputs, out);
    for (const [path, c] of containers) {
        out.push(...containerFindings(path, c));
    }
    out.push(...environmentTotalFindings(inputs, containers));
    out.push(...pipelineFindings(inputs));
    out.push(...roleFindings(inputs, containers));
    out.push(...tagFindings(inputs.Tags));
    return out;
}

/** PrimaryContainer xor Containers (1 to 15); returns the containers with their paths. */
function containerList(inputs: Obj, out: Finding[]): [string, Obj][] {
    const primary = inputs.PrimaryContainer;
    const list = inputs.Containers;
    if (isUnknown(primary) || isUnknown(list)) {
        return [];
    }
    const hasList = known(list) && !(Array.isArray(list) && list.length === 0);
    if (known(primary) && hasList) {
        out.push(finding("Containers", "exclusive", "PrimaryContainer and Containers are mutually exclusive",
            "set PrimaryContainer for a single container, or Containers for an inference pipeline or multi-container model, not both"));
    } else if (!known(primary) && !hasList) {
        out.push(finding("PrimaryContainer", "required", "a model needs PrimaryContainer or a non-empty Containers list",
            "set PrimaryContainer (Image or ModelPackageName), or Containers with 1 to 15 containers"));
    }
    if (Array.isArray(list) && list.length > MAX_CONTAINERS) {
        out.push(finding("Containers", "max", `${list.length} containers is above the maximum ${MAX_CONTAINERS}`,
            `use at most ${MAX_CONTAINERS} containers (split the pipeline across models)`));
    }
    const result: [string, Obj][] = [];
    if (isPlainObject(primary)) {
        result.push(["PrimaryContainer", primary]);
    }
    if (Array.isArray(list)) {
        list.forEach((c, i) => {
            if (isPlainObject(c)) {
                result.push([`Containers[${i}]`, c]);
            }
        });
    }
    return result;
}

function containerFindings(path: string, c: Obj): Finding[] {
    const out: Finding[] = [];
    const multiModel = c.Mode === "MultiModel";
    if (known(c.ModelDataUrl) && known(c.ModelDataSource)) {
        out.push(finding(`${path}.ModelDataSource`, "exclusive", "ModelDataUrl and ModelDataSource are mutually exclusive",
            "keep ModelDataUrl for a single .tar.gz artifact, or ModelDataSource (S3DataSource) for uncompressed or gated models, not both"));
    }
    if (known(c.ModelDataSource) && multiModel) {
        out.push(finding(`${path}.ModelDataSource`, "exclusive", "ModelDataSource cannot be used with Mode \"MultiModel\"",
            "for a multi-model container use ModelDataUrl (the S3 prefix holding the models), or set Mode to \"SingleModel\""));
    }
    if (known(c.MultiModelConfig) && !multiModel && !isUnknown(c.Mode)) {
        out.push(finding(`${path}.MultiModelConfig`, "dependency", "MultiModelConfig applies only to Mode \"MultiModel\"",
            "set Mode to \"MultiModel\", or remove MultiModelConfig"));
    }
    if (known(c.Image) && known(c.ModelPackageName)) {
        out.push(finding(`${path}.ModelPackageName`, "exclusive", "Image and ModelPackageName are mutually exclusive (the model package supplies the image)",
            "remove Image to deploy the model package, or remove ModelPackageName to deploy your own image"));
    } else if (isAbsent(c.Image) && isAbsent(c.ModelPackageName)) {
        out.push(finding(`${path}.Image`, "required", "a container needs Image or ModelPackageName",
            "set Image to the inference image URI (in the model's region), or ModelPackageName to a model package name or ARN"));
    }
    if (known(c.InferenceSpecificationName) && isAbsent(c.ModelPackageName)) {
        out.push(finding(`${path}.InferenceSpecificationName`, "dependency", "InferenceSpecificationName selects an inference specification of a model package",
            "set ModelPackageName too, or remove InferenceSpecificationName"));
    }
    if (isPlainObject(c.ImageConfig) && known(c.ImageConfig.RepositoryAuthConfig) && known(c.ImageConfig.RepositoryAccessMode) &&
        c.ImageConfig.RepositoryAccessMode !== "Vpc") {
        out.push(finding(`${path}.ImageConfig.RepositoryAuthConfig`, "dependency", "RepositoryAuthConfig applies only to RepositoryAccessMode \"Vpc\" (a private registry)",
            "set RepositoryAccessMode to \"Vpc\", or remove RepositoryAuthConfig (ECR images need no credentials provider)"));
    }
    if (isPlainObject(c.ModelDataSource) && isAbsent(c.ModelDataSource.S3DataSource)) {
        out.push(finding(`${path}.ModelDataSource.S3DataSource`, "required", "ModelDataSource needs exactly one data source",
            "set ModelDataSource.S3DataSource ({S3Uri, S3DataType, CompressionType})"));
    }
    out.push(...dataSourceFindings(path, c));
    if (isPlainObject(c.Environment)) {
        for (const [key, value] of Object.entries(c.Environment)) {
            const tooLong = bytes(key) > MAX_ENV_ENTRY_BYTES ? "key" : typeof value === "string" && !isUnknown(value) && bytes(value) > MAX_ENV_ENTRY_BYTES ? "value" : undefined;
            if (tooLong) {
                out.push(finding(`${path}.Environment.${key}`, "max",
                    `the ${tooLong} is longer than ${MAX_ENV_ENTRY_BYTES} bytes (UTF-8)`,
                    `shorten it to at most ${MAX_ENV_ENTRY_BYTES} bytes, or pass large settings through a file in the model artifacts`));
            }
        }
    }
    if (isPlainObject(c.ContainerMetricsConfig) && Array.isArray(c.ContainerMetricsConfig.MetricsEndpoints)) {
        c.ContainerMetricsConfig.MetricsEndpoints.forEach((e, i) => {
            const f = isPlainObject(e) ? e.MetricPublishFrequencyInSeconds : undefined;
            if (typeof f === "number" && !METRIC_PUBLISH_FREQUENCIES.includes(f)) {
                out.push(finding(`${path}.ContainerMetricsConfig.MetricsEndpoints[${i}].MetricPublishFrequencyInSeconds`, "enum",
                    `${f} seconds is not a supported publishing frequency`, `use one of ${METRIC_PUBLISH_FREQUENCIES.join(", ")}`));
            }
        });
    }
    return out;
}

function environmentTotalFindings(inputs: Obj, containers: [string, Obj][]): Finding[] {
    let total = 0;
    for (const [, c] of containers) {
        if (isPlainObject(c.Environment)) {
            for (const [k, v] of Object.entries(c.Environment)) {
                total += bytes(k) + (typeof v === "string" && !isUnknown(v) ? bytes(v) : 0);
            }
        }
    }
    if (total <= MAX_ENV_TOTAL_BYTES) {
        return [];
    }
    const property = isPlainObject(inputs.PrimaryContainer) ? "PrimaryContainer.Environment" : "Containers";
    return [finding(property, "maxTotal", `the Environment keys and values of all containers add up to ${total} bytes, above the ${MAX_ENV_TOTAL_BYTES}-byte (32 KB) limit`,
        "move large settings into the model artifacts or a configuration file the container reads")];
}

/** Hostnames: all or none, unique, and required for every container in Direct mode. */
function pipelineFindings(inputs: Obj): Finding[] {
    const out: Finding[] = [];
    const config = inputs.InferenceExecutionConfig;
    const list = inputs.Containers;
    if (known(config) && known(inputs.PrimaryContainer) && isAbsent(list)) {
        out.push(checkOnly(finding("InferenceExecutionConfig", "dependency", "InferenceExecutionConfig applies only to multi-container models",
            "move the container into Containers, or remove InferenceExecutionConfig")));
    }
    if (!Array.isArray(list)) {
        return out;
    }
    const direct = isPlainObject(config) && config.Mode === "Direct";
    const hostnames = list.map((c) => (isPlainObject(c) ? c.ContainerHostname : undefined));
    const anySet = hostnames.some(known);
    const seen = new Map<unknown, number>();
    hostnames.forEach((h, i) => {
        const p = `Containers[${i}].ContainerHostname`;
        if (isAbsent(h) && isPlainObject(list[i])) {
            if (direct) {
                out.push(finding(p, "required", "every container needs a ContainerHostname when InferenceExecutionConfig.Mode is \"Direct\" (requests target a container by hostname)",
                    "set a unique ContainerHostname on each container"));
            } else if (anySet) {
                out.push(finding(p, "required", "ContainerHostname is set on some containers of the pipeline, so it is required on all of them",
                    "set a unique ContainerHostname on every container, or on none"));
            }
        } else if (known(h)) {
            const first = seen.get(h);
            if (first !== undefined) {
                out.push(finding(p, "unique", `the hostname is already used by Containers[${first}]`, "give each container its own ContainerHostname"));
            } else {
                seen.set(h, i);
            }
        }
    });
    return out;
}

/**
 * SageMaker needs a role to pull images and artifacts, except when every container is a model
 * package (so never without containers: that is containerList's finding).
 */
function roleFindings(inputs: Obj, containers: [string, Obj][]): Finding[] {
    if (!isAbsent(inputs.ExecutionRoleArn)) {
        return [];
    }
    const allPackages = containers.every(([, c]) => !isAbsent(c.ModelPackageName));
    return allPackages ? [] : [checkOnly(finding("ExecutionRoleArn", "required",
        "an execution role is required for containers that are not model packages",
        "set ExecutionRoleArn to an IAM role SageMaker can assume (arn:aws:iam::ACCOUNT:role/NAME) with access to the image and the model artifacts"))];
}
