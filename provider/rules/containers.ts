// Rules on one container that Model and ModelPackage containers share (S3ModelDataSource and
// AdditionalModelDataSources are the same shapes in both).
import { isUnknown } from "../common/unknown";
import { isPlainObject } from "../common/values";
import { finding, knownString, type Finding } from "./finding";

/**
 * S3ModelDataSource.S3DataType: "A valid key name prefix identified by S3Uri always ends with a
 * forward slash (/)." CompressionType: Gzip describes "an object that is a gzip-compressed TAR
 * archive", i.e. S3Object only.
 */
export function s3SourceFindings(path: string, s: unknown): Finding[] {
    if (!isPlainObject(s)) {
        return [];
    }
    const out: Finding[] = [];
    if (s.S3DataType === "S3Prefix" && knownString(s.S3Uri) && !s.S3Uri.endsWith("/")) {
        out.push(finding(`${path}.S3Uri`, "pattern", "with S3DataType \"S3Prefix\" the S3Uri is a key prefix and must end with \"/\"",
            "add the trailing slash, or use S3DataType \"S3Object\" for a single object"));
    }
    if (s.CompressionType === "Gzip" && s.S3DataType === "S3Prefix") {
        out.push(finding(`${path}.CompressionType`, "dependency", "CompressionType \"Gzip\" needs S3DataType \"S3Object\" (one .tar.gz archive)",
            "use CompressionType \"None\" for an uncompressed prefix, or S3DataType \"S3Object\" for a .tar.gz"));
    }
    return out;
}

/** The S3 data sources of a container: ModelDataSource.S3DataSource and each AdditionalModelDataSources[i].S3DataSource. */
export function dataSourceFindings(path: string, c: Record<string, unknown>): Finding[] {
    const out: Finding[] = [];
    if (isPlainObject(c.ModelDataSource)) {
        out.push(...s3SourceFindings(`${path}.ModelDataSource.S3DataSource`, c.ModelDataSource.S3DataSource));
    }
    if (Array.isArray(c.AdditionalModelDataSources)) {
        const seen = new Map<string, number>();
        c.AdditionalModelDataSources.forEach((source, i) => {
            const p = `${path}.AdditionalModelDataSources[${i}]`;
            if (!isPlainObject(source)) {
                return;
            }
            out.push(...s3SourceFindings(`${p}.S3DataSource`, source.S3DataSource));
            if (typeof source.ChannelName === "string" && !isUnknown(source.ChannelName)) {
                const first = seen.get(source.ChannelName);
                if (first !== undefined) {
                    out.push(finding(`${p}.ChannelName`, "unique", `the channel name is already used by AdditionalModelDataSources[${first}]`,
                        "give each additional data source its own ChannelName"));
                } else {
                    seen.set(source.ChannelName, i);
                }
            }
        });
    }
    return out;
}
