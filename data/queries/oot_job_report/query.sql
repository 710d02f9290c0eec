-- One job's harvested report (junit_reports) with the job's fields and what the job itself
-- reported in test_results, so the drill-down can flag disagreements.
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha,
       r.state, r.error, r.files, r.tests, r.passed, r.failures, r.errors, r.skipped, r.flaky,
       r.total_time_seconds, r.attempts, r.content_type, r.harvested_at
FROM junit_reports r
JOIN oot_workflow_job j ON j.dynamoKey = r.dynamoKey
WHERE r.dynamoKey = :key
