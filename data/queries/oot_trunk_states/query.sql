-- Per backend and upstream commit it ran on (pushes to main, nightly, periodic; spec §14.3), in
-- the :days days before :now: the commit's place in the trunk grid (sequence number, first run)
-- and what the latest attempt of each of the backend's jobs there says, as counts: completed
-- with a conclusion other than success or skipped (failed, as the PR box's rule), in progress for
-- at most 6 h (running; longer is lost, spec §5), succeeded, and unclear (lost, or completed
-- with conclusion null, spec §14.3: neither passed nor failed). Newest commit first per backend:
-- the red streaks above the grid and the summary's health word read it (issue 18). Scans the
-- partial index of scheduled and push runs (job_scheduled).
WITH runs AS (
    SELECT downstream_repo, pytorch_head_sha, upstream_repo, status, conclusion, effective_started_at,
           row_number() OVER (
               PARTITION BY downstream_repo, pytorch_head_sha, workflow_name, job_name
               ORDER BY run_attempt DESC, effective_started_at DESC, dynamoKey DESC) AS latest
    FROM oot_workflow_job INDEXED BY job_scheduled
    WHERE event_type IN ('nightly', 'periodic', 'push') AND pytorch_head_sha != ''
      AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
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
JOIN site_trunk_commits c ON c.sha = r.pytorch_head_sha
WHERE r.latest = 1
GROUP BY r.downstream_repo, r.pytorch_head_sha
ORDER BY r.downstream_repo, c.first_run DESC, c.seq DESC
