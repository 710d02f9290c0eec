-- One page of the trunk grid /oot/trunk/ (issue 18, spec §9.4): every run (push to upstream
-- main, nightly, periodic; spec §14.3) of every backend on the page's upstream commits, commits
-- newest first (by first run, then first appearance), each commit's runs newest first.
-- :bucket 0 is the landing page (the :per_page commits with the latest first run, as
-- oot_trunk_landing); bucket n > 0 holds the commits whose sequence number falls in bucket n of
-- :per_page, except those on the landing page. Reads the job_trunk_sha index per commit.
WITH landing AS (
    SELECT sha, seq, first_run
    FROM site_trunk_commits
    ORDER BY first_run DESC, seq DESC
    LIMIT :per_page
),
page AS (
    SELECT sha, seq, first_run FROM landing WHERE :bucket = 0
    UNION ALL
    SELECT sha, seq, first_run
    FROM site_trunk_commits
    WHERE :bucket > 0 AND seq > (:bucket - 1) * :per_page AND seq <= :bucket * :per_page
      AND sha NOT IN (SELECT sha FROM landing)
)
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha
FROM page
JOIN oot_workflow_job j INDEXED BY job_trunk_sha
  ON j.pytorch_head_sha = page.sha AND j.event_type IN ('nightly', 'periodic', 'push')
ORDER BY page.first_run DESC, page.seq DESC, j.effective_started_at DESC, j.dynamoKey
