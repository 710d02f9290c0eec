-- Scheduled self-reports (RFC-0056) per backend and kind over the :days days before :now:
-- runs (every attempt), successes, failures, pass rate, average duration, last run. Read through
-- the partial index of scheduled runs (job_scheduled), a few percent of the jobs.
SELECT downstream_repo AS repo, event_type,
       count(*) AS total,
       sum(conclusion = 'success') AS successes,
       sum(conclusion IN ('failure', 'timed_out')) AS failures,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(conclusion = 'success') / count(*) ELSE 0 END AS pass_rate,
       avg(duration_seconds) AS avg_duration_s,
       max(started_at) AS last_run
FROM oot_workflow_job INDEXED BY job_scheduled
WHERE status = 'completed' AND event_type IN ('nightly', 'periodic')
  AND started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
  AND started_at <= :now
GROUP BY downstream_repo, event_type
ORDER BY pass_rate ASC, repo, event_type
