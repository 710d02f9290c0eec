-- Every job row of PR :pr (spec §8.3), with the level and head SHA the page needs to group by
-- backend and to separate the latest head SHA from older pushes (spec §12 item 7).
SELECT dynamoKey, downstream_repo, downstream_repo_level, upstream_repo, pytorch_head_sha, pr_title, pr_author,
       workflow_name, job_name, check_run_id, run_id, run_attempt, status, conclusion, duration_seconds,
       workflow_run_url, artifact_url, started_at, completed_at, queue_time, execution_time,
       total_tests, passed_tests, failed_tests, skipped_tests
FROM oot_workflow_job
WHERE pr_number = :pr AND pr_number > 0
ORDER BY downstream_repo, effective_started_at DESC
LIMIT 2000
