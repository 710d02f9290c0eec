#!/usr/bin/env bash
# Ingest faults around the database file, against a real `oot-hud serve` on loopback:
#   1. disk full: the database lives on a 4 MiB tmpfs; callbacks (20 kB each) are posted until
#      the disk fills. Every answer must be 200 or 503 (with a JSON reason and Retry-After), each
#      200 must be stored, no row may exist without its 200, and integrity_check must pass. Then
#      the tmpfs grows to 64 MiB and ingest must recover without a restart.
#   2. a long reader: a read transaction held open for the whole of a load phase; every post
#      must still get a 200 (WAL readers do not block the writer).
#   3. startup on a file that is not ours (text, another app's SQLite, a damaged page 1):
#      a non-zero exit naming the file, and the file byte-for-byte unchanged.
# Needs root (mount -t tmpfs) for part 1; skips it otherwise. Usage: scripts/fault-disk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/fault-disk.XXXXXX)
token=fault-token
port=$((20000 + RANDOM % 20000))
server=""
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null
  mountpoint -q "$work/disk" 2>/dev/null && umount "$work/disk"
  rm -rf "$work"
}
trap cleanup EXIT
scripts/setup
swift build -c release --product oot-hud >/dev/null 2>&1 || swift build -c release --product oot-hud
bin=$PWD/.build/release/oot-hud
failures=0

start() { # start DB
  OOT_RELAY_TOKEN="$token" "$bin" serve --db "$1" --port "$port" --rate-limit 0 --log-level error \
    >>"$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/healthz" && return; sleep 0.05; done
  echo "server did not start"; cat "$work/serve.log"; exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }

# post.py PHASE COUNT PADDING: posts COUNT unique callbacks one by one; prints "status count"
# lines, writes acked ids to $work/acked-PHASE and the first 503 body to $work/503-PHASE.
cat >"$work/post.py" <<'PY'
import http.client, json, sys, collections
port, token, phase, count, padding, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
template = json.load(open("Tests/Fixtures/callbacks/spec-2.3-in_progress.json"))
statuses, acked = collections.Counter(), []
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
for i in range(count):
    body = json.loads(json.dumps(template))
    body["untrusted"]["callback_payload"]["workflow"]["check_run_id"] = f"{phase}-{i}"
    body["untrusted"]["callback_payload"]["payload"]["padding"] = "x" * padding
    conn.request("POST", "/api/oot/results", json.dumps(body), {"X-OOT-Relay-Token": token, "Content-Type": "application/json"})
    resp = conn.getresponse(); text = resp.read()
    statuses[resp.status] += 1
    if resp.status == 200: acked.append(f"{phase}-{i}")
    elif resp.status == 503 and statuses[503] == 1:
        open(f"{out}/503-{phase}", "wb").write(text + b"\nRetry-After: " + (resp.getheader("Retry-After") or "none").encode())
open(f"{out}/acked-{phase}", "w").write("\n".join(acked) + "\n")
for status, n in sorted(statuses.items()): print(status, n)
PY
# check.py DB WORK PHASE...: acked ids all stored, no stored id without an ack, integrity ok.
cat >"$work/check.py" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
acked = set()
for phase in sys.argv[3:]:
    acked |= {l for l in open(f"{sys.argv[2]}/acked-{phase}").read().split() if l}
stored = {r[0].rsplit("/", 1)[1] for r in db.execute("SELECT dynamoKey FROM callbacks")}
print(len(acked), len(acked - stored), len(stored - acked), db.execute("PRAGMA integrity_check").fetchone()[0])
PY

echo "== 1. disk full"
mkdir -p "$work/disk"
if mount -t tmpfs -o size=4m tmpfs "$work/disk" 2>/dev/null; then
  start "$work/disk/oot.sqlite"
  python3 "$work/post.py" "$port" "$token" full 400 20000 "$work" | sed 's/^/  status /'
  echo "  first 503: $(tr '\n' ' ' <"$work/503-full" 2>/dev/null || echo none)"
  grep -q '"error"' "$work/503-full" 2>/dev/null || { echo "  FAIL: no 503 with a JSON reason"; failures=$((failures + 1)); }
  echo "  healthz while full: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")"
  mount -o remount,size=64m "$work/disk"
  echo "  tmpfs grown to 64 MiB"
  python3 "$work/post.py" "$port" "$token" recovered 50 20000 "$work" | sed 's/^/  status /' | tee "$work/recovered"
  grep -q '^  status 200 50$' "$work/recovered" || { echo "  FAIL: ingest did not recover"; failures=$((failures + 1)); }
  stop
  read -r acked lost orphans integrity < <(python3 "$work/check.py" "$work/disk/oot.sqlite" "$work" full recovered)
  echo "  acknowledged $acked, lost $lost, stored without a 200: $orphans, integrity: $integrity"
  [ "$lost" = 0 ] && [ "$orphans" = 0 ] && [ "$integrity" = ok ] || failures=$((failures + 1))
else
  echo "  skipped: cannot mount a tmpfs (needs root)"
fi

echo "== 2. a long reader holds the database"
db="$work/reader.sqlite"
start "$db"
python3 - "$db" "$work/reader-ready" <<'PY' &
import sqlite3, sys, time, os
while not os.path.exists(sys.argv[1]): time.sleep(0.05)
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN")
db.execute("SELECT count(*) FROM callbacks").fetchone()   # the snapshot is now held
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("COMMIT")
PY
reader=$!
for _ in $(seq 100); do [ -f "$work/reader-ready" ] && break; sleep 0.05; done
python3 "$work/post.py" "$port" "$token" reader 1000 0 "$work" | sed 's/^/  status /' | tee "$work/reader-statuses"
kill -0 "$reader" 2>/dev/null && echo "  the reader still held its transaction when the last post was answered"
grep -q '^  status 200 1000$' "$work/reader-statuses" || { echo "  FAIL: a post failed under the reader"; failures=$((failures + 1)); }
wait "$reader"
stop

echo "== 3. startup on a file that is not ours"
python3 - "$work" <<'PY'
import sqlite3, sys
w = sys.argv[1]
open(f"{w}/text.sqlite", "w").write("id,name\n1,not a database but long enough to look like a header\n")
db = sqlite3.connect(f"{w}/foreign.sqlite"); db.execute("CREATE TABLE customers (id INTEGER)"); db.commit(); db.close()
PY
cp "$db" "$work/damaged.sqlite"
python3 -c "import sys; f=open(sys.argv[1],'r+b'); f.seek(100); f.write(b'\xa5'*3996)" "$work/damaged.sqlite"
for name in text foreign damaged; do
  file="$work/$name.sqlite"
  before=$(sha256sum "$file" | cut -d' ' -f1)
  set +e
  OOT_RELAY_TOKEN="$token" timeout 20 "$bin" serve --db "$file" --port "$port" >"$work/start.log" 2>&1
  status=$?
  set -e
  after=$(sha256sum "$file" | cut -d' ' -f1)
  named=no; grep -q "$file" "$work/start.log" && named=yes
  same=yes; [ "$before" = "$after" ] || same=NO
  printf '  %-8s exit %d, names the file: %s, file unchanged: %s  (%s)\n' "$name" "$status" "$named" "$same" \
    "$(head -c 160 "$work/start.log" | tr '\n' ' ')"
  [ "$status" != 0 ] && [ "$status" != 124 ] && [ "$named" = yes ] && [ "$same" = yes ] || failures=$((failures + 1))
done
echo "checks failed: $failures"
[ "$failures" = 0 ]
