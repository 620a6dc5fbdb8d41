#!/usr/bin/env bash
# Runs a command with the offline Pulumi engine ready: engine settings from engine-env.sh, the CLI
# built or found by ensure-pulumi.sh (idempotent: a no-op once it is there).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/engine-env.sh"
bash "$PULUMI_SAGEMAKER_ROOT/scripts/ensure-pulumi.sh"
exec "$@"
