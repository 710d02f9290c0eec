#!/usr/bin/env python3
"""Writes data/samples/adversarial/: relay callbacks and JUnit reports whose every self-reported
string is hostile (issue #7), to prove the site escapes them and never follows them.

- names (repo, workflow, job, PR title, author, test names, failure messages) carry <script>,
  event handlers, quotes, {{mustache}}, </textarea>, </pre>, RTL overrides, zero-width and ANSI
  characters, and 10 kB strings;
- link fields (workflow url, artifact_url) are javascript:, data: and file:///etc/passwd URLs;
- path-like fields (repo, check_run_id) try ../ traversal, %2e%2e, absolute paths and case-only
  collisions.
Every script payload calls console.log('XSS-EXECUTED'), so scripts/xss-check.sh can tell from
headless chromium's console whether anything ran.

Deterministic: running it again gives byte-identical files. Usage: scripts/make-adversarial.py
"""
import json, os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "samples", "adversarial")
MARK = "console.log('XSS-EXECUTED')"
SCRIPT = f"<script>{MARK}</script>"
IMG = f"<img src=x onerror=\"{MARK}\">"
LONG = "A" * 10_240
RTL = "\u202egnp.exe\u200b\u200d\ufeff"
ANSI = "\u001b[31mred\u001b[0m"

HOSTILE = [
    SCRIPT,
    IMG,
    "\"'><svg onload=" + MARK + ">",
    "{{mustache}} {{{triple}}} {{#section}}x{{/section}}",
    "</textarea></pre></title>" + SCRIPT,
    RTL + " quoted \"double\" 'single' & ampersand",
    ANSI + " tab\tnewline\\n",
    LONG,
]
BAD_URLS = [
    f"javascript:{MARK}",
    "data:text/html;base64,PHNjcmlwdD5jb25zb2xlLmxvZygnWFNTLUVYRUNVVEVEJyk8L3NjcmlwdD4=",
    "file:///etc/passwd",
    "JaVaScRiPt:" + MARK,
    " javascript:" + MARK,
]
REPOS = [
    ("evil-org/torch-" + SCRIPT, "L2"),
    ("../../../../etc/passwd", "L2"),
    ("%2e%2e/%2e%2e", "L3"),
    ("Case-Org/Torch-Case", "L3"),
    ("case-org/torch-case", "L4"),
    ("/absolute/repo", "L2"),
    ("o/" + "r" * 300, "L2"),
]
CHECK_RUN_IDS = ["../../../tmp/pwned", "%2e%2e%2fx", "/etc/passwd", "x" * 300, "CAPS-ID", "caps-id", "ok-123"]


def xml_escape(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\u001b", ""))  # ESC is not allowed in XML 1.0


def junit(name, cases):
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuite name="{xml_escape(name)}">']
    for i, (classname, test, message) in enumerate(cases):
        out.append(f'  <testcase classname="{xml_escape(classname)}" name="{xml_escape(test)}" time="0.{i + 1}">')
        if message is not None:
            out.append(f'    <failure message="{xml_escape(message)}"><![CDATA[{message.replace("]]>", "]] >")}]]></failure>')
            out.append(f'    <system-out>{xml_escape(message)}</system-out>')
        out.append('  </testcase>')
    out.append('</testsuite>')
    return "\n".join(out) + "\n"


def main():
    os.makedirs(os.path.join(OUT, "junit"), exist_ok=True)
    lines = []
    minute = 0
    for r, (repo, level) in enumerate(REPOS):
        for j, hostile in enumerate(HOSTILE):
            minute += 7
            check_run_id = CHECK_RUN_IDS[(r + j) % len(CHECK_RUN_IDS)] if j < 3 else f"{9000 + r * 10 + j}"
            junit_name = f"r{r}-j{j}.xml"
            cases = [
                (hostile, hostile, hostile),
                ("ok.Class", "passes", None),
                (SCRIPT, IMG, "{{x}}" + SCRIPT + LONG[:2000]),
            ]
            with open(os.path.join(OUT, "junit", junit_name), "w", encoding="utf-8") as f:
                f.write(junit(hostile, cases))
            artifact = BAD_URLS[(r + j) % len(BAD_URLS)] if j % 2 else f"file://junit/{junit_name}"
            started = f"2026-11-28T{(minute // 60) % 24:02d}:{minute % 60:02d}:00Z"
            completed = f"2026-11-28T{(minute // 60) % 24:02d}:{minute % 60:02d}:30Z"
            payload = {
                "pull_request": {
                    "number": 190000 + r, "title": hostile, "user": {"login": HOSTILE[(j + 1) % len(HOSTILE)][:200]},
                    "head": {"sha": f"{r:02d}{j:02d}" + "ab" * 18},
                },
                "repository": {"full_name": "pytorch/pytorch"},
            }
            base = {
                "trusted": {"ci_metrics": {"queue_time": 1.5, "execution_time": 30.0}, "verified_repo": repo,
                            "downstream_repo_level": level},
                "untrusted": {"callback_payload": {
                    "event_type": "pull_request", "delivery_id": f"adv-{r}-{j}", "payload": payload,
                    "workflow": {
                        "schema_version": "1", "name": hostile, "url": BAD_URLS[j % len(BAD_URLS)],
                        "run_attempt": "1", "job_name": HOSTILE[(j + 3) % len(HOSTILE)], "check_run_id": check_run_id,
                        "run_id": f"{r}{j}", "status": "completed", "conclusion": ["failure", "success", "cancelled"][j % 3],
                        "started_at": started, "completed_at": completed,
                        "test_results": {"passed": 1, "failed": 2, "skipped": 0}, "artifact_url": artifact,
                    },
                }},
            }
            lines.append(json.dumps(base, ensure_ascii=False, sort_keys=True))
    with open(os.path.join(OUT, "callbacks.ndjson"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as f:
        f.write("Hostile sample data (issue #7), written by `scripts/make-adversarial.py`: every string a\n"
                "backend reports is an attack. `swift test` builds a site from it (AdversarialTests) and\n"
                "`scripts/xss-check.sh` opens every page in headless chromium. Not part of the demo.\n")
    print(f"wrote {len(lines)} callbacks and {len(lines)} JUnit files to {OUT}")


if __name__ == "__main__":
    main()
