#!/usr/bin/env bash
# libFuzzer run of one harness of the Tests/Fuzz/ package (docs/fuzzing.md): builds it with
# `-sanitize=fuzzer,address` into .build-fuzz/ (incremental after the first time), seeds a corpus
# in .build-fuzz/corpus/TARGET/ from the repository's samples, fuzzes for SECONDS, and writes
# crashing inputs to Tests/Fuzz/crashes/TARGET/. Ends with one line: target, seconds, iterations,
# exec/s, crashes. Exits 1 when a crash (or timeout, or out-of-memory input) was found.
# Usage: scripts/fuzz.sh callback|junit|markdown SECONDS [libFuzzer options...]
#   Reproduce a crash: scripts/fuzz.sh junit 0 Tests/Fuzz/crashes/junit/crash-<sha1>
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

usage() { echo "usage: scripts/fuzz.sh callback|junit|markdown SECONDS [libFuzzer options...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1; seconds=$2; shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
case "$target" in
    # max_len: bytes per input. Callbacks: the largest sample body is 22 kB (the endpoint takes
    # 2 MiB, but bigger inputs only slow mutation down). JUnit: 1 MiB, above the parser's
    # 256 KiB read chunk. Markdown: a PR comment is a few kB.
    callback) product=FuzzCallback; max_len=65536 ;;
    junit) product=FuzzJUnit; max_len=1048576 ;;
    markdown) product=FuzzMarkdown; max_len=16384 ;;
    *) usage ;;
esac

scratch="$root/.build-fuzz"
corpus="$scratch/corpus/$target"
crashes="$root/Tests/Fuzz/crashes/$target"
log="$scratch/logs/$target.log"
tmp="$scratch/tmp/$target"  # the harnesses' $TMPDIR (FuzzJUnit writes each input there)
rm -rf "$tmp"
mkdir -p "$corpus" "$crashes" "$(dirname "$log")" "$tmp"

# Build. -parse-as-library: the harnesses have no main (libFuzzer's is linked in). The fuzzer
# and address sanitizers apply to every Swift module of the graph (our libraries and their
# dependencies); C targets and the system libxml2/cmark/SQLite are not instrumented.
build_start=$(date +%s)
swift build --package-path Tests/Fuzz --scratch-path "$scratch" -c debug --product "$product" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >"$scratch/logs/build-$target.log" 2>&1 || {
    tail -n 40 "$scratch/logs/build-$target.log" >&2
    echo "fuzz: build of $product failed (log: $scratch/logs/build-$target.log)" >&2
    exit 2
}
build_seconds=$(($(date +%s) - build_start))
binary="$scratch/debug/$product"
echo "fuzz: $product built in ${build_seconds}s"

# seed FILE: copies FILE into the corpus under its content hash (so reseeding adds no duplicates).
seed() { cp "$1" "$corpus/seed-$(sha1sum "$1" | cut -c1-40)"; }
# seed_lines FILE: one corpus entry per non-empty line (NDJSON: one relay body a line).
seed_lines() {
    local line tmp
    tmp="$(mktemp)"
    while IFS= read -r line || [ -n "$line" ]; do
        [ -n "$line" ] || continue
        printf '%s' "$line" >"$tmp"
        seed "$tmp"
    done <"$1"
    rm -f "$tmp"
}
case "$target" in
    callback)
        while IFS= read -r -d '' f; do seed_lines "$f"; done < <(find data/samples -name '*.ndjson' -print0)
        while IFS= read -r -d '' f; do seed "$f"; done < <(find data/samples Tests/Fixtures/callbacks -name '*.json' -print0)
        ;;
    junit)
        while IFS= read -r -d '' f; do seed "$f"; done < <(
            find ../shared/junit-corpus Tests/Fixtures/junit-corpus data/samples -name '*.xml' -print0 2>/dev/null)
        ;;
    markdown)
        while IFS= read -r -d '' f; do seed "$f"; done < <(find Tests/Fuzz/seeds/markdown -type f -print0)
        # The PR comments of a demo build, when there is one (`swift run oot-hud demo`).
        if [ -d site/current/pr ]; then
            while IFS= read -r -d '' f; do seed "$f"; done < <(find -L site/current/pr -name comment.md -print0)
        fi
        ;;
esac
echo "fuzz: corpus $corpus: $(find "$corpus" -type f | wc -l) inputs"

before=$(find "$crashes" -type f | sort)
# A run of 0 seconds with file arguments replays those inputs (reproducing a crash).
if [ "$seconds" = 0 ] && [ $# -gt 0 ]; then
    inputs=("$@"); set --
else
    inputs=("$corpus")
fi
status=0
# detect_leaks=0: the Swift runtime's and Foundation's process-lifetime caches read as leaks.
# SWIFT_BACKTRACE=enable=no: the runtime's own crash reporter trips ASan while it reads the stack.
TMPDIR="$tmp" SWIFT_BACKTRACE=enable=no "$binary" "${inputs[@]}" -max_total_time="$seconds" -max_len="$max_len" -timeout=25 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$crashes/" "$@" >"$log" 2>&1 || status=$?

after=$(find "$crashes" -type f | sort)
new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')
found=$(printf '%s' "$new" | grep -c . || true)
iterations=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
# Without final stats (a crash), the last progress line (`#123 ...`) gives the count.
[ -n "$iterations" ] || iterations=$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')
execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
if [ "$status" -ne 0 ] || [ "$found" -gt 0 ]; then
    grep -E 'ERROR|Fatal error|invariant violated|SUMMARY|Test unit written' "$log" | head -n 20 >&2 || true
    [ -z "$new" ] || echo "fuzz: new artifacts:" $new >&2
    echo "fuzz: full log: $log" >&2
fi
echo "fuzz: target=$target seconds=$seconds iterations=${iterations:-?} exec/s=${execs:-?} crashes=$found"
if [ "$found" -gt 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
