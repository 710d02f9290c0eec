#!/usr/bin/env python3
"""Load client for scripts/fault-ingest.sh: POSTs unique callbacks from THREADS threads until the
server dies (or SECONDS pass), and writes the check_run_ids that got a 200 to ACKED_FILE.
Usage: fault_client.py PORT TOKEN ROUND SECONDS ACKED_FILE [THREADS]"""
import http.client, json, sys, threading, time

port, token, rnd, seconds, out = int(sys.argv[1]), sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 8
template = json.load(open("Tests/Fixtures/callbacks/spec-2.3-in_progress.json"))
acked, lock = [], threading.Lock()
deadline = time.time() + seconds

def worker(n):
    conn, i = None, 0
    while time.time() < deadline:
        i += 1
        crid = f"fault-{rnd}-{n}-{i}"
        template_copy = json.loads(json.dumps(template))
        template_copy["untrusted"]["callback_payload"]["workflow"]["check_run_id"] = crid
        body = json.dumps(template_copy)
        try:
            if conn is None:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("POST", "/api/oot/results", body, {"X-OOT-Relay-Token": token, "Content-Type": "application/json"})
            resp = conn.getresponse(); resp.read()
            if resp.status == 200:
                with lock: acked.append(crid)
        except (OSError, http.client.HTTPException):
            conn = None
            time.sleep(0.05)  # server down: keep trying until the deadline (it may be restarted)

ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
for t in ts: t.start()
for t in ts: t.join()
open(out, "w").write("\n".join(acked) + ("\n" if acked else ""))
