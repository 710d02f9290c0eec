#!/usr/bin/env bash
# Build benchmark (issue #6): full and incremental builds at 100k and 1M jobs, in one run.
#
#   scripts/bench-build.sh [SIZES...]        # default: 100k 1m
#
# For each size it generates (or reuses, under $BENCH_DATA, default /tmp/synth-bench/<size>) a
# seeded synthetic database with `oot-hud-synth` (50 backends; 1m = 5,000 PRs, 20,000 JUnit
# files of which 2,000 are 1 MB+; 100k = a tenth of that), then:
#   1. first build: fold every callback, harvest every JUnit file, render everything, from the
#      raw callbacks into an empty site (the cost of a new deployment back-filling history, or of
#      `reindex`); its folded database is kept as folded.sqlite for the other steps.
#      BENCH_SKIP_FIRST=1 reuses a folded.sqlite from an earlier run instead;
#   2. full build (--full) of every page from a copy of the folded database into an empty site;
#   (then "settle": a build with nothing new, which links the whole site into the second tree once)
#   3. incremental build after `oot-hud-synth --append 100` (100 new callbacks, new JUnit files);
#   4. incremental build with nothing new;
#   5. the floor: `cp -r` of the full build's published tree (the same files, written with no
#      rendering at all).
# Each build runs under /usr/bin/time for wall time and peak RSS. After the full build it prints
# the search index's size (bytes, and % of the site's bytes), and for each build the seconds the
# search index added (its index-stage update plus its render work, from the build's summary line). Prints the ratios
# incremental/full, full/floor and 1m/100k. Targets (issue 17): ≥ 1,000 pages/s, full 1M ≤ 60 s,
# incremental ≤ 0.5 s at 100k and ≤ 1 s at 1M (1m/100k ≤ 1.5), first build at 100k ≤ 30 s, peak
# RSS 1m/100k ≤ 1.5 (where each stands: docs/performance.md).
#
# Against a baseline, in the same run:  BENCH_BASELINE=<git rev> scripts/bench-build.sh 100k
# builds <rev> (release, in a worktree under /tmp, kept for the next run), then measures steps
# 2–4 for the baseline and for this checkout in turn, BENCH_ROUNDS times (default 3), each binary
# with its own templates and saved queries, and prints both and the ratio this/baseline of the
# fastest run of each step (the machine is noisy; a ratio above 1 is slower).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then sizes=(100k 1m); else sizes=("$@"); fi
data_root=${BENCH_DATA:-/tmp/synth-bench}
work=$(mktemp -d /tmp/bench-build.XXXXXX)
trap 'rm -rf "$work"' EXIT

for product in oot-hud oot-hud-synth; do
  swift build -c release --product $product >/dev/null 2>&1 || swift build -c release --product $product
done
bin=$PWD/.build/release/oot-hud
synth=$PWD/.build/release/oot-hud-synth
now=2026-11-28T12:00:00Z
rounds=${BENCH_ROUNDS:-3}
# tags: "new" (this checkout) and, with BENCH_BASELINE, "base"; each with its binary and checkout
declare -A bins=([new]="$bin") roots=([new]="$PWD") synths=([new]="$synth")
tags=(new)
if [ -n "${BENCH_BASELINE:-}" ]; then
  rev=$(git rev-parse --short "$BENCH_BASELINE")
  base_root=/tmp/oot-bench-baseline-$rev
  if [ ! -d "$base_root" ]; then git worktree add --detach "$base_root" "$rev" >/dev/null; fi
  echo "building the baseline $rev in $base_root (release)…"
  for product in oot-hud oot-hud-synth; do
    (cd "$base_root" && swift build -c release --product $product >/dev/null 2>&1 || swift build -c release --product $product)
  done
  bins[base]=$base_root/.build/release/oot-hud
  # Each binary appends with its own synth: a newer schema would leave the older binary a file it refuses.
  synths[base]=$base_root/.build/release/oot-hud-synth
  roots[base]=$base_root
  tags=(base new)
else
  rounds=1
fi

