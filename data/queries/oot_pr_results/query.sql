-- Every job row of PR :pr (spec §8.3), with the level and head SHA the page needs to group by
-- backend and to separate the latest head SHA from older pushes (spec §12 item 7).
SELECT dynamoKey, downstream_repo, downstream_repo_level, upstream_repo, pr_number, pytorch_head_sha,
       pr_title, pr_author, event_type, workflow_name, job_name, check_run_id, run_id, run_attempt,
       status, conclusion, started_at, completed_at, duration_seconds, total_tests, passed_tests,
       failed_tests, skipped_tests, workflow_run_url, artifact_url, queue_time, execution_time,
       push_ref, commit_title, commit_author, base_sha
FROM oot_workflow_job
WHERE pr_number = :pr AND pr_number > 0
ORDER BY downstream_repo, effective_started_at DESC
LIMIT 2000
