#!/usr/bin/env bash
# Build faults, with a real `oot-hud build` on a seeded synthetic database:
#   1. killed at random points: ROUNDS times, 500 new callbacks arrive, a build starts and gets
#      `kill -9` after a random delay. After each kill the published site (site/current) must be
#      byte-for-byte the last completed build, and the lock must not be stuck. At the end, the
#      incremental site that survived all the kills must equal a --full build of the same data.
#   2. a misbehaving artifact server (python, loopback): a timeout, a connection reset, a body
#      cut short, HTML labelled application/xml, XML labelled text/plain. The build must finish
#      and each job page must say what happened.
#   3. an unwritable output directory: a clear error naming it, a non-zero exit, no crash.
# Usage: scripts/fault-build.sh [ROUNDS]   (default 20; a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-20}
work=$(mktemp -d /tmp/fault-build.XXXXXX)
pyserver=""
trap '[ -n "$pyserver" ] && kill "$pyserver" 2>/dev/null; rm -rf "$work"' EXIT
scripts/setup
for product in oot-hud oot-hud-synth; do
  swift build -c release --product $product >/dev/null 2>&1 || swift build -c release --product $product
done
bin=$PWD/.build/release/oot-hud
synth=$PWD/.build/release/oot-hud-synth
now=2026-11-28T12:00:00Z
failures=0

digest() { # a digest of every published file, by path and content
  (cd "$1" && find -L . -type f ! -name '*.lock' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
}

echo "== 1. kill -9 at random points ($rounds rounds)"
db=$work/oot.sqlite
"$synth" --db "$db" --artifacts "$work/artifacts" --jobs 20000 --backends 8 --prs 300 --junit 400 \
  --big-junit 20 --big-junit-bytes 262144 --seed 3 --now "$now" >/dev/null
build=("$bin" build --db "$db" --out "$work/site" --artifact-root "$work/artifacts" --now "$now" --no-progress)
start=$(date +%s.%N)
"${build[@]}" >/dev/null
printf '  first build: %.2f s, %d files\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(find -L "$work/site/current" -type f | wc -l)"
# How long an incremental build after 500 new callbacks takes: the kills land inside that span.
"$synth" --db "$db" --artifacts "$work/artifacts" --append 500 --seed 99 --now "$now" >/dev/null 2>&1
start=$(date +%s.%N)
"${build[@]}" >/dev/null
span=$(echo "$(date +%s.%N) - $start" | bc)
printf '  an incremental build after 500 callbacks: %.2f s; kills land in 0..%.2f s\n' "$span" "$span"
killed=0; completed=0
printf '  %-6s %8s %-10s %-9s %s\n' round "kill at" outcome "site" "next build"
for round in $(seq "$rounds"); do
  before=$(digest "$work/site/current"); tree_before=$(readlink "$work/site/current")
  "$synth" --db "$db" --artifacts "$work/artifacts" --append 500 --seed $((100 + round)) --now "$now" >/dev/null 2>&1
  delay=$(python3 -c "import random, sys; print(round(random.uniform(0.02, float(sys.argv[1])), 2))" "$span")
  "${build[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then outcome=killed; killed=$((killed + 1)); else outcome=finished; completed=$((completed + 1)); fi
  wait "$pid" 2>/dev/null || true
  after=$(digest "$work/site/current")
  site=intact
  if [ "$outcome" = killed ] && [ "$before" != "$after" ]; then
    # Killed after the switch (the symlink rename is the build's last step): a whole new build.
    [ "$(readlink "$work/site/current")" != "$tree_before" ] && site=switched || site=CHANGED
  fi
  next=ok
  "${build[@]}" >"$work/next.log" 2>&1 || next="exit $?"
  printf '  %-6s %7ss %-10s %-9s %s\n' "$round" "$delay" "$outcome" "$site" "$next"
  [ "$site" != CHANGED ] && [ "$next" = ok ] || failures=$((failures + 1))
done
"$bin" build --db "$db" --out "$work/full" --artifact-root "$work/artifacts" --now "$now" --no-progress --full >/dev/null
if diff -r -q "$work/site/current" "$work/full/current" >"$work/diff.txt"; then same=yes; else same=NO; failures=$((failures + 1)); fi
echo "  killed $killed, finished before the kill $completed; surviving site equals a --full build: $same"
[ "$same" = yes ] || head -5 "$work/diff.txt"

echo "== 2. a misbehaving artifact server"
port=$((20000 + RANDOM % 20000))
python3 - "$port" "$PWD/Tests/Fixtures/junit-corpus/pytest/horovod-failure-and-skip.xml" <<'PY' &
import http.server, socket, struct, sys, time
port, xml = int(sys.argv[1]), open(sys.argv[2], "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a): pass
    def send(self, body, ctype, length=None):
        self.send_response(200); self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(length if length is not None else len(body))); self.end_headers()
        self.wfile.write(body)
    def do_GET(self):
        if self.path == "/slow.xml": time.sleep(10); self.send(xml, "application/xml")
        elif self.path == "/reset.xml":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        elif self.path == "/truncated.xml": self.send(xml[:200], "application/xml", length=len(xml))
        elif self.path == "/login.xml": self.send(b"<!DOCTYPE html><html><body>Sign in</body></html>", "application/xml")
        elif self.path == "/mislabelled.xml": self.send(xml, "text/plain")
        else: self.send_response(404); self.end_headers()
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
pyserver=$!
sleep 0.5
names=(slow reset truncated login mislabelled)
python3 scripts/bench/job_callbacks.py "$work/faults.ndjson" 700 "http://127.0.0.1:$port/{name}.xml" "${names[@]}"
"$bin" ingest --db "$work/faults.sqlite" "$work/faults.ndjson" >/dev/null
start=$(date +%s.%N)
if "$bin" build --db "$work/faults.sqlite" --out "$work/faults-site" --artifact-host 127.0.0.1 --allow-http \
  --allow-private-artifacts --artifact-timeout 2 --no-progress >"$work/faults.log" 2>&1; then built=yes; else built=NO; fi
printf '  build finished: %s in %.2f s\n' "$built" "$(echo "$(date +%s.%N) - $start" | bc)"
[ "$built" = yes ] || { failures=$((failures + 1)); cat "$work/faults.log"; }
for n in "${!names[@]}"; do
  page=$(find -L "$work/faults-site/current" -path "*/job/$((700 + n))/index.html" | head -1)
  banner=$(grep -o '<p class="banner error">.*</p>' "$page" 2>/dev/null | head -1 | sed 's/<[^>]*>//g' || true)
  printf '  %-12s %s\n' "${names[$n]}" "${banner:-no error banner: the report parsed}"
  if [ "${names[$n]}" = mislabelled ]; then [ -z "$banner" ] || failures=$((failures + 1))
  else [ -n "$banner" ] || failures=$((failures + 1)); fi
done

echo "== 3. an unwritable output directory"
echo "not a directory" >"$work/file-not-dir"
set +e
"$bin" build --db "$work/faults.sqlite" --out "$work/file-not-dir" --no-progress >"$work/unwritable.log" 2>&1
status=$?
set -e
echo "  exit $status: $(head -c 200 "$work/unwritable.log")"
[ "$status" != 0 ] && grep -q "$work/file-not-dir" "$work/unwritable.log" && ! grep -q "Fatal error" "$work/unwritable.log" \
  || failures=$((failures + 1))
echo "checks failed: $failures"
[ "$failures" = 0 ]
