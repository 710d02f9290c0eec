-- Per backend and upstream commit it ran on (pushes to main, nightly, periodic; spec §14.3), among
-- the latest :commits upstream commits of the trunk grid (by first run, then first appearance): the
-- commit's place in the grid (sequence number, first run) and what the latest attempt of each of
-- the backend's jobs there says, as counts: completed with a conclusion other than success or
-- skipped (failed, as the PR box's rule), in progress for at most 6 h before :now (running; longer
-- is lost, spec §5), succeeded, and unclear (lost, or completed with conclusion null, spec §14.3:
-- neither passed nor failed). Newest commit first per backend: the red streaks above the grid and
-- the summary's health word read it (issue 18). Bounded by commits, not days, so its cost does not
-- grow with the trunk's history: the latest commits through site_trunk_commits_order, then each
-- commit's runs through job_trunk_sha.
WITH recent AS (
    SELECT sha, seq, first_run
    FROM site_trunk_commits
    ORDER BY first_run DESC, seq DESC
    LIMIT :commits
),
runs AS (
    SELECT j.downstream_repo, j.pytorch_head_sha, j.upstream_repo, j.status, j.conclusion, j.effective_started_at,
           row_number() OVER (
               PARTITION BY j.downstream_repo, j.pytorch_head_sha, j.workflow_name, j.job_name
               ORDER BY j.run_attempt DESC, j.effective_started_at DESC, j.dynamoKey DESC) AS latest
    FROM recent
    JOIN oot_workflow_job j INDEXED BY job_trunk_sha
      ON j.pytorch_head_sha = recent.sha AND j.event_type IN ('nightly', 'periodic', 'push')
)
SELECT r.downstream_repo AS repo, r.pytorch_head_sha AS sha, max(coalesce(r.upstream_repo, '')) AS upstream_repo,
       c.seq, c.first_run,
       min(r.effective_started_at) AS started,
       count(*) AS jobs,
       count(*) FILTER (WHERE r.status = 'completed'
                          AND coalesce(r.conclusion, '') NOT IN ('', 'success', 'skipped')) AS failed,
       count(*) FILTER (WHERE r.status = 'in_progress'
                          AND r.effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-6 hours') || '000Z') AS running,
       count(*) FILTER (WHERE r.status = 'completed' AND r.conclusion = 'success') AS passed,
       count(*) FILTER (WHERE (r.status = 'completed' AND coalesce(r.conclusion, '') = '')
                          OR (r.status = 'in_progress'
                              AND r.effective_started_at <= strftime('%Y-%m-%dT%H:%M:%f', :now, '-6 hours') || '000Z')) AS unclear
FROM runs r
JOIN recent c ON c.sha = r.pytorch_head_sha
WHERE r.latest = 1
GROUP BY r.downstream_repo, r.pytorch_head_sha
ORDER BY r.downstream_repo, c.first_run DESC, c.seq DESC
