#!/usr/bin/env bash
# JUnit parser benchmark: generates a >= 100 MB PyTorch/pytest-style report (reruns, long
# tracebacks) and, in one run, measures MB/s and peak RSS of `oot-hud junit` (release build),
# `xmllint --stream --noout` (the libxml2 ceiling) and Python's xml.etree.iterparse, then prints
# the ratios. Targets: >= 0.5x xmllint's speed, >= 3x Python's, peak RSS < 64 MB.
# Usage: scripts/bench-junit.sh [MB] [RUNS]   (default 110 MB, best of 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-110}"; runs="${2:-3}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
scripts/setup
command -v xmllint >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq libxml2-utils >/dev/null || sudo apt-get install -y -qq libxml2-utils >/dev/null; }
swift build -c release --product oot-hud >/dev/null
python3 scripts/bench/gen_pytest_report.py "$work/report.xml" "$mb"
size=$(stat -c %s "$work/report.xml")

# best NAME CMD...: best wall time and its peak RSS over $runs runs (GNU time)
best() {
    local name=$1; shift
    local best_s="" best_kb=""
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/t" "$@" >"$work/$name.out" 2>/dev/null || true
        read -r s kb <"$work/t"
        if [ -z "$best_s" ] || awk -v a="$s" -v b="$best_s" 'BEGIN {exit !(a < b)}'; then best_s=$s; best_kb=$kb; fi
    done
    echo "$best_s $best_kb"
}
read -r ours_s ours_kb < <(best oot .build/release/oot-hud junit "$work/report.xml")
read -r lint_s lint_kb < <(best xmllint xmllint --stream --noout "$work/report.xml")
read -r py_s py_kb < <(best python python3 scripts/bench/iterparse_count.py "$work/report.xml")

printf '\nreport: %.0f MB\n' "$(echo "$size / 1000000" | bc -l)"
printf '%-28s %8s %10s %12s\n' "" seconds "MB/s" "peak RSS MB"
row() { printf '%-28s %8.2f %10.0f %12.1f\n' "$1" "$2" "$(echo "$size / 1000000 / $2" | bc -l)" "$(echo "$3 / 1024" | bc -l)"; }
row "oot-hud junit" "$ours_s" "$ours_kb"
row "xmllint --stream --noout" "$lint_s" "$lint_kb"
row "python iterparse" "$py_s" "$py_kb"
echo
echo "oot-hud result: $(cat "$work/oot.out")"
echo "python result:  $(cat "$work/python.out")"
printf 'speed vs xmllint: %.2fx (target >= 0.5)   speed vs python: %.1fx (target >= 3)   peak RSS: %.1f MB (target < 64)\n' \
    "$(echo "$lint_s / $ours_s" | bc -l)" "$(echo "$py_s / $ours_s" | bc -l)" "$(echo "$ours_kb / 1024" | bc -l)"
