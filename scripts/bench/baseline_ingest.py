#!/usr/bin/env python3
"""Baseline for scripts/bench-ingest.sh: the simplest honest appender, Python stdlib only.
Checks the token, reads the body, parses JSON, and appends the raw body to a SQLite `callbacks`
table (WAL, synchronous=NORMAL, one commit per request). Usage: baseline_ingest.py PORT DB TOKEN"""
import json, sqlite3, sys, threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
db.executescript("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE IF NOT EXISTS callbacks "
                 "(id INTEGER PRIMARY KEY, received_at TEXT, verified_repo TEXT, dynamoKey TEXT, status TEXT, body TEXT)")
lock = threading.Lock()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; without this, 40 ms delayed ACKs
    def log_message(self, *args): pass
    def reply(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.headers.get("x-hud-internal-bot") != token: return self.reply(401, {"error": "Unauthorized"})
        try:
            doc = json.loads(body); repo = doc["trusted"]["verified_repo"]
            cp = doc["untrusted"]["callback_payload"]; wf = cp["workflow"]
            key = f'{repo}/{cp["delivery_id"]}/{wf.get("name", "")}/{wf["job_name"]}/{wf["check_run_id"]}'
        except (ValueError, KeyError, TypeError) as e:
            return self.reply(400, {"error": str(e)})
        with lock:
            db.execute("INSERT INTO callbacks (received_at, verified_repo, dynamoKey, status, body) VALUES (?,?,?,?,?)",
                       (datetime.now(timezone.utc).isoformat(), repo, key, wf["status"], body.decode()))
        self.reply(200, {"ok": True, "status": wf["status"], "dynamoKey": key})

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
