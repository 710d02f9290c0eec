#!/usr/bin/env bash
# Resource limits at full size: JUnit reports built to exhaust time or memory, each parsed alone
# (`oot-hud junit`) and then all of them harvested by one build, each under /usr/bin/time.
#   billion-laughs  nine nested entities (a 3 GB expansion)       -> rejected at the DOCTYPE
#   deep-nesting    100,000 nested <testsuite> elements            -> rejected at depth 256
#   text-1g         one 1 GiB text node inside <system-out>        -> over the 256 MiB cap, rejected
#   text-200m       one 200 MiB text node (under the cap)          -> parsed; 8 KiB of it kept
#   attr-64m        a 64 MiB message="..." attribute               -> libxml2's 10 MB attribute limit
#   zip-bomb        1 GiB of spaces deflated to ~1 MiB in a zip    -> stopped at 256 MiB unpacked
# Then checks that every job page says what was wrong, and prints the bounds measured.
# Usage: scripts/fault-limits.sh            (needs ~1.3 GB free in $TMPDIR; under a minute after
#                                             the release build, which the first run makes)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d "${TMPDIR:-/tmp}/fault-limits.XXXXXX")
trap 'rm -rf "$work"' EXIT
scripts/setup
swift build -c release --product oot-hud >/dev/null 2>&1 || swift build -c release --product oot-hud
bin=$PWD/.build/release/oot-hud
mkdir -p "$work/artifacts"

python3 - "$work/artifacts" <<'PY'
import sys, zipfile
out = sys.argv[1]
mib = b" " * (1 << 20)
with open(f"{out}/billion-laughs.xml", "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n')
    for i in range(1, 10):
        prev = "lol" if i == 1 else f"lol{i-1}"
        f.write(f'<!ENTITY lol{i} "' + f"&{prev};" * 10 + '">\n')
    f.write(']>\n<testsuite name="s"><testcase classname="c" name="&lol9;"/></testsuite>\n')
with open(f"{out}/deep-nesting.xml", "w") as f:
    f.write("<testsuite>" * 100_000 + "</testsuite>" * 100_000)
with open(f"{out}/text-1g.xml", "wb") as f:
    f.write(b'<testsuite name="s"><testcase classname="c" name="t"><system-out>')
    for _ in range(1024):
        f.write(b"x" * (1 << 20))
    f.write(b"</system-out></testcase></testsuite>\n")
with open(f"{out}/text-200m.xml", "wb") as f:
    f.write(b'<testsuite name="s"><testcase classname="c" name="t"><system-out>')
    for _ in range(200):
        f.write(b"x" * (1 << 20))
    f.write(b"</system-out></testcase></testsuite>\n")
with open(f"{out}/attr-64m.xml", "wb") as f:
    f.write(b'<testsuite name="s"><testcase classname="c" name="t"><failure message="')
    for _ in range(64):
        f.write(b"m" * (1 << 20))
    f.write(b'">trace</failure></testcase></testsuite>\n')
with zipfile.ZipFile(f"{out}/zip-bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("report.xml", "w", force_zip64=True) as f:
        for _ in range(1024):
            f.write(mib)
PY

cases=(billion-laughs.xml deep-nesting.xml text-1g.xml text-200m.xml attr-64m.xml zip-bomb.zip)
expected=(error error error ok error error)
printf '%-20s %10s %9s %10s  %s\n' case size seconds "peak RSS" "state: error"
for name in "${cases[@]}"; do
  [ "$name" = zip-bomb.zip ] && continue   # `oot-hud junit` reads XML; the build unpacks the zip
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" junit "$work/artifacts/$name" >"$work/out.json" 2>/dev/null || true
  read -r secs kb < <(tail -1 "$work/time")
  verdict=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["state"] + (": " + r["error"] if r["error"] else ""))' "$work/out.json")
  printf '%-20s %10s %8ss %7d MiB  %s\n' "$name" "$(du -h "$work/artifacts/$name" | cut -f1)" "$secs" "$((kb / 1024))" "$verdict"
done

# One completed callback per artifact, then one build that harvests them all.
python3 scripts/bench/job_callbacks.py "$work/callbacks.ndjson" 800 'file://{name}' "${cases[@]}"
"$bin" ingest --db "$work/oot.sqlite" "$work/callbacks.ndjson" >/dev/null
/usr/bin/time -f '%e %M' -o "$work/time" "$bin" build --db "$work/oot.sqlite" --out "$work/site" \
  --artifact-root "$work/artifacts" --no-progress >"$work/build.log" 2>&1
read -r secs kb < <(tail -1 "$work/time")
echo "build harvesting all ${#cases[@]}: ${secs} s, peak RSS $((kb / 1024)) MiB"

right=0
for n in "${!cases[@]}"; do
  page=$(find -L "$work/site/current" -path "*/job/$((800 + n))/index.html" | head -1)
  banner=$(grep -o '<p class="banner error">.*</p>' "$page" | head -1 | sed 's/<[^>]*>//g' || true)
  printf '  job page %-18s %s\n' "${cases[$n]}" "${banner:-no error: the report parsed}"
  if [ "${expected[$n]}" = error ]; then [ -n "$banner" ] && right=$((right + 1)); else [ -z "$banner" ] && right=$((right + 1)); fi
done
echo "job pages in the expected state (error banner, or parsed for text-200m): $right of ${#cases[@]}"
[ "$right" = "${#cases[@]}" ]
