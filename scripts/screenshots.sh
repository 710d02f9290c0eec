#!/usr/bin/env bash
# Screenshots of each page type of the demo site, for the README (docs/screenshots/).
# Needs: chromium (Debian package), optionally pngquant to shrink the PNGs; for the search box
# (typed into by Selenium) python3-selenium and chromium-driver, as scripts/setup installs.
#   scripts/screenshots.sh            # builds the demo site first
set -euo pipefail
cd "$(dirname "$0")/.."
swift run oot-hud demo >/dev/null
out=docs/screenshots
mkdir -p "$out"
site=$(readlink -f site/current)   # the published tree
# The first drill-down linked from PR #188793, and the history of the test it fails (on two PRs).
job=$(grep -o 'href="../../oot/acme-silicon/torch-npu/job/[0-9]*/index.html"' "$site/pr/188793/index.html" | head -1 | sed 's|href="../../||; s|"$||')
test=$(cd "$site" && for d in oot/acme-silicon/torch-npu/tests/test.test_spark.sparktests.test_rsh_events-*/ oot/acme-silicon/torch-npu/tests/*/; do [ -d "$d" ] && { echo "$d"; break; }; done)

shot() { # name path width height [extra chromium flags]
  local name=$1 path=$2 w=$3 h=$4; shift 4
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" \
    --window-size="$w,$h" --screenshot="$out/$name.png" "file://$site/$path" >/dev/null 2>&1
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --output "$out/$name.png" 64 "$out/$name.png" || true; fi
  echo "$out/$name.png $(stat -c %s "$out/$name.png") bytes"
}
shot summary oot/index.html 1200 820
shot backend oot/acme-silicon/torch-npu/index.html 1200 960
shot backend-dark oot/acme-silicon/torch-npu/index.html 1200 960 --blink-settings=preferredColorScheme=0
shot nightly oot/acme-silicon/torch-npu/nightly/index.html 1200 620
shot trunk oot/acme-silicon/torch-npu/trunk/index.html 1200 560
shot flaky oot/acme-silicon/torch-npu/flaky/index.html 1200 480
shot test "${test}index.html" 1200 460
shot pr pr/188793/index.html 1200 1120
shot pr-triage pr/188874/index.html 1200 1500
shot job "$job" 1200 900
shot trends-panel oot/acme-silicon/torch-npu/index.html 1400 1100
shot trends oot/acme-silicon/torch-npu/trends/index.html 1200 1000
shot backend-phone-dark oot/acme-silicon/torch-npu/index.html 390 1500 --blink-settings=preferredColorScheme=0
shot search-az search/f/index.html 1200 560
# The trunk grid (issue 18): L4 by default, all levels, dark, and on a phone; a backend expanded.
shot trunk-grid oot/trunk/index.html 1400 700
shot trunk-grid-all-dark oot/trunk/l2/index.html 1400 700 --blink-settings=preferredColorScheme=0
shot trunk-grid-phone oot/trunk/l2/index.html 390 1000
shot trunk-grid-phone-dark oot/trunk/l2/index.html 390 1000 --blink-settings=preferredColorScheme=0
shot trunk-commits oot/acme-silicon/torch-npu/commits/index.html 1400 640
# The search box needs typing: Selenium types into it (scripts/search-check.py), then shoots.
search() { # name width height query expected [--dark]
  local name=$1 w=$2 h=$3 query=$4 expected=$5; shift 5
  /usr/bin/python3 scripts/search-check.py "$site" "$query" "$expected" --width "$w" --height "$h" "$@" \
    --screenshot "$out/$name.png" >/dev/null
  if command -v pngquant >/dev/null; then pngquant --force --skip-if-larger --output "$out/$name.png" 64 "$out/$name.png" || true; fi
  echo "$out/$name.png $(stat -c %s "$out/$name.png") bytes"
}
search search 1200 420 acme test_always_fail
search search-phone-dark 390 520 fails_every test_fails_every_attempt --dark