synth_args() {
  case $1 in
    100k) echo "--jobs 100000 --backends 50 --prs 500 --junit 2000 --big-junit 200" ;;
    1m) echo "--jobs 1000000 --backends 50 --prs 5000 --junit 20000 --big-junit 2000" ;;
    *) echo "unknown size $1 (100k or 1m)" >&2; exit 2 ;;
  esac
}

# run LABEL SIZE [TAG] -- command...: records wall seconds, peak RSS (KiB) and the build's summary
# line (TAG: which binary, "new" when omitted).
run() {
  local label=$1 size=$2 tag=new
  if [ "$3" != "--" ]; then tag=$3; shift; fi
  shift 3
  local log="$work/$size-$label-$tag.log"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }
  read -r secs rss <"$work/time"
  local pages; pages=$(grep -o 'pages: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  echo "$size $label $secs $rss $pages $tag" >>"$work/results"
  printf '  %-12s %-4s %8.2f s  %7d pages  %6.0f pages/s  peak RSS %5d MiB\n' "$label" "$tag" "$secs" "$pages" \
    "$(echo "$pages / ($secs + 0.0001)" | bc -l)" "$((rss / 1024))"
  grep -o 'build [0-9]* ([a-z]*' "$log" | tail -1 | sed 's/^/      /' | tr -d '\n'
  grep -o 'fold [0-9.]*s, .*' "$log" | tail -1 | sed 's/^/: /'
  # The trunk grid (issue 18): its render time (worker time, every view) and pages, when the
  # binary prints them (--query-stats).
  local grid; grid=$(grep -o '^render trunk: [0-9.]* s' "$log" | tail -1 | awk '{print $3}' || true)
  if [ -n "$grid" ]; then
    local gridpages; gridpages=$(grep -o '^pages trunk: [0-9]*' "$log" | tail -1 | awk '{print $3}')
    local expanded; expanded=$(grep -o '^pages trunk-backend: [0-9]*' "$log" | tail -1 | awk '{print $3}')
    echo "$size $label $grid ${gridpages:-0} $tag" >>"$work/grid"
    printf '      trunk grid: render %.3f s (worker time) for %d pages (3 views), %d expanded backend columns\n' \
      "$grid" "${gridpages:-0}" "${expanded:-0}"
  fi
  # Search (issue 16): the time the search index added (index stage + render worker time).
  local search; search=$(grep -o 'search index [0-9.]*s + render [0-9.]*s' "$log" | tail -1 || true)
  if [ -n "$search" ]; then
    local si sr; si=$(echo "$search" | awk '{print $3}' | tr -d s); sr=$(echo "$search" | awk '{print $6}' | tr -d s)
    echo "$size $label $si $sr $tag" >>"$work/search"
    printf '      search: index stage %.3f s + render %.3f s (worker time) = %.3f s added\n' "$si" "$sr" "$(echo "$si + $sr" | bc -l)"
  fi
}

# search_size SIZE TAG SITE: the search index's bytes (search/: index.js, shards, A–Z pages) and
# their share of the published site's bytes.
search_size() {
  local size=$1 tag=$2 tree; tree=$(readlink -f "$3/current")
  local total search shards
  total=$(find "$tree" -type f -printf '%s\n' | awk '{s += $1} END {printf "%.0f\n", s}')
  search=$(find "$tree/search" -type f -printf '%s\n' 2>/dev/null | awk '{s += $1} END {printf "%.0f\n", s}')
  shards=$(find "$tree/search/shard" -type f 2>/dev/null | wc -l)
  printf '  search index %-4s %12d bytes of %12d (%.2f %% of the site), %d shard parts, index.js %d bytes\n' "$tag" \
    "$search" "$total" "$(echo "100 * $search / ($total + 1)" | bc -l)" "$shards" "$(stat -c %s "$tree/search/index.js" 2>/dev/null || echo 0)"
  echo "$size $search $total $tag" >>"$work/search-size"
}

