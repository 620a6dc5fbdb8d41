#!/usr/bin/env bash
# Set-up on a fresh machine, and safe to run again: npm dependencies (root and policy pack), Node 22+
# (from the npm package `node`, no system install needed), the library and policy-pack builds, and the Pulumi CLI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
say() { echo "[setup] $*" >&2; }

command -v npm >/dev/null || { say "ERROR: npm is required (any Node.js >= 18 to run npm; Node 22 is installed locally)."; exit 1; }

say "installing npm dependencies (root)"
npm ci --no-audit --no-fund --loglevel=error
# Serialized providers require their runtime as `pulumi-sagemaker/...` from the project's
# node_modules (docs/ARCHITECTURE.md); inside this repository that is the repository itself.
ln -sfn .. node_modules/pulumi-sagemaker

say "installing npm dependencies (policy-pack: the sagemaker-guardrails library and ready pack)"
(cd policy-pack && npm ci --no-audit --no-fund --loglevel=error)

say "installing npm dependencies (examples/aws-variant: @pulumi/aws, for its runtime-mocks test)"
(cd examples/aws-variant && npm ci --no-audit --no-fund --loglevel=error)

say "node for scripts and Pulumi programs: $("$root/node_modules/.bin/node" --version)"
say "building the library (dist/)"
PATH="$root/node_modules/.bin:$PATH" npm run --silent build
say "building the policy pack (policy-pack/dist/: \`--policy-pack policy-pack\` runs compiled JavaScript)"
PATH="$root/node_modules/.bin:$PATH" npm run --silent build:policy-pack

bash scripts/ensure-pulumi.sh
say "done"
