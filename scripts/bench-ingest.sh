#!/usr/bin/env bash
# Ingest benchmark: oot-hud serve (release build) vs a Python stdlib appender doing the same
# insert, both driven by wrk with the sample relay bodies, in the same run on the same machine.
# Prints acknowledged callbacks/s, p50/p99 latency at saturation and at a paced ~1,000 req/s,
# and the ratios oot-hud / baseline.  Usage: scripts/bench-ingest.sh [SECONDS]  (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
work="$(mktemp -d)"
token="bench-token"
bodies="$PWD/data/samples/callbacks.ndjson"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

scripts/setup
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null || sudo apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product oot-hud >/dev/null

wait_up() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/api/crcr/results" && return; sleep 0.1; done; echo "server on $1 did not start" >&2; exit 1; }

# run NAME PORT: saturation (2 threads, 64 connections) then paced (12 connections, each waiting 10 ms
# between requests: ≈ 1,000 req/s when answers take ~1 ms)
run() {
    local name=$1 port=$2
    BODIES="$bodies" TOKEN="$token" wrk -t2 -c64 -d"${seconds}s" --latency -s scripts/bench/post.lua "http://127.0.0.1:$port" >"$work/$name-sat.txt"
    BODIES="$bodies" TOKEN="$token" DELAY_MS=10 wrk -t2 -c12 -d"${seconds}s" --latency -s scripts/bench/post.lua "http://127.0.0.1:$port" >"$work/$name-paced.txt"
}

# acked FILE: requests/s that got a 2xx (wrk counts the rest as "Non-2xx or 3xx responses")
acked() {
    awk '/requests in/ {total=$1; split($4,t,"s"); secs=t[1]} /Non-2xx or 3xx/ {bad=$5}
         END {printf "%.0f", (total-bad)/secs}' "$1"
}
pct() { awk -v p="$2" '$1==p {print $2}' "$1"; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v }'; }
rate() { awk '/Requests\/sec/ {printf "%.0f", $2}' "$1"; }

OOT_RELAY_TOKEN="$token" .build/release/oot-hud serve --db "$work/oot.sqlite" --port 18731 >"$work/oot.log" 2>&1 &
pids+=($!); wait_up 18731
run oot 18731
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true

python3 scripts/bench/baseline_ingest.py 18732 "$work/base.sqlite" "$token" 2>/dev/null &
pids+=($!); wait_up 18732
run base 18732

oot_rps=$(acked "$work/oot-sat.txt"); base_rps=$(acked "$work/base-sat.txt")
stored=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from callbacks').fetchone()[0])" "$work/oot.sqlite")
printf '\n%-22s %14s %10s %10s   %s\n' "" "acked req/s" "p50 ms" "p99 ms" "paced ~1000 req/s: rate, p50, p99 (ms)"
for n in oot base; do
    printf '%-22s %14s %10s %10s   %s, %s, %s\n' "$([ $n = oot ] && echo 'oot-hud serve' || echo 'python baseline')" \
        "$(acked "$work/$n-sat.txt")" "$(ms "$(pct "$work/$n-sat.txt" 50%)")" "$(ms "$(pct "$work/$n-sat.txt" 99%)")" \
        "$(rate "$work/$n-paced.txt")" "$(ms "$(pct "$work/$n-paced.txt" 50%)")" "$(ms "$(pct "$work/$n-paced.txt" 99%)")"
done
echo
echo "ratio acked throughput oot-hud / baseline: $(awk -v a="$oot_rps" -v b="$base_rps" 'BEGIN {printf "%.1fx", a/b}')"
echo "ratio paced p99 oot-hud / baseline: $(awk -v a="$(ms "$(pct "$work/oot-paced.txt" 99%)")" -v b="$(ms "$(pct "$work/base-paced.txt" 99%)")" 'BEGIN {printf "%.2f", a/b}')"
echo "rows in oot-hud's database after the run: $stored (every 200 is a committed row)"
echo "targets (issue 17): acked throughput >= 3x the baseline's; paced p99 no worse than the baseline's"