# floor SIZE TAG SITE: seconds for `cp -r` of the published tree into a new directory (page
# cache warm, as the build's own writes left it), and the same as pages/s.
floor() {
  local size=$1 tag=$2 tree; tree=$(readlink -f "$3/current")
  local pages; pages=$(grep -o 'pages: [0-9]*' "$work/$size-full-$tag.log" | tail -1 | grep -o '[0-9]*')
  /usr/bin/time -f "%e %M" -o "$work/time" cp -r "$tree" "$work/floor-copy"
  read -r secs _ <"$work/time"
  rm -rf "$work/floor-copy"
  echo "$size floor $secs 0 $pages $tag" >>"$work/results"
  printf '  %-12s %-4s %8.2f s  %7d pages  %6.0f pages/s  (cp -r of the full build'"'"'s %s)\n' floor "$tag" "$secs" "$pages" \
    "$(echo "$pages / ($secs + 0.0001)" | bc -l)" "$(du -sh "$tree" | cut -f1)"
}

# steps SIZE TAG: steps 2–4 with binary TAG, from a copy of the folded database into an empty site.
steps() {
  local size=$1 tag=$2 data="$data_root/$1"
  local db="$work/$size-$tag.sqlite" site="$work/$size-$tag-site"
  cp "$data/folded.sqlite" "$db"
  local build=("${bins[$tag]}" build --db "$db" --out "$site" --artifact-root "$data/artifacts" --now "$now" --no-progress
    --templates "${roots[$tag]}/templates" --queries "${roots[$tag]}/data/queries")
  # Per-kind render times (the trunk grid's line), when this binary has the flag.
  # (grep -c reads the whole help: grep -q would quit early, and pipefail would see the SIGPIPE.)
  if "${bins[$tag]}" build --help 2>/dev/null | grep -c -- --query-stats >/dev/null; then build+=(--query-stats); fi
  # 2. Full: every page rendered from the folded database into an empty site.
  run full "$size" "$tag" -- "${build[@]}" --full
  search_size "$size" "$tag" "$site"
  floor "$size" "$tag" "$site"
  # The first build after a full one links the whole tree into the second tree (once per site:
  # later builds copy only what the last build changed); measured apart, as "settle".
  run settle "$size" "$tag" -- "${build[@]}"
  # 3. Incremental after 100 new callbacks; 4. again with nothing new.
  # (the appended JUnit files land in the dataset's artifacts folder, the same ones every run)
  "${synths[$tag]}" --db "$db" --artifacts "$data/artifacts" --append 100 --seed 2 --now "$now" >/dev/null 2>&1
  run incremental "$size" "$tag" -- "${build[@]}"
  run unchanged "$size" "$tag" -- "${build[@]}"
  rm -rf "$site" "$db"*
}

# need_space SIZE: refuses to start a size the disk under $work cannot hold (a first build's
# database, a copy per binary, and the sites: about 35 GB at 1m, 4 GB at 100k), instead of dying
# half-way with the disk full.
need_space() {
  local need_gb; case $1 in 1m) need_gb=35 ;; *) need_gb=4 ;; esac
  local free_gb; free_gb=$(df -Pk "$work" | awk 'NR == 2 {print int($4 / 1048576)}')
  if [ "$free_gb" -lt "$need_gb" ]; then
    echo "bench-build.sh: $1 needs about $need_gb GB free under $work, only $free_gb GB are" >&2
    exit 1
  fi
}

