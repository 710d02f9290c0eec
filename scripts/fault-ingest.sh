#!/usr/bin/env bash
# Fault injection for ingest: under load, `kill -9` the server at a random moment, ROUNDS times.
# After each kill the server is restarted on the same database, and the script checks that every
# callback that got a 200 is in `callbacks` and that PRAGMA integrity_check is ok.
# Usage: scripts/fault-ingest.sh [ROUNDS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
work="$(mktemp -d)"
db="$work/oot.sqlite"
token="fault-token"
port=$((20000 + RANDOM % 20000))
server=""
trap '[ -n "$server" ] && kill -9 "$server" 2>/dev/null; rm -rf "$work"' EXIT

scripts/setup
swift build -c release --product oot-hud >/dev/null
start() {
    OOT_RELAY_TOKEN="$token" .build/release/oot-hud serve --db "$db" --port "$port" --rate-limit 0 \
        --log-level warning >>"$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return; sleep 0.05; done
    echo "server did not start"; cat "$work/serve.log"; exit 1
}

total_acked=0; total_lost=0; failures=0
printf '%-6s %10s %10s %8s %10s\n' round killed_at acked lost integrity
for round in $(seq "$rounds"); do
    start
    kill_after=$(python3 -c "import random; print(round(random.uniform(0.3, 2.5), 2))")
    python3 scripts/bench/fault_client.py "$port" "$token" "$round" 3 "$work/acked-$round.txt" 8 &
    client=$!
    sleep "$kill_after"
    kill -9 "$server"; wait "$server" 2>/dev/null || true
    wait "$client"
    start   # recovery: the server must come back on the database it left
    read -r acked lost integrity < <(python3 - "$db" "$work/acked-$round.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
acked = [l for l in open(sys.argv[2]).read().split("\n") if l]
stored = {r[0].rsplit("/", 1)[1] for r in db.execute("SELECT dynamoKey FROM callbacks")}
lost = [a for a in acked if a not in stored]
print(len(acked), len(lost), db.execute("PRAGMA integrity_check").fetchone()[0])
PY
)
    printf '%-6s %9ss %10s %8s %10s\n' "$round" "$kill_after" "$acked" "$lost" "$integrity"
    total_acked=$((total_acked + acked)); total_lost=$((total_lost + lost))
    [ "$lost" = 0 ] && [ "$integrity" = ok ] || failures=$((failures + 1))
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
echo "rounds: $rounds, acknowledged callbacks: $total_acked, lost: $total_lost, rounds failing a check: $failures"
[ "$failures" = 0 ]
