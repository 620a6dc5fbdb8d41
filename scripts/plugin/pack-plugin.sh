#!/usr/bin/env bash
# Packs the provider plugin as a tarball `pulumi plugin install` takes:
#   bash scripts/plugin/pack-plugin.sh OUT.tgz
#   pulumi plugin install resource sagemaker VERSION --file OUT.tgz
# The tarball holds the launcher `pulumi-resource-sagemaker` at its root, the compiled engine and
# plugin (dist/provider, dist/plugin), the schema, package.json, and the run-time dependencies
# (npm install --omit=dev: the AWS SDK, and @pulumi/pulumi, the peer whose gRPC stubs the plugin
# serves with). It runs with the Node.js 22+ on PATH. Run `npm run build` first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(realpath -m "${1:?usage: pack-plugin.sh OUT.tgz}")"
[ -f "$root/dist/plugin/main.js" ] || { echo "[pack-plugin] dist/plugin is missing: run npm run build first" >&2; exit 1; }
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dist"
cp -R "$root/dist/provider" "$root/dist/plugin" "$stage/dist/"
find "$stage/dist" -name '*.map' -delete
cp -R "$root/schema" "$stage/schema"
cp "$root/LICENSE" "$stage/"
# package.json without the repository's dev tooling; @pulumi/pulumi (the package's peer, a dev
# dependency here) becomes a dependency at the release the repository pins.
node -e '
const p = require(process.argv[1]);
const out = { name: p.name, version: p.version, license: p.license, private: true,
    dependencies: { ...p.dependencies, "@pulumi/pulumi": p.devDependencies["@pulumi/pulumi"] } };
require("fs").writeFileSync(process.argv[2], JSON.stringify(out, null, 2) + "\n");' "$root/package.json" "$stage/package.json"
install -m 0755 "$root/plugin/bin/pulumi-resource-sagemaker" "$stage/pulumi-resource-sagemaker"
(cd "$stage" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
tar -czf "$out" -C "$stage" .
echo "[pack-plugin] $out ($(du -h "$out" | cut -f1))" >&2
