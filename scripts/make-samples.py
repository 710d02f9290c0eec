#!/usr/bin/env python3
"""Writes data/samples/: realistic relay→HUD callback bodies (spec §2.2/§2.3) and the JUnit
reports their artifact_url values point to (copied from ../shared/junit-corpus, SOURCES kept).

Deterministic: run it again and the output is byte-identical. The scenarios:
  4 backends (L4 acme-silicon/torch-npu and hexa-compute/torch-hxa, L3 openxpu/pytorch-xpu,
  L2 riscv-ai/torch-rvv), 8 PRs, in_progress + completed pairs, a rerun (run_attempt 2) that turns a
  failure green, a job still running, cancelled and timed_out jobs, a PR with two pushes (two head
  SHAs), the same job name in two workflows, a truncated JUnit file, two nightly self-reports (one
  sent with started_at null), a periodic run that completed with conclusion null, and trunk runs on
  five pushes to upstream main, for the trunk grid (upstream commits x backends): push 1 builds and
  tests green; push 2 breaks the NPU float32 tests, which stay red on pushes 3 and 4 (a red streak
  since push 2, last green at push 1); pushes 3 and 4 also run XPU, HXA and RVV tests, and push 4
  turns the XPU tests red (red since push 4, last green at push 3); push 5 is still running (NPU
  float32 tests, XPU build, HXA tests) and RVV does not run it. Every PR webhook carries
  pull_request.base.sha: the upstream main commit current when the PR's jobs were dispatched (when
  its first job started), the same for all of that head SHA's callbacks.
  PR 188874 shows each failure classification ("is it my fault?"): on the L4 NPU backend the tests
  that trunk push 2 broke (BROKEN TRUNK) plus a failure of its own (NEW, blocking on L4); on the L3
  XPU backend the same new failure ("fails on 2 of 3 backends"), tests that failed in one execution
  and passed in another of a flakefinder run on unittest methods (FLAKY), two tests that failed
  every execution (NEW; one is an expected failure that passed: unittest's "unexpected success"),
  and a cancelled job (UNSTABLE); RVV is green; the second L4 backend (HXA) sent nothing for it (no
  results yet). Its two failing test jobs point their artifact_url at a directory of reports
  (junit/demo/pr-188874-*/, each holding two files).
Usage: scripts/make-samples.py [--corpus ../shared/junit-corpus]
"""
import hashlib, json, os, re, shutil, sys, uuid
from datetime import datetime, timedelta, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = sys.argv[sys.argv.index("--corpus") + 1] if "--corpus" in sys.argv else os.path.join(ROOT, "..", "shared", "junit-corpus")
OUT = os.path.join(ROOT, "data", "samples")
BASE = datetime(2026, 11, 27, 8, 0, 0, tzinfo=timezone.utc)

# junit file key -> (corpus path, passed, failed, skipped) as the downstream job would report them
JUNIT = {
    "mocha":     ("mocha/mocha-junit-reporter-109-cases.xml", 109, 0, 0),
    "notime":    ("surefire/testcase-without-time.xml", 8, 0, 0),
    "swift":     ("swift/swift-testing-xunit-9-cases.xml", 9, 0, 0),
    "testrun":   ("edge/root-testrun-element.xml", 7, 0, 0),
    "stamps":    ("jenkins/various-timestamp-formats.xml", 12, 0, 0),
    # Reported as the suite declares it (tests="3" counts the two failed attempts): the job page
    # flags that these counts disagree with the testcases.
    "flaky":     ("surefire/flakyFailure-passes-on-rerun.xml", 1, 2, 0),
    "flaky2":    ("surefire/flakyFailure-flakyError-nested-output.xml", 2, 0, 0),
    "horovod":   ("pytest/horovod-failure-and-skip.xml", 3, 1, 1),
    "gtest":     ("googletest/multi-suite-properties.xml", 20, 4, 0),
    "unittest":  ("python-unittest/xmlrunner-cdata-file-attr.xml", 4, 2, 2),
    "gobuild":   ("go/build-failed-errors.xml", 2, 3, 0),
    "jest":      ("jest/large-400-suites-4239-cases.xml", 4207, 2, 30),
    "gotestsum": ("go/gotestsum-report.xml", 42, 13, 5),
    "truncated": ("pytest/truncated-corrupt.xml", 2, 0, 0),
}

