-- Global summary (spec §8.1): one row per backend over completed PR/push jobs that started in
-- the last :days days before :now. Every attempt counts, cancelled and timed_out included in
-- total (as in the reference). Scheduled self-reports (nightly/periodic) are left out; they have
-- their own view. The level is the one on the backend's most recent row (the reference's
-- anyLast is nondeterministic, spec §12 item 9).
WITH recent AS (
    SELECT *
    FROM oot_workflow_job
    WHERE status = 'completed'
      AND event_type NOT IN ('nightly', 'periodic')
      AND started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
      AND started_at <= :now
),
level AS (
    SELECT downstream_repo, downstream_repo_level,
           row_number() OVER (PARTITION BY downstream_repo ORDER BY started_at DESC) AS n
    FROM recent
    WHERE downstream_repo_level != ''
)
SELECT w.downstream_repo AS repo,
       coalesce(l.downstream_repo_level, '') AS downstream_repo_level,
       sum(w.conclusion = 'success') AS successes,
       sum(w.conclusion = 'failure') AS failures,
       sum(w.conclusion = 'timed_out') AS timed_out,
       sum(w.conclusion = 'cancelled') AS cancelled,
       count(*) AS total,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(w.conclusion = 'success') / count(*) ELSE 0 END AS pass_rate,
       avg(w.duration_seconds) AS avg_duration_s,
       max(w.started_at) AS last_run
FROM recent w
LEFT JOIN level l ON l.downstream_repo = w.downstream_repo AND l.n = 1
GROUP BY w.downstream_repo
ORDER BY pass_rate ASC, repo ASC