for size in "${sizes[@]}"; do
  need_space "$size"
  data="$data_root/$size"
  if [ ! -f "$data/oot.sqlite" ] || [ ! -f "$data/.complete" ]; then
    echo "generating $size into $data (one time)…"
    rm -rf "$data" && mkdir -p "$data"
    # shellcheck disable=SC2046
    /usr/bin/time -f "  synth: %e s, peak RSS %M KiB" "$synth" --db "$data/oot.sqlite" --artifacts "$data/artifacts" \
      $(synth_args "$size") --seed 1 --now "$now"
    touch "$data/.complete"
  fi
  echo "== $size ($(du -sh "$data/oot.sqlite" | cut -f1) of callbacks, $(du -sh "$data/artifacts" | cut -f1) of JUnit)"
  # 1. The initial build (fold every callback, harvest every report, render everything) runs
  #    once per dataset; its folded database is kept for the other measurements.
  #    With a baseline, the baseline binary writes it: a newer schema upgrades an older file when
  #    it opens it (inside the timed full build: this checkout's migration is in its figure), but
  #    an older binary refuses a newer file.
  if [ ! -f "$data/folded.sqlite" ] || [ "${BENCH_SKIP_FIRST:-0}" != 1 ]; then
    cp "$data/oot.sqlite" "$work/$size.sqlite"
    first_tag=new
    if [ -n "${bins[base]:-}" ]; then first_tag=base; fi
    run first "$size" "$first_tag" -- "${bins[$first_tag]}" build --db "$work/$size.sqlite" --out "$work/$size-first" \
      --artifact-root "$data/artifacts" --now "$now" --no-progress
    mv "$work/$size.sqlite" "$data/folded.sqlite"
    rm -rf "$work/$size-first" "$work/$size.sqlite"-*
  else
    echo "  first        (skipped: BENCH_SKIP_FIRST=1 reuses $data/folded.sqlite)"
  fi
  for ((round = 1; round <= rounds; round++)); do
    [ "$rounds" -gt 1 ] && echo "  -- round $round of $rounds"
    for tag in "${tags[@]}"; do steps "$size" "$tag"; done
  done
done

echo
echo "== ratios (same run)"
awk '
  $6 == "new" { t[$1" "$2] = $3; r[$1" "$2] = $4 }
  END {
    for (s in t) { split(s, p, " "); sizes[p[1]] = 1 }
    for (z in sizes) if (t[z" full"] > 0) {
      printf "  %-5s incremental/full = %.4f   (incremental %.2f s, full %.2f s)\n", z, t[z" incremental"] / t[z" full"], t[z" incremental"], t[z" full"]
      if (t[z" floor"] > 0) printf "  %-5s full/floor       = %.1f    (full %.2f s, cp -r %.2f s)\n", z, t[z" full"] / t[z" floor"], t[z" full"], t[z" floor"]
    }
    if (t["100k full"] > 0 && t["1m full"] > 0) {
      if (t["100k first"] > 0 && t["1m first"] > 0) printf "  1m/100k first       = %.2f\n", t["1m first"] / t["100k first"]
      printf "  1m/100k full        = %.2f\n", t["1m full"] / t["100k full"]
      printf "  1m/100k incremental = %.2f   (flat is ~1; target <= 1.5)\n", t["1m incremental"] / t["100k incremental"]
      printf "  1m/100k peak RSS    = %.2f   (full build; target <= 1.5)\n", r["1m full"] / r["100k full"]
      if (r["1m first"] > 0 && r["100k first"] > 0) printf "  1m/100k peak RSS    = %.2f   (first build)\n", r["1m first"] / r["100k first"]
    }
  }' "$work/results"
if [ -f "$work/search" ]; then
  if [ -s "$work/grid" ]; then
    echo
    echo "== trunk grid /oot/trunk/ (issue 18): render worker time, every view"
    awk '$5 == "new" { printf "  %-5s %-12s %.3f s for %d pages\n", $1, $2, $3, $4 }' "$work/grid"
  fi
  echo
  echo "== search index (issue 16; budget: 10 % of the site's bytes, 0.2 s added to an incremental build)"
  awk '$4 == "new" { printf "  %-5s %12.0f bytes = %.2f %% of the site (%.0f bytes)\n", $1, $2, 100 * $2 / ($3 + 1), $3 }' "$work/search-size"
  awk '$5 == "new" { printf "  %-5s %-12s search index %.3f s + render %.3f s = %.3f s added\n", $1, $2, $3, $4, $3 + $4 }' "$work/search"
fi
if [ "${#tags[@]}" -gt 1 ]; then
  echo
  echo "== this checkout vs the baseline $rev (fastest of $rounds runs each; above 1 is slower)"
  awk '
    $6 != "" { k = $1" "$2" "$6; if (!(k in best) || $3 < best[k]) best[k] = $3; steps[$1" "$2] = 1 }
    END {
      for (s in steps) if ((s" base") in best && (s" new") in best)
        printf "  %-18s baseline %7.2f s   this %7.2f s   ratio %.3f\n", s, best[s" base"], best[s" new"], best[s" new"] / (best[s" base"] + 0.0001)
    }' "$work/results" | sort
fi
