# Offline Pulumi engine settings, in one place. Sourced by set-up, tests, the demo and benchmarks:
#   source scripts/engine-env.sh
# Every value can be overridden by exporting it first.
PULUMI_SAGEMAKER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PULUMI_SAGEMAKER_ROOT
# The @pulumi/pulumi version the project pins for its own tests (devDependencies; users bring
# theirs, within peerDependencies) decides which CLI release is built.
PULUMI_SAGEMAKER_PULUMI_VERSION="$(sed -n '/"devDependencies"/,/}/s/.*"@pulumi\/pulumi": *"\([0-9.]*\)".*/\1/p' "$PULUMI_SAGEMAKER_ROOT/package.json" | head -n 1)"
export PULUMI_SAGEMAKER_PULUMI_VERSION
export PULUMI_SAGEMAKER_CACHE="${PULUMI_SAGEMAKER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sagemaker}"
export PULUMI_SAGEMAKER_BIN="$PULUMI_SAGEMAKER_CACHE/pulumi-v$PULUMI_SAGEMAKER_PULUMI_VERSION/bin"
# Node 22+ from node_modules first; then the CLI built by ensure-pulumi.sh (that directory only
# has a CLI when the one on PATH was missing or too old); then the repo's language host launcher,
# which the engine uses only when no pulumi-language-nodejs sits beside the CLI.
export PATH="$PULUMI_SAGEMAKER_ROOT/node_modules/.bin:$PULUMI_SAGEMAKER_BIN:$PATH:$PULUMI_SAGEMAKER_ROOT/scripts/bin"
# Never talk to Pulumi Cloud or the internet.
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_HOME="${PULUMI_HOME:-$PULUMI_SAGEMAKER_CACHE/pulumi-home}"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$PULUMI_SAGEMAKER_CACHE/backend}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-local-passphrase}"
mkdir -p "$PULUMI_HOME"
case "$PULUMI_BACKEND_URL" in file://*) mkdir -p "${PULUMI_BACKEND_URL#file://}" ;; esac