# Directory artifacts: key -> (directory under junit/, files). Each file is (where it is copied from,
# the copy's name, passed, failed, skipped); the job reports the sums. A source starting with
# "repo:" is a path in this repository, anything else a path in the corpus.
DIRS = {
    "pr-npu-float32": ("demo/pr-188874-npu-float32/", [
        ("python-unittest/xmlrunner-cdata-file-attr.xml", "xmlrunner-cdata-file-attr.xml", 4, 2, 2),
        ("pytest/horovod-failure-and-skip.xml", "horovod-failure-and-skip.xml", 3, 1, 1),
    ]),
    "pr-xpu": ("demo/pr-188874-xpu/", [
        ("pytest/horovod-failure-and-skip.xml", "horovod-failure-and-skip.xml", 3, 1, 1),
        # pytest-flakefinder on unittest.TestCase methods: each test is run 3 times under the same
        # classname + name, so a test that fails in one execution and passes in another reads as flaky.
        ("repo:Tests/Fixtures/producers/pytest/flakefinder-3-runs-unittest.xml",
         "flakefinder-3-runs-unittest.xml", 12, 9, 6),
    ]),
}

BACKENDS = {
    "npu": ("acme-silicon/torch-npu", "L4", {"build": "npu-ci", "test-npu-float32": "npu-ci", "test-npu-distributed": "npu-ci"}),
    "xpu": ("openxpu/pytorch-xpu", "L3", None),
    "rvv": ("riscv-ai/torch-rvv", "L2", None),
    "hxa": ("hexa-compute/torch-hxa", "L4", None),
}

PRS = [
    # number, title, author, head ref
    (188793, "[inductor] Fuse pointwise ops across reductions", "eellison", "gh/eellison/712/head"),
    (188801, "Add torch.accelerator.memory_stats for PrivateUse1", "albanD", "accel-memory-stats"),
    (188815, "[dynamo] Support dict views in guards", "anijain2305", "dict-views-guards"),
    (188830, "Speed up DTensor redistribute for Shard(0)", "wanchaol", "dtensor-redistribute"),
    (188842, "Fix strided copy for non-contiguous complex tensors", "malfet", "complex-copy-fix"),
    (188857, "Bump sleef to 3.8 and rebuild vectorized kernels", "atalman", "bump-sleef-3.8"),
    (188866, "[docs] Document OOT backend onboarding levels", "jathu", "oot-levels-docs"),
    (188874, "[aten] Vectorize index_put for PrivateUse1", "ysiraichi", "index-put-privateuse1"),
]

# Pushes to upstream main (the trunk runs below): sha("main", n) lands at hour TRUNK_PUSHES[n - 1].
TRUNK_PUSHES = [6, 19, 22.5, 23.5, 24.25]


def sha(*parts):
    return hashlib.sha1("/".join(map(str, parts)).encode()).hexdigest()


def uid(*parts):
    return str(uuid.UUID(hashlib.md5("/".join(map(str, parts)).encode()).hexdigest()))


