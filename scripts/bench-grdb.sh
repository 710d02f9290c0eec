#!/usr/bin/env bash
# GRDB against our store on the store's two hot paths, in one run (issue 13's decision): appending
# callbacks 64 to a transaction (ingest's group commit), and reading the build's job listings and
# testcase rows into Decodable records. Prints the time of each, per round and fastest, and the
# ratios GRDB/store (above 1: GRDB slower).
#   scripts/bench-grdb.sh [ROUNDS]        (needs the 100k dataset of scripts/bench-build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
folded=${BENCH_DATA:-/tmp/synth-bench}/100k/folded.sqlite
[ -f "$folded" ] || { echo "run scripts/bench-build.sh 100k first (it makes $folded)" >&2; exit 2; }
(cd scripts/bench/grdb && swift build -c release >/dev/null 2>&1 || swift build -c release)
scripts/bench/grdb/.build/release/grdb-vs-store data/samples/callbacks.ndjson "$folded" data/queries "${1:-3}"
