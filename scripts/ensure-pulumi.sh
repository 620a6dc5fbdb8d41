#!/usr/bin/env bash
# Makes sure a Pulumi CLI that matches the project's @pulumi/pulumi is available, offline.
#   - `pulumi` on PATH at or above the pinned version: used as is.
#   - otherwise: built from the Go modules of that release into $PULUMI_SAGEMAKER_BIN (outside the
#     repo; idempotent: a second run only checks), with pulumi-resource-pulumi-nodejs beside it.
# The Node.js language host is built from its Go module when the module proxy serves it; when it
# does not (still the case for v3.276.0: 403), the project's host scripts/langhost/language-host.js
# is put beside the CLI with its launcher (see README, "The engine here").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/engine-env.sh"

want="$PULUMI_SAGEMAKER_PULUMI_VERSION"
bin="$PULUMI_SAGEMAKER_BIN"
say() { echo "[ensure-pulumi] $*" >&2; }

version_ge() { # version_ge A B: A >= B (dotted numbers)
    [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]
}

install_dynamic_provider_plugin() {
    # The dynamic-provider plugin ships inside @pulumi/pulumi; the engine looks for it on PATH.
    local src="$PULUMI_SAGEMAKER_ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
    if [ -f "$src" ] && ! cmp -s "$src" "$bin/pulumi-resource-pulumi-nodejs" 2>/dev/null; then
        install -m 0755 "$src" "$bin/pulumi-resource-pulumi-nodejs"
        say "installed pulumi-resource-pulumi-nodejs into $bin"
    fi
}

install_language_host_launcher() {
    # The engine looks for language hosts beside the CLI first. Unless the official one was built
    # there, put scripts/langhost/launcher.sh there as pulumi-language-nodejs, with a copy of the
    # project's host beside it. The launcher names no checkout: it runs the host of the checkout
    # whose engine-env.sh set PULUMI_SAGEMAKER_ROOT (every npm script and test does), else that
    # copy. So one machine-wide cache serves every clone, and removing a clone breaks no other
    # (tests/e2e/engine-cache.test.ts). Files are replaced by rename, never rewritten in place:
    # other checkouts' engines may be running them.
    local target="$bin/pulumi-language-nodejs"
    if [ -f "$target" ] && ! head -c 2 "$target" | grep -q '#!'; then
        return 0
    fi
    replace_file "$PULUMI_SAGEMAKER_ROOT/scripts/langhost/language-host.js" "$bin/language-host.js" 0644
    replace_file "$PULUMI_SAGEMAKER_ROOT/scripts/langhost/launcher.sh" "$target" 0755
}

replace_file() { # replace_file SOURCE TARGET MODE: atomically, only when the content differs
    if ! cmp -s "$1" "$2" 2>/dev/null; then
        install -m "$3" "$1" "$2.tmp.$$"
        mv -f "$2.tmp.$$" "$2"
    fi
}

# The Pulumi YAML language host (github.com/pulumi/pulumi-yaml, served by the Go module proxy),
# beside the CLI: the plugin face's example and e2e test are YAML programs (examples/yaml-registry).
# Built once per version into the machine-wide cache (~80 s on the module cache the CLI build
# leaves); a marker names the version built, so a later run only checks.
yaml_version="1.25.0"
install_yaml_language_host() {
    local marker="$bin/.pulumi-language-yaml-v$yaml_version"
    if [ -x "$bin/pulumi-language-yaml" ] && [ -f "$marker" ]; then
        return 0
    fi
    if ! command -v go >/dev/null 2>&1; then
        say "no Go toolchain: the YAML language host (pulumi-language-yaml) is not built; YAML programs will not run"
        return 0
    fi
    say "building pulumi-language-yaml v$yaml_version into $bin"
    local start
    start=$(date +%s)
    mkdir -p "$bin"
    GOTOOLCHAIN=local GOFLAGS=-mod=mod GOBIN="$bin.yaml.$$" \
        go install "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$yaml_version"
    mv -f "$bin.yaml.$$/pulumi-language-yaml" "$bin/pulumi-language-yaml"
    rmdir "$bin.yaml.$$"
    touch "$marker"
    say "built $bin/pulumi-language-yaml in $(( $(date +%s) - start ))s"
}

