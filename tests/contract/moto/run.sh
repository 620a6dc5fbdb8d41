#!/usr/bin/env bash
# The contract suite against moto (a third-party SageMaker emulator), compared with the committed
# expectation table (tests/contract/moto/expectations.ts). Installs moto[server] into its own
# virtual environment under .cache/ (git-ignored; reused when present), starts it on 127.0.0.1 on a
# free port, runs the suite, compares, and stops moto. Exit code 1 when an outcome differs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../../.."
MOTO_VERSION=5.2.5
venv=".cache/moto-$MOTO_VERSION"
say() { echo "[moto] $*"; }

if ! "$venv/bin/python" -c "import importlib.metadata as m; assert m.version('moto') == '$MOTO_VERSION'; import flask" 2>/dev/null; then
    command -v python3 >/dev/null || { say "ERROR: python3 (>= 3.9, with the venv module) is required"; exit 1; }
    rm -rf "$venv"
    say "installing moto[server]==$MOTO_VERSION into $venv"
    python3 -m venv "$venv" || { say "ERROR: python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"; exit 1; }
    "$venv/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi

port=$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
work=$(mktemp -d)
"$venv/bin/moto_server" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
stop() {
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap stop EXIT
for _ in $(seq 1 150); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$moto_pid" 2>/dev/null || { say "ERROR: moto_server exited:"; cat "$work/moto.log"; exit 1; }
    sleep 0.2
done
say "moto_server $MOTO_VERSION on 127.0.0.1:$port"

# The suite exits 1 when assumptions fail (expected on moto) and 2 when it cannot run at all.
status=0
env -u AWS_PROFILE AWS_ENDPOINT_URL_SAGEMAKER="http://127.0.0.1:$port" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test \
    npx ts-node --transpile-only tests/contract/run.ts --json "$work/outcomes.json" >"$work/suite.log" 2>&1 || status=$?
if [ "$status" -gt 1 ] || [ ! -s "$work/outcomes.json" ]; then
    cat "$work/suite.log"
    say "ERROR: the suite did not run against moto (exit $status)"
    exit 1
fi
grep -E '^(holds|FAILS)  ' "$work/suite.log" | cut -c1-160
if ! npx ts-node --transpile-only tests/contract/moto/compare.ts "$work/outcomes.json"; then
    say "the suite's full report:"
    cat "$work/suite.log"
    exit 1
fi
