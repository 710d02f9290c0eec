#!/usr/bin/env python3
"""One `completed` relay callback per job name, from the spec's sample body, for the fault scripts.
Usage: job_callbacks.py OUT FIRST_CHECK_RUN_ID URL_TEMPLATE NAME...
Job n gets check_run_id FIRST_CHECK_RUN_ID + n, job_name NAME and artifact_url URL_TEMPLATE with
{name} replaced, e.g. 'file://{name}' or 'http://127.0.0.1:8080/{name}.xml'. Writes NDJSON."""
import json, sys

out, first, template, names = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
base = json.load(open("Tests/Fixtures/callbacks/spec-2.3-completed.json"))
with open(out, "w") as f:
    for n, name in enumerate(names):
        wf = base["untrusted"]["callback_payload"]["workflow"]
        wf.update(check_run_id=str(first + n), job_name=name, artifact_url=template.replace("{name}", name))
        base["untrusted"]["callback_payload"]["delivery_id"] = f"job-{first + n}"
        f.write(json.dumps(base) + "\n")
