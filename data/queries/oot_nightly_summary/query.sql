-- Runs on upstream commits per backend and kind over the :days days before :now (by effective
-- start): nightly and periodic self-reports (RFC-0056) and trunk runs on upstream pushes
-- (event_type 'push'): runs (every attempt), successes, failures, pass rate, average duration
-- (known durations only), last run. Read through the partial index of scheduled and push runs
-- (job_scheduled), a few percent of the jobs.
SELECT downstream_repo AS repo, event_type,
       count(*) AS total,
       sum(conclusion IS 'success') AS successes,
       sum(conclusion IS 'failure' OR conclusion IS 'timed_out') AS failures,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(conclusion IS 'success') / count(*) ELSE 0 END AS pass_rate,
       avg(duration_seconds) AS avg_duration_s,
       max(effective_started_at) AS last_run
FROM oot_workflow_job INDEXED BY job_scheduled
WHERE status = 'completed' AND event_type IN ('nightly', 'periodic', 'push')
  AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
  AND effective_started_at <= :now
GROUP BY downstream_repo, event_type
ORDER BY pass_rate ASC, repo, event_type
