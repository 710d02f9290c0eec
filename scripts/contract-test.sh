#!/usr/bin/env bash
# Contract test: runs schemathesis (PyPI) against a live local `oot-hud serve`, with every
# check, using docs/openapi.yaml: every results path (/api/crcr/results, /api/oot/results and the
# bare forms), /healthz and /metrics. Passes when no check fails (no 5xx, answers conform to the
# document, schema-valid bodies are accepted and invalid ones refused with 4xx).
# Usage: scripts/contract-test.sh [MAX_EXAMPLES]   (default 150 per operation)
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-150}"
work="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
token="contract-test-token"
venv=".build/contract-venv"

scripts/setup
swift build --product oot-hud >/dev/null
if [ ! -x "$venv/bin/schemathesis" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "schemathesis==4.32.5"
fi

OOT_RELAY_TOKEN="$token" .build/debug/oot-hud serve --db "$work/oot.sqlite" --port "$port" \
    --log-level warning >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

status=0
"$venv/bin/schemathesis" run docs/openapi.yaml --url "http://127.0.0.1:$port" \
    -H "x-hud-internal-bot: $token" --checks all --max-examples "$examples" --seed "${SEED:-20261129}" || status=$?
echo "stored callbacks: $(sqlite3 "$work/oot.sqlite" 'SELECT count(*) FROM callbacks' 2>/dev/null || echo '?')"
if grep -q " error " "$work/serve.log"; then echo "server logged errors:"; grep " error " "$work/serve.log" | head; fi
exit $status
