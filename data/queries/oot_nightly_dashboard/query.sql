-- Scheduled self-reports of :repo (RFC-0056, spec §2.3, §8.4): nightly and periodic runs in the
-- :days days before :now, one row per job execution; rows are upstream SHAs on the page. Read
-- through the partial index of scheduled runs (job_scheduled).
SELECT dynamoKey, event_type, pytorch_head_sha, workflow_name, job_name, check_run_id, run_id, run_attempt,
       status, conclusion, started_at, completed_at, duration_seconds, total_tests, passed_tests,
       failed_tests, skipped_tests, workflow_run_url, artifact_url, queue_time, execution_time
FROM oot_workflow_job INDEXED BY job_scheduled
WHERE downstream_repo = :repo
  AND event_type IN ('nightly', 'periodic')
  AND started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
ORDER BY started_at DESC
LIMIT 500