def ts(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def number(*parts, lo=10**10, span=10**10):
    return lo + int(hashlib.sha256("/".join(map(str, parts)).encode()).hexdigest(), 16) % span


events = []  # (arrival time, body)
dispatched = {}  # PR head SHA -> when its jobs were dispatched: the start of its first job


def main_at(t):
    """The upstream main commit current at t: sha("main", 0) before the first trunk push."""
    return sha("main", sum(1 for hours in TRUNK_PUSHES if at(hours) <= t))


def webhook(pr, head_sha, base_sha):
    number_, title, author, ref = pr
    return {
        "action": "synchronize",
        "number": number_,
        "pull_request": {
            "number": number_, "title": title, "state": "open", "draft": False,
            "user": {"login": author, "type": "User"},
            "head": {"sha": head_sha, "ref": ref, "repo": {"full_name": "pytorch/pytorch"}},
            "base": {"ref": "main", "sha": base_sha, "repo": {"full_name": "pytorch/pytorch"}},
            "labels": [{"name": "ciflow/oot/" + "npu"}] if number_ % 2 else [],
        },
        "repository": {"full_name": "pytorch/pytorch", "default_branch": "main"},
        "sender": {"login": author},
    }


def job(backend, pr, head_sha, workflow, job_name, start, minutes, conclusion, junit=None, attempt=1,
        queue=None, still_running=False, delivery=None):
    repo, level, _ = BACKENDS[backend]
    delivery = delivery or uid("delivery", pr[0], head_sha)
    run_id = str(number("run", repo, pr[0], head_sha, workflow))
    check_run_id = str(number("check", repo, pr[0], head_sha, workflow, job_name, attempt))
    run_url = f"https://github.com/{repo}/actions/runs/{run_id}"
    # One dispatch, one webhook: every job of a head SHA carries the base SHA of its first job's start.
    dispatched_at = dispatched.setdefault(head_sha, start)
    assert start >= dispatched_at, f"list the earliest job of {head_sha[:7]} first"
    base = {"event_type": "pull_request", "delivery_id": delivery, "payload": webhook(pr, head_sha, main_at(dispatched_at))}
    wf = {
        "schema_version": "1", "name": workflow, "url": run_url, "run_attempt": str(attempt),
        "job_name": job_name, "check_run_id": check_run_id, "run_id": run_id,
    }
    queue_time = queue if queue is not None else round(5 + (int(check_run_id) % 9000) / 1000, 3)
    emit(repo, level, base, wf, start, minutes, conclusion, junit, queue_time if attempt == 1 else None,
         still_running=still_running)


def emit(repo, level, base, wf, start, minutes, conclusion, junit, queue_time, still_running=False):
    """Appends one job's in_progress callback and, unless it is still running, its completed one."""
    events.append((start, {
        "trusted": {"ci_metrics": {"queue_time": queue_time, "execution_time": None},
                    "verified_repo": repo, "downstream_repo_level": level},
        "untrusted": {"callback_payload": {**base, "workflow": {**wf, "status": "in_progress", "conclusion": None,
                                                                "started_at": ts(start), "completed_at": None}}},
    }))
    if still_running:
        return
    end = start + timedelta(minutes=minutes, seconds=int(wf["check_run_id"]) % 50)
    done = {**wf, "status": "completed", "conclusion": conclusion, "started_at": None, "completed_at": ts(end)}
    if junit in DIRS:
        path, files = DIRS[junit]
        done["test_results"] = {"passed": sum(f[2] for f in files), "failed": sum(f[3] for f in files),
                                "skipped": sum(f[4] for f in files)}
        done["artifact_url"] = "file://junit/" + path
    elif junit:
        path, passed, failed, skipped = JUNIT[junit]
        done["test_results"] = {"passed": passed, "failed": failed, "skipped": skipped}
        done["artifact_url"] = "file://junit/" + path
    events.append((end, {
        "trusted": {"ci_metrics": {"queue_time": None, "execution_time": round((end - start).total_seconds() + 0.4, 3)},
                    "verified_repo": repo, "downstream_repo_level": level},
        "untrusted": {"callback_payload": {**base, "workflow": done}},
    }))


def at(hours, minutes=0):
    return BASE + timedelta(hours=hours, minutes=minutes)


pr = {p[0]: p for p in PRS}
# PR 188793: float32 tests fail on the L4 backend; the others pass.
h = sha(188793)
job("npu", pr[188793], h, "npu-ci", "build", at(0, 2), 14, "success", "swift")
job("npu", pr[188793], h, "npu-ci", "test-npu-float32", at(0, 18), 46, "failure", "horovod")
job("npu", pr[188793], h, "npu-ci", "test-npu-distributed", at(0, 18), 38, "success", "mocha")
job("xpu", pr[188793], h, "xpu-ci", "build", at(0, 4), 22, "success", "notime")
job("xpu", pr[188793], h, "xpu-ci", "test-xpu", at(0, 28), 51, "success", "stamps")
job("xpu", pr[188793], h, "xpu-inductor", "test-xpu", at(0, 28), 63, "success", "testrun")
job("rvv", pr[188793], h, "rvv-ci", "test-cpu-rvv", at(0, 6), 95, "success", "mocha")
# PR 188801: float32 fails on attempt 1, the rerun (attempt 2) passes: a flaky job.
h = sha(188801)
job("npu", pr[188801], h, "npu-ci", "build", at(3, 1), 13, "success", "swift")
job("npu", pr[188801], h, "npu-ci", "test-npu-float32", at(3, 16), 44, "failure", "unittest")
job("npu", pr[188801], h, "npu-ci", "test-npu-float32", at(4, 10), 41, "success", "flaky", attempt=2)
job("npu", pr[188801], h, "npu-ci", "test-npu-distributed", at(3, 16), 37, "success", "flaky2")
job("xpu", pr[188801], h, "xpu-ci", "build", at(3, 3), 21, "success", "notime")
job("xpu", pr[188801], h, "xpu-ci", "test-xpu", at(3, 26), 49, "success", "stamps")
job("rvv", pr[188801], h, "rvv-ci", "test-cpu-rvv", at(3, 5), 97, "success", "mocha")
# PR 188815: the XPU test job is still running.
h = sha(188815)
job("npu", pr[188815], h, "npu-ci", "build", at(21, 0), 14, "success", "swift")
job("npu", pr[188815], h, "npu-ci", "test-npu-float32", at(21, 16), 45, "success", "jest")
job("npu", pr[188815], h, "npu-ci", "test-npu-distributed", at(21, 16), 39, "success", "mocha")
job("xpu", pr[188815], h, "xpu-ci", "build", at(21, 2), 22, "success", "notime")
job("xpu", pr[188815], h, "xpu-ci", "test-xpu", at(21, 26), 0, None, still_running=True)
job("hxa", pr[188815], h, "hxa-ci", "build", at(21, 3), 17, "success", "swift")
job("hxa", pr[188815], h, "hxa-ci", "test-hxa", at(21, 22), 33, "success", "mocha")
# PR 188830: RVV cancelled; the XPU inductor job never reported completion (relay sweeper: timed_out).
h = sha(188830)
job("npu", pr[188830], h, "npu-ci", "build", at(9, 40), 15, "success", "swift")
job("npu", pr[188830], h, "npu-ci", "test-npu-float32", at(9, 57), 47, "success", "mocha")
job("npu", pr[188830], h, "npu-ci", "test-npu-distributed", at(9, 57), 36, "success", "mocha")
job("xpu", pr[188830], h, "xpu-ci", "build", at(9, 42), 23, "success", "notime")
job("xpu", pr[188830], h, "xpu-inductor", "test-xpu", at(10, 6), 360, "timed_out")
job("rvv", pr[188830], h, "rvv-ci", "test-cpu-rvv", at(9, 45), 12, "cancelled", "truncated")
# PR 188842: first push fails GoogleTest cases; the second push (new head SHA) is green.
old, h = sha(188842, 1), sha(188842, 2)
job("npu", pr[188842], old, "npu-ci", "build", at(12, 0), 14, "success", "swift")
job("npu", pr[188842], old, "npu-ci", "test-npu-float32", at(12, 15), 44, "failure", "gtest")
job("xpu", pr[188842], old, "xpu-ci", "test-xpu", at(12, 20), 50, "failure", "gotestsum")
job("npu", pr[188842], h, "npu-ci", "build", at(16, 0), 14, "success", "swift")
job("npu", pr[188842], h, "npu-ci", "test-npu-float32", at(16, 15), 45, "success", "mocha")
job("npu", pr[188842], h, "npu-ci", "test-npu-distributed", at(16, 15), 38, "success", "mocha")
job("xpu", pr[188842], h, "xpu-ci", "build", at(16, 2), 22, "success", "notime")
job("xpu", pr[188842], h, "xpu-ci", "test-xpu", at(16, 25), 50, "success", "stamps")
job("hxa", pr[188842], h, "hxa-ci", "build", at(16, 4), 16, "success", "swift")
job("hxa", pr[188842], h, "hxa-ci", "test-hxa", at(16, 22), 34, "success", "mocha")
# PR 188857: the sleef bump breaks the RVV and NPU builds.
h = sha(188857)
job("npu", pr[188857], h, "npu-ci", "build", at(18, 30), 9, "failure", "gobuild")
job("xpu", pr[188857], h, "xpu-ci", "build", at(18, 31), 24, "success", "notime")
job("xpu", pr[188857], h, "xpu-ci", "test-xpu", at(18, 56), 52, "success", "stamps")
job("rvv", pr[188857], h, "rvv-ci", "test-cpu-rvv", at(18, 33), 18, "failure", "gobuild")
# PR 188866: docs only; everything green, on the L2 backend too.
h = sha(188866)
job("npu", pr[188866], h, "npu-ci", "build", at(23, 10), 14, "success", "swift")
job("npu", pr[188866], h, "npu-ci", "test-npu-float32", at(23, 25), 44, "success", "mocha")
job("npu", pr[188866], h, "npu-ci", "test-npu-distributed", at(23, 25), 36, "success", "mocha")
job("rvv", pr[188866], h, "rvv-ci", "test-cpu-rvv", at(23, 12), 94, "success", "mocha")
job("hxa", pr[188866], h, "hxa-ci", "build", at(23, 14), 16, "success", "swift")
job("hxa", pr[188866], h, "hxa-ci", "test-hxa", at(23, 32), 33, "success", "mocha")
# PR 188874 (based on trunk push 2): one failure of each class. NPU float32 fails the tests that
# trunk push 2 broke (broken trunk) plus one of its own (new, blocking on L4); XPU fails that same
# test (fails on 2 of 3 backends) and a flakefinder run (flaky tests, and two that fail every
# execution: new); the XPU inductor job was cancelled (unstable); RVV passes; HXA sent nothing.
h = sha(188874)
job("npu", pr[188874], h, "npu-ci", "build", at(22, 0), 15, "success", "swift")
job("npu", pr[188874], h, "npu-ci", "test-npu-float32", at(22, 17), 46, "failure", "pr-npu-float32")
job("npu", pr[188874], h, "npu-ci", "test-npu-distributed", at(22, 17), 38, "success", "mocha")
job("xpu", pr[188874], h, "xpu-ci", "build", at(22, 2), 23, "success", "notime")
job("xpu", pr[188874], h, "xpu-ci", "test-xpu", at(22, 27), 52, "failure", "pr-xpu")
job("xpu", pr[188874], h, "xpu-inductor", "test-xpu", at(22, 27), 19, "cancelled")
job("rvv", pr[188874], h, "rvv-ci", "test-cpu-rvv", at(22, 5), 96, "success", "mocha")

# Nightly self-report (spec §2.3, RFC-0056): one completed callback, delivery_id = upstream SHA.
nightly_sha = sha("nightly", "2026-11-28")
start = at(20, 0)
end = start + timedelta(hours=2, minutes=48)
path, passed, failed, skipped = JUNIT["gtest"]
events.append((end, {
    "trusted": {"ci_metrics": {"queue_time": None, "execution_time": None},
                "verified_repo": "acme-silicon/torch-npu", "downstream_repo_level": "L4"},
    "untrusted": {"callback_payload": {
        "event_type": "nightly", "delivery_id": nightly_sha,
        "payload": {"repository": {"full_name": "pytorch/pytorch"}, "head_sha": nightly_sha},
        "workflow": {"schema_version": "1", "status": "completed", "conclusion": "failure", "name": "npu-nightly",
                     "url": "https://github.com/acme-silicon/torch-npu/actions/runs/31000000001", "run_attempt": "1",
                     "job_name": "cpu-tests", "check_run_id": "61000000001", "run_id": "31000000001",
                     "started_at": ts(start), "completed_at": ts(end),
                     "test_results": {"passed": passed, "failed": failed, "skipped": skipped},
                     "artifact_url": "file://junit/" + path}}},
}))

# Trunk runs (spec §14.3): pushes to upstream main, dispatched with the full push webhook payload.
# Push 2 breaks the NPU float32 tests and they stay red; push 4 breaks the XPU tests; push 5 is
# still running, and RVV does not run it.
def push_payload(after, before, title, author, when):
    return {
        "ref": "refs/heads/main", "before": before, "after": after,
        "created": False, "deleted": False, "forced": False, "base_ref": None,
        "compare": f"https://github.com/pytorch/pytorch/compare/{before[:12]}...{after[:12]}",
        "repository": {"full_name": "pytorch/pytorch", "default_branch": "main"},
        "pusher": {"name": "pytorchmergebot", "email": "pytorchmergebot@users.noreply.github.com"},
        "sender": {"login": "pytorchmergebot"},
        "head_commit": {
            "id": after, "distinct": True, "timestamp": ts(when), "url": f"https://github.com/pytorch/pytorch/commit/{after}",
            "message": f"{title}\n\nPull Request resolved: https://github.com/pytorch/pytorch/pull/{title[-7:-1]}",
            "author": {"name": author, "email": f"{author}@example.com", "username": author},
            "committer": {"name": "PyTorch MergeBot", "email": "pytorchmergebot@users.noreply.github.com",
                          "username": "pytorchmergebot"},
        },
    }


def trunk_job(backend, after, payload, workflow, job_name, start, minutes, conclusion, junit=None):
    """One job of the trunk run on push `after`; conclusion "running": still running (no completed callback)."""
    repo, level, _ = BACKENDS[backend]
    delivery = uid("push", after)
    run_id = str(number("run", repo, "push", after, workflow))
    check_run_id = str(number("check", repo, "push", after, workflow, job_name))
    wf = {"schema_version": "1", "name": workflow, "url": f"https://github.com/{repo}/actions/runs/{run_id}",
          "run_attempt": "1", "job_name": job_name, "check_run_id": check_run_id, "run_id": run_id}
    base = {"event_type": "push", "delivery_id": delivery, "payload": payload}
    running = conclusion == "running"
    emit(repo, level, base, wf, start, minutes, None if running else conclusion, junit,
         round(3 + (int(check_run_id) % 5000) / 1000, 3), still_running=running)


# The trunk jobs: backend, workflow, job name, minutes after the push it starts, minutes it runs,
# and its JUnit report when it passes and when it fails.
TRUNK_JOBS = {
    "npu-build":   ("npu", "npu-ci", "build", 5, 14, "swift", None),
    "npu-float32": ("npu", "npu-ci", "test-npu-float32", 21, 45, "mocha", "unittest"),
    "xpu-build":   ("xpu", "xpu-ci", "build", 7, 22, "notime", None),
    "xpu-test":    ("xpu", "xpu-ci", "test-xpu", 31, 50, "stamps", "gotestsum"),
    "hxa-build":   ("hxa", "hxa-ci", "build", 4, 16, "swift", None),
    "hxa-test":    ("hxa", "hxa-ci", "test-hxa", 22, 33, "mocha", None),
    "rvv-test":    ("rvv", "rvv-ci", "test-cpu-rvv", 6, 76, "mocha", None),
}
GREEN = "success"
# Each push: hours after BASE, head commit title (ending in its PR number), author, and what each
# of its jobs did: "success", "failure" or "running".
TRUNK = [
    (6, "[inductor] Fuse pointwise ops across reductions (#188793)", "eellison",
     {"npu-build": GREEN, "npu-float32": GREEN, "xpu-build": GREEN}),
    (19, "Add torch.accelerator.memory_stats for PrivateUse1 (#188801)", "albanD",
     {"npu-build": GREEN, "npu-float32": "failure", "xpu-build": GREEN}),
    (22.5, "[BE] Replace c10::optional with std::optional in aten/native (#188819)", "Skylion007",
     {"npu-build": GREEN, "npu-float32": "failure", "xpu-build": GREEN, "xpu-test": GREEN,
      "hxa-build": GREEN, "hxa-test": GREEN, "rvv-test": GREEN}),
    (23.5, "[inductor] Use TF32 for matmul templates on PrivateUse1 devices (#188836)", "jansel",
     {"npu-build": GREEN, "npu-float32": "failure", "xpu-build": GREEN, "xpu-test": "failure",
      "hxa-build": GREEN, "hxa-test": GREEN, "rvv-test": GREEN}),
    (24.25, "Fix guard on unbacked symint sizes in torch.split (#188848)", "ezyang",
     {"npu-build": GREEN, "npu-float32": "running", "xpu-build": "running",
      "hxa-build": GREEN, "hxa-test": "running"}),
]
assert [push[0] for push in TRUNK] == TRUNK_PUSHES
for n, (hours, title, author, outcomes) in enumerate(TRUNK, start=1):
    after, before = sha("main", n), sha("main", n - 1)
    payload = push_payload(after, before, title, author, at(hours))
    for key, conclusion in outcomes.items():
        backend, workflow, job_name, offset, minutes, green, red = TRUNK_JOBS[key]
        trunk_job(backend, after, payload, workflow, job_name, at(hours, offset), minutes, conclusion,
                  red if conclusion == "failure" else green if conclusion == GREEN else None)

# Nightly self-report as sent 2026-07-18..08-04 (spec §14.3): started_at null, only completed_at.
nightly_sha2 = sha("nightly", "2026-11-27")
end = at(-3, 40)
events.append((end, {
    "trusted": {"ci_metrics": {"queue_time": None, "execution_time": None},
                "verified_repo": "acme-silicon/torch-npu", "downstream_repo_level": "L4"},
    "untrusted": {"callback_payload": {
        "event_type": "nightly", "delivery_id": nightly_sha2,
        "payload": {"repository": {"full_name": "pytorch/pytorch"}, "head_sha": nightly_sha2},
        "workflow": {"schema_version": "1", "status": "completed", "conclusion": "success", "name": "npu-nightly",
                     "url": "https://github.com/acme-silicon/torch-npu/actions/runs/30900000001", "run_attempt": "1",
                     "job_name": "cpu-tests", "check_run_id": "60900000001", "run_id": "30900000001",
                     "started_at": None, "completed_at": ts(end),
                     "test_results": {"passed": 109, "failed": 0, "skipped": 0},
                     "artifact_url": "file://junit/" + JUNIT["mocha"][0]}}},
}))

# A periodic run whose completed callback carries conclusion null (the action stopped enforcing
# it, spec §14.3): shown as "no conclusion", never as a success.
periodic_sha = sha("periodic", "2026-11-27T12")
start, end = at(4, 0), at(4, 52)
for status, when in [("in_progress", start), ("completed", end)]:
    events.append((when, {
        "trusted": {"ci_metrics": {"queue_time": None, "execution_time": None},
                    "verified_repo": "openxpu/pytorch-xpu", "downstream_repo_level": "L3"},
        "untrusted": {"callback_payload": {
            "event_type": "periodic", "delivery_id": periodic_sha,
            "payload": {"repository": {"full_name": "pytorch/pytorch"}, "head_sha": periodic_sha},
            "workflow": {"schema_version": "1", "status": status, "conclusion": None, "name": "xpu-periodic",
                         "url": "https://github.com/openxpu/pytorch-xpu/actions/runs/30800000001", "run_attempt": "1",
                         "job_name": "inductor-tests", "check_run_id": "60800000001", "run_id": "30800000001",
                         "started_at": ts(start) if status == "in_progress" else None,
                         "completed_at": ts(end) if status == "completed" else None}}},
    }))

# History for the trend panels and sparklines (issue 16): one earlier PR a day from Nov 1 to Nov
# 20, each run on NPU, XPU and RVV, with no report. They end over 7 days before the snapshot, so
# the 7-day summary and the readiness window hold only the scenarios above. NPU's float32 tests
# slow down over the weeks and its queue backs up Nov 14-16; XPU has a bad stretch Nov 10-12 and
# one job the relay timed out; now and then a job fails.
HISTORY_TITLES = ["[inductor] Cache autotune results per device", "Fix dtype promotion in torch.where",
                  "[dynamo] Graph-break on unsupported generators", "Add PrivateUse1 hooks for RNG state",
                  "[export] Preserve stack traces in unlifted graphs", "Speed up cat for channels-last inputs"]
HISTORY_AUTHORS = ["ezyang", "jansel", "peterbell10", "zou3519", "bdhirsh", "Chillee"]
for i in range(20):
    day = datetime(2026, 11, 1, tzinfo=timezone.utc) + timedelta(days=i)
    n = 188600 + i
    hpr = (n, HISTORY_TITLES[i % 6] + f" (part {i // 6 + 1})", HISTORY_AUTHORS[i % 6], f"history-{n}")
    h = sha(n)
    start = day + timedelta(hours=9 + i % 5, minutes=7 * (i % 4))
    fails = lambda *k: number("history", n, *k, lo=0, span=100) < 8
    job("npu", hpr, h, "npu-ci", "build", start, 13 + i % 3, "failure" if fails("npu-build") else "success",
        queue=round(20 + 1500 * (14 <= day.day <= 16) + number("q", n, lo=0, span=90), 3))
    job("npu", hpr, h, "npu-ci", "test-npu-float32", start + timedelta(minutes=16), 38 + i * 0.6,
        "failure" if fails("npu-test") else "success",
        queue=round(30 + 1400 * (14 <= day.day <= 16) + number("q2", n, lo=0, span=120), 3))
    xpu = "timed_out" if day.day == 6 else "failure" if 10 <= day.day <= 12 or fails("xpu") else "success"
    job("xpu", hpr, h, "xpu-ci", "test-xpu", start + timedelta(minutes=3), 360 if xpu == "timed_out" else 48 + i % 7,
        xpu, queue=round(40 + number("q3", n, lo=0, span=240), 3))
    job("rvv", hpr, h, "rvv-ci", "test-cpu-rvv", start + timedelta(minutes=5), 88 + (i * 7) % 15,
        "failure" if fails("rvv") else "success", queue=round(60 + number("q4", n, lo=0, span=600), 3))

events.sort(key=lambda e: e[0])
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "callbacks.ndjson"), "w") as f:
    for _, body in events:
        f.write(json.dumps(body, separators=(",", ":")) + "\n")

