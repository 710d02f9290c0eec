-- One older page of a backend's PR matrix: the PRs whose sequence number (order of first
-- appearance in this backend) falls in bucket :bucket of :per_page, newest first, except those
-- on the landing page (the :per_page with the latest activity, as oot_backend_landing), which
-- show there. Buckets never move as PRs arrive; a page changes only when one of its PRs changes
-- or moves on or off the landing page.
WITH landing AS (
    SELECT pr_number
    FROM site_backend_prs
    WHERE repo = :repo
    ORDER BY last_activity DESC, pr_number DESC
    LIMIT :per_page
),
page AS (
    SELECT pr_number, seq, last_activity AS last_started
    FROM site_backend_prs
    WHERE repo = :repo AND seq > (:bucket - 1) * :per_page AND seq <= :bucket * :per_page
      AND pr_number NOT IN landing
)
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha,
       page.last_started
FROM page
JOIN oot_workflow_job j INDEXED BY job_repo_pr ON j.downstream_repo = :repo AND j.pr_number = page.pr_number
ORDER BY page.seq DESC, j.effective_started_at DESC
