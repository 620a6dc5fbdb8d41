#!/bin/sh
# Written by pulumi-sagemaker's scripts/ensure-pulumi.sh: the official Node.js language host could
# not be built here. Runs the project's host: that of the checkout named by PULUMI_SAGEMAKER_ROOT,
# else the copy beside this file; on that checkout's Node 22, else the program's, else PATH's.
here="$(cd "$(dirname "$0")" && pwd)"
host="$here/language-host.js"
node_bin="${PULUMI_SAGEMAKER_NODE:-}"
if [ -n "${PULUMI_SAGEMAKER_ROOT:-}" ] && [ -f "$PULUMI_SAGEMAKER_ROOT/scripts/langhost/language-host.js" ]; then
    host="$PULUMI_SAGEMAKER_ROOT/scripts/langhost/language-host.js"
    [ -n "$node_bin" ] || [ ! -x "$PULUMI_SAGEMAKER_ROOT/node_modules/.bin/node" ] || node_bin="$PULUMI_SAGEMAKER_ROOT/node_modules/.bin/node"
fi
[ -n "$node_bin" ] || [ ! -x "$PWD/node_modules/.bin/node" ] || node_bin="$PWD/node_modules/.bin/node"
[ -n "$node_bin" ] || node_bin="$(command -v node)"
exec "$node_bin" "$host" "$@"
