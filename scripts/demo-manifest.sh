#!/usr/bin/env bash
# Builds the demo site (`oot-hud demo`) and prints one line per published file: its SHA-256 and
# path, sorted. The demo renders as of its samples' own time, so two builds of the same code give
# the same lines; Tests/Fixtures/demo-site.sha256 holds them for the code as committed, and
# DemoBuildTests compares every build of the tests against it. After a change that is meant to
# alter pages, refresh it and let the diff show which pages changed:
#   scripts/demo-manifest.sh --update
set -euo pipefail
cd "$(dirname "$0")/.."
swift run oot-hud demo >/dev/null 2>&1 || { echo "oot-hud demo failed" >&2; swift run oot-hud demo; exit 1; }
manifest() { (cd site/current && find . -type f | sort | xargs sha256sum); }
if [ "${1:-}" = "--update" ]; then
    manifest >Tests/Fixtures/demo-site.sha256
    echo "wrote Tests/Fixtures/demo-site.sha256 ($(wc -l <Tests/Fixtures/demo-site.sha256) files)"
else
    manifest
fi
