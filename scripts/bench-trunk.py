#!/usr/bin/env python3
"""Writes relay callbacks for a trunk-heavy history, for scripts/bench-trunk.sh: COMMITS pushes to
upstream main (`event_type: "push"`, spec §14.3), each built by every one of BACKENDS backends
(L4, L3 and L2 in the ratio 1:2:2) with JOBS jobs, an in_progress and a completed callback per job,
NDJSON on stdout. About 4 % of jobs fail, with red streaks: a backend breaks at a commit and stays
red for a few commits. Deterministic for given arguments.

  scripts/bench-trunk.py COMMITS BACKENDS JOBS [--first N] > callbacks.ndjson

`--first N` numbers the commits from N (to append commits to an earlier history).
"""
import argparse, hashlib, json, sys
from datetime import datetime, timedelta, timezone

parser = argparse.ArgumentParser()
parser.add_argument("commits", type=int)
parser.add_argument("backends", type=int)
parser.add_argument("jobs", type=int)
parser.add_argument("--first", type=int, default=1)
args = parser.parse_args()

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
LAST = args.first + args.commits - 1


def h(*parts):
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()


def n(*parts):
    return int(hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest(), 16)


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


out = sys.stdout
for c in range(args.first, LAST + 1):
    sha, before = h("main", c), h("main", c - 1)
    # 48 pushes a day: commit c lands 30 min after c - 1; the newest lands 1 h before NOW.
    pushed = NOW - timedelta(hours=1) - timedelta(minutes=30 * (LAST - c))
    payload = {"ref": "refs/heads/main", "after": sha, "before": before,
               "repository": {"full_name": "pytorch/pytorch"},
               "head_commit": {"id": sha, "message": f"[bench] Commit number {c} (#{190000 + c})\n\nbody",
                               "author": {"username": f"dev{c % 37}"}}}
    for b in range(args.backends):
        level = "L4" if b % 5 == 0 else "L3" if b % 5 in (1, 2) else "L2"
        repo = f"bench-org-{b}/torch-bench-{b}"
        # A backend breaks at about one commit in 40 and stays red for up to 6 commits.
        broken = any(n("break", b, k) % 40 == 0 for k in range(c - 5, c + 1))
        for j in range(args.jobs):
            check = 10**10 + n("check", c, b, j) % 10**10
            run = 10**9 + n("run", c, b) % 10**9
            start = pushed + timedelta(minutes=2 + j * 3)
            failed = (broken and j == args.jobs - 1) or n("fail", c, b, j) % 100 < 2
            wf = {"schema_version": "1", "name": f"bench-ci-{b}", "url": f"https://github.com/{repo}/actions/runs/{run}",
                  "run_attempt": "1", "job_name": f"test-shard-{j}", "check_run_id": str(check), "run_id": str(run)}
            base = {"event_type": "push", "delivery_id": h("delivery", c), "payload": payload}
            trusted = {"ci_metrics": {"queue_time": 5.0, "execution_time": None}, "verified_repo": repo,
                       "downstream_repo_level": level}
            body = {"trusted": trusted, "untrusted": {"callback_payload": {**base, "workflow": {
                **wf, "status": "in_progress", "conclusion": None, "started_at": ts(start), "completed_at": None}}}}
            out.write(json.dumps(body, separators=(",", ":")) + "\n")
            end = start + timedelta(minutes=20 + n("d", c, b, j) % 20)
            if end > NOW:
                continue  # still running
            done = {**wf, "status": "completed", "conclusion": "failure" if failed else "success",
                    "started_at": None, "completed_at": ts(end),
                    "test_results": {"passed": 500, "failed": 3 if failed else 0, "skipped": 10}}
            body = {"trusted": trusted, "untrusted": {"callback_payload": {**base, "workflow": done}}}
            out.write(json.dumps(body, separators=(",", ":")) + "\n")
