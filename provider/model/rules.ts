import { checkFailure as fail, type Failure } from "../common/check-failures";
import { isUnknown } from "../common/unknown";
import { isAbsent, isPlainObject } from "../common/values";

type Obj = Record<string, unknown>;

export const MAX_CONTAINERS = 15;
export const MAX_ENV_ENTRY_BYTES = 1024;
/** "The maximum length of all keys and values in the map, combined, is 32 KB", across all containers. */
export const MAX_ENV_TOTAL_BYTES = 32 * 1024;
export const METRIC_PUBLISH_FREQUENCIES = [10, 30, 60, 120, 180, 240, 300];

/** Set and known: unknown values (preview) are never judged. */
function given(v: unknown): boolean {
    return !isAbsent(v) && !isUnknown(v);
}

function bytes(s: string): number {
    return Buffer.byteLength(s, "utf8");
}

/**
 * The rules SageMaker's CreateModel enforces across members, which the per-shape validator
 * cannot see. Sources: the `documentation` of CreateModelInput, ContainerDefinition,
 * ModelDataSource, S3ModelDataSource, ImageConfig and MetricsEndpoint in the API model.
 * Never echoes values (Environment values may be secrets).
 */
export function crossFieldFailures(inputs: Obj): Failure[] {
    const out: Failure[] = [];
    const containers = containerList(inputs, out);
    for (const [path, c] of containers) {
        out.push(...containerFailures(path, c));
    }
    out.push(...environmentTotalFailures(inputs, containers));
    out.push(...pipelineFailures(inputs));
    out.push(...roleFailures(inputs, containers));
    out.push(...tagFailures(inputs.Tags));
    return out;
}

