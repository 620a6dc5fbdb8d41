/**
 * Pulumi's naming convention for the plugin's schema: camelCase members, as aws-native spells
 * them (`primaryContainer`, `executionRoleArn`, `s3Uri`, `kmsKeyId`). The API's PascalCase name
 * stays the wire name; the generated wire table (schema/wire.json) holds both, so the
 * mapping never has to be inverted by rule.
 */
export function camelName(apiName: string): string {
    const run = /^[A-Z]+/.exec(apiName)?.[0] ?? "";
    if (run.length === 0) {
        return apiName;
    }
    if (run.length === apiName.length) {
        return apiName.toLowerCase(); // "ARN" -> "arn"
    }
    // "KMSKeyId": the run's last capital starts the next word ("kmsKeyId"); "S3Uri", "VpcConfig": one letter.
    const next = apiName[run.length];
    const keep = run.length > 1 && /[a-z]/.test(next) ? run.length - 1 : run.length;
    return apiName.slice(0, keep).toLowerCase() + apiName.slice(keep);
}
