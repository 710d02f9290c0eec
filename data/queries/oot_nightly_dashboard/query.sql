-- Runs of :repo of one kind (:event_type) on upstream commits rather than PRs: nightly and
-- periodic self-reports (RFC-0056, spec §2.3, §8.4) or trunk runs on pushes to upstream main
-- (event_type 'push', spec §14.3), in the :days days before :now by effective start (started_at,
-- else completed_at: nightly reports sent started_at null for a while), one row per job
-- execution; rows are upstream SHAs on the page. Read through the partial index of scheduled and
-- push runs (job_scheduled).
SELECT dynamoKey, downstream_repo, downstream_repo_level, upstream_repo, pr_number, pytorch_head_sha,
       pr_title, pr_author, event_type, workflow_name, job_name, check_run_id, run_id, run_attempt,
       status, conclusion, started_at, completed_at, duration_seconds, total_tests, passed_tests,
       failed_tests, skipped_tests, workflow_run_url, artifact_url, queue_time, execution_time,
       push_ref, commit_title, commit_author, base_sha
FROM oot_workflow_job INDEXED BY job_scheduled
WHERE downstream_repo = :repo
  AND event_type IN ('nightly', 'periodic', 'push') AND event_type = :event_type
  AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
ORDER BY effective_started_at DESC
LIMIT 500
