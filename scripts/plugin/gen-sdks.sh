#!/usr/bin/env bash
# Generates the plugin's SDKs from the committed schema with Pulumi's own code generators:
#   bash scripts/plugin/gen-sdks.sh OUT_DIR [LANGUAGE...]   (default: python go nodejs)
# Each language goes to OUT_DIR/<language>.
#
# The SDKs are generated at build time, not committed: they are a pure function of
# schema/sagemaker.json (committed, drift-tested) and the Pulumi release, and a committed copy
# would be thousands of generated lines to keep in step by hand.
#
# Why not `pulumi package gen-sdk`: in CLI 3.276 it asks each language's host to generate, and
# the Go module proxy refuses the Python and Go hosts (403; the project's Node.js host does not
# implement GeneratePackage). The generators themselves are in github.com/pulumi/pulumi/pkg/v3,
# which the proxy serves (the CLI is built from it): scripts/plugin/sdkgen calls them, built once
# per Pulumi release into the machine-wide cache. .NET's generator lives with the .NET host
# (pulumi-dotnet), not in pkg/v3, so .NET is not generated here; with a full Pulumi installation,
# `pulumi package gen-sdk schema/sagemaker.json --language dotnet` generates it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/engine-env.sh"
out="${1:?usage: gen-sdks.sh OUT_DIR [LANGUAGE...]}"
shift
languages=("$@")
[ ${#languages[@]} -gt 0 ] || languages=(python go nodejs)
say() { echo "[gen-sdks] $*" >&2; }

want="$PULUMI_SAGEMAKER_PULUMI_VERSION"
src="$root/scripts/plugin/sdkgen/main.go"
stamp="$(sha256sum "$src" | cut -c1-12)"
tool="$PULUMI_SAGEMAKER_CACHE/pulumi-v$want/sdkgen-$stamp"
if [ ! -x "$tool" ]; then
    command -v go >/dev/null || { say "ERROR: Go >= 1.26 is needed to build the SDK generator"; exit 1; }
    build="$PULUMI_SAGEMAKER_CACHE/pulumi-v$want/build-sdkgen"
    mkdir -p "$build"
    say "building the SDK generator against github.com/pulumi/pulumi/pkg/v3@v$want in $build"
    start=$(date +%s)
    cp "$src" "$build/main.go"
    cat > "$build/go.mod" <<MOD
module pulumi-sagemaker/sdkgen

go $(go env GOVERSION | sed 's/^go//')

// Repeated from pkg's go.mod: replaces in dependencies are ignored.
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
MOD
    rm -f "$build/go.sum"
    (cd "$build" && export GOTOOLCHAIN=local GOFLAGS=-mod=mod &&
        go get "github.com/pulumi/pulumi/pkg/v3@v$want" &&
        go build -trimpath -o "$tool.tmp.$$" .)
    mv -f "$tool.tmp.$$" "$tool"
    say "built $tool in $(( $(date +%s) - start ))s"
fi
mkdir -p "$out"
"$tool" "$root/schema/sagemaker.json" "$out" "${languages[@]}"