# Copy the JUnit reports and their SOURCES lines.
sources = open(os.path.join(CORPUS, "SOURCES.md"), encoding="utf-8").read().splitlines()
header = [l for l in sources if l.startswith("| # |") or l.startswith("|---|")][:2]
lines = ["# JUnit reports used by the sample callbacks", "",
         "Copied byte-for-byte from `../shared/junit-corpus/` by `scripts/make-samples.py`; the rows below are",
         "that corpus's SOURCES.md lines for each file (origin, licence, commit).", ""] + header
for key, (path, *_rest) in sorted(JUNIT.items(), key=lambda kv: kv[1][0]):
    dest = os.path.join(OUT, "junit", path)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(os.path.join(CORPUS, path), dest)
    lines += [l for l in sources if f"`{path}`" in l][:1]

# Directory artifacts: copies under their own names, each with where it comes from.
lines += ["", "## Directory artifacts", "",
          "Two jobs of PR 188874 point their `artifact_url` at a directory; its files are byte-for-byte copies",
          "of the files below (for the corpus ones, their SOURCES.md row is in the table above).", "",
          "| File | Copied from | Origin |", "|---|---|---|"]
copied = 0
for key, (directory, files) in sorted(DIRS.items()):
    shutil.rmtree(os.path.join(OUT, "junit", directory), ignore_errors=True)
    os.makedirs(os.path.join(OUT, "junit", directory))
    for source, name, *_counts in files:
        if source.startswith("repo:"):
            source = source[len("repo:"):]
            origin_path = os.path.join(ROOT, source)
            summary = source[:-len(".xml")] + ".summary.txt"
            origin = (f"generated by the real tool (pytest 9.2.0 + pytest-flakefinder 1.1.0) with "
                      f"`scripts/make-producer-fixtures.sh`; its command and terminal output are in `{summary}`")
            where = f"this repository: `{source}`"
        else:
            origin_path = os.path.join(CORPUS, source)
            origin = "see the corpus row for this file above"
            where = f"`../shared/junit-corpus/{source}`"
        shutil.copyfile(origin_path, os.path.join(OUT, "junit", directory, name))
        lines.append(f"| `{directory}{name}` | {where} | {origin} |")
        copied += 1
open(os.path.join(OUT, "junit", "SOURCES.md"), "w").write("\n".join(lines) + "\n")
print(f"wrote {len(events)} callbacks and {len(JUNIT) + copied} JUnit files to {OUT}")
