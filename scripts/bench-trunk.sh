#!/usr/bin/env bash
# The trunk grid /oot/trunk/ (issue 18) on a trunk-heavy history, which the synthetic datasets
# of bench-build.sh lack (one nightly commit a day there): COMMITS pushes to upstream main (48 a
# day), each built by 20 backends (4 L4, 8 L3, 8 L2) with 3 jobs, written by scripts/bench-trunk.py
# and ingested with `oot-hud ingest`. Two sizes in one run, the second ten times the first, so
# the ratios say whether the grid's cost per page stays flat as trunk history grows:
#   1. full build: the grid's render time (worker time, three views) and pages, ms per page;
#   2. incremental build after one more commit: the grid pages it re-rendered and their time.
# Prints each figure and the ratios large/small (per page ~1 is flat; incremental ~1 is flat).
#   scripts/bench-trunk.sh [SMALL [LARGE]]   # default 310 and 3110: not multiples of 50, so the
#   incremental step is the usual case (one older page gains a commit), not a new bucket
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-310}
large=${2:-$((small * 10 + 10))}
swift build -c release --product oot-hud >/dev/null 2>&1 || swift build -c release --product oot-hud
bin=$PWD/.build/release/oot-hud
work=$(mktemp -d /tmp/bench-trunk.XXXXXX)
trap 'rm -rf "$work"' EXIT
now=2026-11-28T12:00:00Z

measure() { # SIZE: prints "grid_seconds grid_pages build_seconds" of the build whose stderr is $work/stats
  local secs; secs=$(grep -o '^render trunk: [0-9.]*' "$work/stats" | awk '{print $3}')
  local pages; pages=$(grep -o '^pages trunk: [0-9]*' "$work/stats" | awk '{print $3}')
  echo "${secs:-0} ${pages:-0}"
}

for commits in "$small" "$large"; do
  db=$work/$commits.sqlite site=$work/$commits-site
  scripts/bench-trunk.py "$commits" 20 3 >"$work/callbacks.ndjson"
  "$bin" ingest --db "$db" "$work/callbacks.ndjson" >/dev/null
  callbacks=$(wc -l <"$work/callbacks.ndjson")
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --db "$db" --out "$site" --now "$now" --no-progress \
    --templates templates --queries data/queries --full --query-stats >/dev/null 2>"$work/stats"
  read -r total rss <"$work/time"
  read -r grid pages < <(measure)
  echo "$commits commits, $callbacks callbacks: full build $total s (peak RSS $((rss / 1024)) MiB); grid: $pages pages in $grid s of render worker time ($(echo "1000 * $grid / $pages" | bc -l | xargs printf '%.1f') ms/page)"
  echo "$commits full $grid $pages" >>"$work/results"
  # One more commit on every backend: the latest pages and the older pages it moves.
  scripts/bench-trunk.py 1 20 3 --first "$((commits + 1))" >"$work/more.ndjson"
  "$bin" ingest --db "$db" "$work/more.ndjson" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" build --db "$db" --out "$site" --now "$now" --no-progress \
    --templates templates --queries data/queries --query-stats >/dev/null 2>"$work/stats"
  read -r total rss <"$work/time"
  read -r grid pages < <(measure)
  echo "$commits + 1 commit: incremental build $total s; grid: $pages pages re-rendered in $grid s"
  echo "$commits incremental $grid $pages $total" >>"$work/results"
  rm -rf "$db"* "$site"
done
echo
echo "== ratios, $large/$small commits (same run)"
awk -v s="$small" -v l="$large" '
  { t[$1" "$2] = $3; p[$1" "$2] = $4; b[$1" "$2] = $5 }
  END {
    printf "  full: grid pages %.1f, grid time %.2f, time per page %.2f (flat is ~1)\n", p[l" full"] / p[s" full"], t[l" full"] / t[s" full"], (t[l" full"] / p[l" full"]) / (t[s" full"] / p[s" full"])
    printf "  incremental after one commit: grid pages %d vs %d, grid time %.2f, build time %.2f (flat is ~1)\n", p[l" incremental"], p[s" incremental"], t[l" incremental"] / (t[s" incremental"] + 0.0001), b[l" incremental"] / (b[s" incremental"] + 0.0001)
  }' "$work/results"
