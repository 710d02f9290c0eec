-- Spec §8.2 (TI-HEAD crcr_backend_dashboard): one page of a backend's PRs, most recent
-- activity first, with every execution of every job on them. The page of PRs comes from
-- site_backend_prs (one row per backend × PR, indexed by last activity), so a page costs the
-- same whatever the history size.
WITH page AS (
    SELECT pr_number, last_activity AS last_started
    FROM site_backend_prs
    WHERE repo = :repo
    ORDER BY last_activity DESC, pr_number DESC
    LIMIT :per_page OFFSET :offset
)
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha,
       page.last_started
FROM page
JOIN oot_workflow_job j INDEXED BY job_repo_pr ON j.downstream_repo = :repo AND j.pr_number = page.pr_number
ORDER BY page.last_started DESC, j.pr_number DESC, j.effective_started_at DESC