/** PrimaryContainer xor Containers (1 to 15); returns the containers with their paths. */
function containerList(inputs: Obj, out: Failure[]): [string, Obj][] {
    const primary = inputs.PrimaryContainer;
    const list = inputs.Containers;
    if (isUnknown(primary) || isUnknown(list)) {
        return [];
    }
    const hasList = given(list) && !(Array.isArray(list) && list.length === 0);
    if (given(primary) && hasList) {
        out.push(fail("Containers", "exclusive", "PrimaryContainer and Containers are mutually exclusive",
            "set PrimaryContainer for a single container, or Containers for an inference pipeline or multi-container model, not both"));
    } else if (!given(primary) && !hasList) {
        out.push(fail("PrimaryContainer", "required", "a model needs PrimaryContainer or a non-empty Containers list",
            "set PrimaryContainer (Image or ModelPackageName), or Containers with 1 to 15 containers"));
    }
    if (Array.isArray(list) && list.length > MAX_CONTAINERS) {
        out.push(fail("Containers", "max", `${list.length} containers is above the maximum ${MAX_CONTAINERS}`,
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

function containerFailures(path: string, c: Obj): Failure[] {
    const out: Failure[] = [];
    const multiModel = c.Mode === "MultiModel";
    if (given(c.ModelDataUrl) && given(c.ModelDataSource)) {
        out.push(fail(`${path}.ModelDataSource`, "exclusive", "ModelDataUrl and ModelDataSource are mutually exclusive",
            "keep ModelDataUrl for a single .tar.gz artifact, or ModelDataSource (S3DataSource) for uncompressed or gated models, not both"));
    }
    if (given(c.ModelDataSource) && multiModel) {
        out.push(fail(`${path}.ModelDataSource`, "exclusive", "ModelDataSource cannot be used with Mode \"MultiModel\"",
            "for a multi-model container use ModelDataUrl (the S3 prefix holding the models), or set Mode to \"SingleModel\""));
    }
    if (given(c.MultiModelConfig) && !multiModel && !isUnknown(c.Mode)) {
        out.push(fail(`${path}.MultiModelConfig`, "dependency", "MultiModelConfig applies only to Mode \"MultiModel\"",
            "set Mode to \"MultiModel\", or remove MultiModelConfig"));
    }
    if (given(c.Image) && given(c.ModelPackageName)) {
        out.push(fail(`${path}.ModelPackageName`, "exclusive", "Image and ModelPackageName are mutually exclusive (the model package supplies the image)",
            "remove Image to deploy the model package, or remove ModelPackageName to deploy your own image"));
    } else if (isAbsent(c.Image) && isAbsent(c.ModelPackageName)) {
        out.push(fail(`${path}.Image`, "required", "a container needs Image or ModelPackageName",
            "set Image to the inference image URI (in the model's region), or ModelPackageName to a model package name or ARN"));
    }
    if (given(c.InferenceSpecificationName) && isAbsent(c.ModelPackageName)) {
        out.push(fail(`${path}.InferenceSpecificationName`, "dependency", "InferenceSpecificationName selects an inference specification of a model package",
            "set ModelPackageName too, or remove InferenceSpecificationName"));
    }
    if (isPlainObject(c.ImageConfig) && given(c.ImageConfig.RepositoryAuthConfig) && given(c.ImageConfig.RepositoryAccessMode) &&
        c.ImageConfig.RepositoryAccessMode !== "Vpc") {
        out.push(fail(`${path}.ImageConfig.RepositoryAuthConfig`, "dependency", "RepositoryAuthConfig applies only to RepositoryAccessMode \"Vpc\" (a private registry)",
            "set RepositoryAccessMode to \"Vpc\", or remove RepositoryAuthConfig (ECR images need no credentials provider)"));
    }
    if (isPlainObject(c.ModelDataSource)) {
        if (isAbsent(c.ModelDataSource.S3DataSource)) {
            out.push(fail(`${path}.ModelDataSource.S3DataSource`, "required", "ModelDataSource needs exactly one data source",
                "set ModelDataSource.S3DataSource ({S3Uri, S3DataType, CompressionType})"));
        }
        out.push(...s3SourceFailures(`${path}.ModelDataSource.S3DataSource`, c.ModelDataSource.S3DataSource));
    }
    if (Array.isArray(c.AdditionalModelDataSources)) {
        const seen = new Map<string, number>();
        c.AdditionalModelDataSources.forEach((source, i) => {
            const p = `${path}.AdditionalModelDataSources[${i}]`;
            if (!isPlainObject(source)) {
                return;
            }
            out.push(...s3SourceFailures(`${p}.S3DataSource`, source.S3DataSource));
            if (typeof source.ChannelName === "string" && !isUnknown(source.ChannelName)) {
                const first = seen.get(source.ChannelName);
                if (first !== undefined) {
                    out.push(fail(`${p}.ChannelName`, "unique", `the channel name is already used by AdditionalModelDataSources[${first}]`,
                        "give each additional data source its own ChannelName"));
                } else {
                    seen.set(source.ChannelName, i);
                }
            }
        });
    }
    if (isPlainObject(c.Environment)) {
        for (const [key, value] of Object.entries(c.Environment)) {
            const tooLong = bytes(key) > MAX_ENV_ENTRY_BYTES ? "key" : typeof value === "string" && !isUnknown(value) && bytes(value) > MAX_ENV_ENTRY_BYTES ? "value" : undefined;
            if (tooLong) {
                out.push(fail(`${path}.Environment.${key}`, "max",
                    `the ${tooLong} is longer than ${MAX_ENV_ENTRY_BYTES} bytes (UTF-8)`,
                    `shorten it to at most ${MAX_ENV_ENTRY_BYTES} bytes, or pass large settings through a file in the model artifacts`));
            }
        }
    }
    if (isPlainObject(c.ContainerMetricsConfig) && Array.isArray(c.ContainerMetricsConfig.MetricsEndpoints)) {
        c.ContainerMetricsConfig.MetricsEndpoints.forEach((e, i) => {
            const f = isPlainObject(e) ? e.MetricPublishFrequencyInSeconds : undefined;
            if (typeof f === "number" && !METRIC_PUBLISH_FREQUENCIES.includes(f)) {
                out.push(fail(`${path}.ContainerMetricsConfig.MetricsEndpoints[${i}].MetricPublishFrequencyInSeconds`, "enum",
                    `${f} seconds is not a supported publishing frequency`, `use one of ${METRIC_PUBLISH_FREQUENCIES.join(", ")}`));
            }
        });
    }
    return out;
}

function s3SourceFailures(path: string, s: unknown): Failure[] {
    if (!isPlainObject(s)) {
        return [];
    }
    const out: Failure[] = [];
    if (s.S3DataType === "S3Prefix" && typeof s.S3Uri === "string" && !isUnknown(s.S3Uri) && !s.S3Uri.endsWith("/")) {
        out.push(fail(`${path}.S3Uri`, "pattern", "with S3DataType \"S3Prefix\" the S3Uri is a key prefix and must end with \"/\"",
            "add the trailing slash, or use S3DataType \"S3Object\" for a single object"));
    }
    if (s.CompressionType === "Gzip" && s.S3DataType === "S3Prefix") {
        out.push(fail(`${path}.CompressionType`, "dependency", "CompressionType \"Gzip\" needs S3DataType \"S3Object\" (one .tar.gz archive)",
            "use CompressionType \"None\" for an uncompressed prefix, or S3DataType \"S3Object\" for a .tar.gz"));
    }
    return out;
}

function environmentTotalFailures(inputs: Obj, containers: [string, Obj][]): Failure[] {
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
    return [fail(property, "maxTotal", `the Environment keys and values of all containers add up to ${total} bytes, above the ${MAX_ENV_TOTAL_BYTES}-byte (32 KB) limit`,
        "move large settings into the model artifacts or a configuration file the container reads")];
}

/** Hostnames: all or none, unique, and required for every container in Direct mode. */
function pipelineFailures(inputs: Obj): Failure[] {
    const out: Failure[] = [];
    const config = inputs.InferenceExecutionConfig;
    const list = inputs.Containers;
    if (given(config) && given(inputs.PrimaryContainer) && isAbsent(list)) {
        out.push(fail("InferenceExecutionConfig", "dependency", "InferenceExecutionConfig applies only to multi-container models",
            "move the container into Containers, or remove InferenceExecutionConfig"));
    }
    if (!Array.isArray(list)) {
        return out;
    }
    const direct = isPlainObject(config) && config.Mode === "Direct";
    const hostnames = list.map((c) => (isPlainObject(c) ? c.ContainerHostname : undefined));
    const anySet = hostnames.some(given);
    const seen = new Map<unknown, number>();
    hostnames.forEach((h, i) => {
        const p = `Containers[${i}].ContainerHostname`;
        if (isAbsent(h) && isPlainObject(list[i])) {
            if (direct) {
                out.push(fail(p, "required", "every container needs a ContainerHostname when InferenceExecutionConfig.Mode is \"Direct\" (requests target a container by hostname)",
                    "set a unique ContainerHostname on each container"));
            } else if (anySet) {
                out.push(fail(p, "required", "ContainerHostname is set on some containers of the pipeline, so it is required on all of them",
                    "set a unique ContainerHostname on every container, or on none"));
            }
        } else if (given(h)) {
            const first = seen.get(h);
            if (first !== undefined) {
                out.push(fail(p, "unique", `the hostname is already used by Containers[${first}]`, "give each container its own ContainerHostname"));
            } else {
                seen.set(h, i);
            }
        }
    });
    return out;
}

/** SageMaker needs a role to pull images and artifacts, except when every container is a model package. */
function roleFailures(inputs: Obj, containers: [string, Obj][]): Failure[] {
    if (!isAbsent(inputs.ExecutionRoleArn) || containers.length === 0) {
        return [];
    }
    const allPackages = containers.every(([, c]) => !isAbsent(c.ModelPackageName));
    return allPackages ? [] : [fail("ExecutionRoleArn", "required",
        "an execution role is required for containers that are not model packages",
        "set ExecutionRoleArn to an IAM role SageMaker can assume (arn:aws:iam::ACCOUNT:role/NAME) with access to the image and the model artifacts")];
}

function tagFailures(tags: unknown): Failure[] {
    if (!Array.isArray(tags)) {
        return [];
    }
    const out: Failure[] = [];
    const seen = new Map<string, number>();
    tags.forEach((t, i) => {
        const key = isPlainObject(t) ? t.Key : undefined;
        if (typeof key !== "string" || isUnknown(key)) {
            return;
        }
        if (key.toLowerCase().startsWith("aws:")) {
            out.push(fail(`Tags[${i}].Key`, "pattern", "the \"aws:\" prefix is reserved for AWS", "use a key that does not start with \"aws:\""));
        }
        const first = seen.get(key);
        if (first !== undefined) {
            out.push(fail(`Tags[${i}].Key`, "unique", `the key is already used by Tags[${first}]`, "use each tag key once"));
        } else {
            seen.set(key, i);
        }
    });
    return out;
}
