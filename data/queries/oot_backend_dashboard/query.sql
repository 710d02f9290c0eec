-- Per-backend matrix (spec §8.2, TI-HEAD form): every row (all statuses, all attempts) of the
-- :per_page PRs of :repo that ran most recently, skipping :offset PRs. Paging by PR instead of
-- the reference's 7-day window + LIMIT 500 keeps old PRs reachable and never cuts a PR in half.
WITH page AS (
    SELECT pr_number, max(coalesce(started_at, completed_at)) AS last_started
    FROM oot_workflow_job
    WHERE downstream_repo = :repo AND pr_number > 0
    GROUP BY pr_number
    ORDER BY last_started DESC, pr_number DESC
    LIMIT :per_page OFFSET :offset
)
SELECT j.dynamoKey, j.upstream_repo, j.pr_number, j.pytorch_head_sha, j.pr_title, j.pr_author,
       j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt, j.status, j.conclusion,
       j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests, j.failed_tests,
       j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       page.last_started
FROM oot_workflow_job j
JOIN page ON page.pr_number = j.pr_number
WHERE j.downstream_repo = :repo
ORDER BY page.last_started DESC, j.pr_number DESC, j.started_at DESC
