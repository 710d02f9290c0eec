-- Spec §8.1 (oot_summary): per backend, completed PR jobs (every attempt; nightly and periodic
-- runs are summarised apart) that started in the :days days before :now: successes, failures,
-- timed out, cancelled, total, pass rate, average duration, last run. Worst pass rate first.
-- The level is the backend's latest (site_backends, kept by the build's index stage, as the
-- reference takes anyLast); the window is read from the covering index job_window, so the cost
-- follows the window, not the history.
SELECT w.downstream_repo AS repo,
       coalesce(b.level, '') AS downstream_repo_level,
       sum(w.conclusion = 'success') AS successes,
       sum(w.conclusion = 'failure') AS failures,
       sum(w.conclusion = 'timed_out') AS timed_out,
       sum(w.conclusion = 'cancelled') AS cancelled,
       count(*) AS total,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(w.conclusion = 'success') / count(*) ELSE 0 END AS pass_rate,
       avg(w.duration_seconds) AS avg_duration_s,
       max(w.started_at) AS last_run
FROM oot_workflow_job w INDEXED BY job_window
LEFT JOIN site_backends b ON b.repo = w.downstream_repo
WHERE w.status = 'completed'
  AND w.event_type NOT IN ('nightly', 'periodic')
  AND w.started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
  AND w.started_at <= :now
GROUP BY w.downstream_repo
ORDER BY pass_rate ASC, repo ASC
