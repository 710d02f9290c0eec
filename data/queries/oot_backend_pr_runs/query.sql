-- The jobs of a backend's latest :limit PRs (by last activity, as its matrix landing page), for
-- the summary's health word (issue 18: "healthy" when its last 5 PR runs passed, as upstream's
-- relay-health card, test-infra #8454); the page takes each PR's newest head SHA and the latest
-- attempt of each job there. Reads site_backend_prs_activity, then the jobs by (repo, PR).
WITH prs AS (
    SELECT pr_number, last_activity
    FROM site_backend_prs
    WHERE repo = :repo
    ORDER BY last_activity DESC, pr_number DESC
    LIMIT :limit
)
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha
FROM prs
JOIN oot_workflow_job j INDEXED BY job_repo_pr ON j.downstream_repo = :repo AND j.pr_number = prs.pr_number
ORDER BY prs.last_activity DESC, prs.pr_number DESC, j.effective_started_at DESC