# 1. A CLI already on PATH (other than ours) that is recent enough.
if [ ! -x "$bin/pulumi" ]; then
    if existing="$(command -v pulumi 2>/dev/null)"; then
        have="$(pulumi version 2>/dev/null | sed 's/^v//')"
        if [ -n "$have" ] && version_ge "$have" "$want"; then
            say "using $existing (v$have >= v$want)"
            install_yaml_language_host
            exit 0
        fi
        say "ignoring $existing (v${have:-?} is older than v$want)"
    fi
fi

mkdir -p "$bin"
# 2. Our build, already there.
if [ -x "$bin/pulumi" ] && [ "$("$bin/pulumi" version 2>/dev/null)" = "v$want" ]; then
    install_dynamic_provider_plugin
    install_language_host_launcher
    install_yaml_language_host
    say "using $bin/pulumi ($("$bin/pulumi" version))"
    exit 0
fi

# 3. Build it.
if ! command -v go >/dev/null 2>&1; then
    say "ERROR: no Pulumi CLI v$want on PATH and no Go toolchain to build one."
    say "Install Go >= 1.26 (https://go.dev/dl or your package manager), or put pulumi >= v$want on PATH, then run again."
    exit 1
fi
build="$PULUMI_SAGEMAKER_CACHE/pulumi-v$want/build"
mkdir -p "$build"
say "building pulumi v$want from github.com/pulumi/pulumi/pkg/v3@v$want in $build"
say "(a cold build downloads ~1.5 GB of Go modules and compiles for several minutes; later runs reuse the cache)"
start=$(date +%s)
cd "$build"
goversion="$(go env GOVERSION | sed 's/^go//')"
cat > go.mod <<EOF
module pulumi-sagemaker/pulumi-cli

go $goversion

// Repeated from pkg's go.mod: replaces in dependencies are ignored.
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
EOF
rm -f go.sum
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
go get -tool "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$want"
go build -trimpath -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$want" \
    -o "$bin/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
say "built $bin/pulumi in $(( $(date +%s) - start ))s"

# The official Node.js language host: untagged module, pinned to the release commit's pseudo-version.
lang_build="$PULUMI_SAGEMAKER_CACHE/pulumi-v$want/build-language-nodejs"
mkdir -p "$lang_build"
pseudo="$(go list -m -json "github.com/pulumi/pulumi@v$want+incompatible" 2>/dev/null | node -e '
let s = ""; process.stdin.on("data", (b) => (s += b)).on("end", () => {
    const d = JSON.parse(s);
    console.log("v3.0.0-" + d.Time.replace(/[-:T]/g, "").slice(0, 14) + "-" + d.Origin.Hash.slice(0, 12));
});' 2>/dev/null || true)"
if [ -n "$pseudo" ]; then
    say "building pulumi-language-nodejs at $pseudo (release commit of v$want)"
    cp go.mod "$lang_build/go.mod"
    sed -i 's#^module .*#module pulumi-sagemaker/pulumi-language-nodejs#' "$lang_build/go.mod"
    if (cd "$lang_build" && go get -tool "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@$pseudo" 2>"$lang_build/error.log" &&
        go build -trimpath -o "$bin/pulumi-language-nodejs" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3 2>>"$lang_build/error.log"); then
        say "built $bin/pulumi-language-nodejs"
    else
        say "the Go module proxy does not serve pulumi-language-nodejs here: $(head -n 1 "$lang_build/error.log")"
        say "using the project's Node.js language host instead (scripts/langhost, launched by $bin/pulumi-language-nodejs)"
    fi
fi
install_dynamic_provider_plugin
install_language_host_launcher
install_yaml_language_host
say "ready: $("$bin/pulumi" version) in $bin"
