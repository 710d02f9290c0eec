#!/usr/bin/env bash
# Opens every page of a site built from data/samples/adversarial in headless chromium and
# reports whether any attacker script ran. Every payload calls console.log('XSS-EXECUTED');
# chromium's console goes to stderr with --enable-logging, so one match is a failure.
#
#   scripts/xss-check.sh            # needs chromium (Debian package)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install chromium)"; exit 2; }
work=$(mktemp -d /tmp/xss-check.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build --product oot-hud >/dev/null 2>&1 || swift build --product oot-hud
bin=$(swift build --show-bin-path)/oot-hud
"$bin" ingest --db "$work/oot.sqlite" data/samples/adversarial/callbacks.ndjson >/dev/null
"$bin" build --db "$work/oot.sqlite" --out "$work/site" --artifact-root data/samples/adversarial \
  --now 2026-11-28T12:00:00Z --no-progress >/dev/null
site=$(readlink -f "$work/site/current")
# Positive control: the detector must see a script that does run.
echo "<script>console.log('XSS-EXECUTED')</script>" >"$work/control.html"
if ! timeout 30 chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --virtual-time-budget=2000 \
  --dump-dom "file://$work/control.html" 2>&1 >/dev/null | grep -q XSS-EXECUTED; then
  echo "the detector did not see the control script run; cannot check"; exit 2
fi
pages=0
executed=0
while IFS= read -r page; do
  pages=$((pages + 1))
  log=$(timeout 30 chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
    --virtual-time-budget=2000 --dump-dom "file://$page" 2>&1 >/dev/null || true)
  if grep -q "XSS-EXECUTED" <<<"$log"; then
    executed=$((executed + 1))
    echo "SCRIPT RAN: ${page#$site/}"
  fi
done < <(find "$site" -name '*.html' | sort)
echo "pages opened: $pages; pages where an attacker script ran: $executed"
[ "$executed" -eq 0 ]
