-- Spec §8.1 (oot_summary): per backend, completed PR jobs (pr_number > 0 as upstream's
-- crcr_summary; every attempt; nightly, periodic and trunk runs are summarised apart) that started
-- (else completed: effective_started_at) in the :days days before :now: successes, failures,
-- timed out, cancelled, total, pass rate, average duration, last run. Worst pass rate first.
-- The level is the backend's latest (site_backends, kept by the build's index stage, as the
-- reference takes anyLast).
-- Whole UTC days inside the window come from the daily rollup site_daily; only the two partial
-- days at its ends are read from the jobs (through the covering index job_window), so the cost
-- is the same for 24 h and for 30 days, and does not grow with the history.
WITH win AS (
    SELECT strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z' AS since,
           :now AS until
),
parts AS (
    SELECT d.repo, d.successes, d.failures, d.timed_out, d.cancelled, d.total, d.duration_sum, d.duration_n,
           d.last_run
    FROM win CROSS JOIN site_daily d
    WHERE d.day > substr(win.since, 1, 10) AND d.day < substr(win.until, 1, 10)
    UNION ALL
    -- the first, partial day: after :now - :days
    SELECT w.downstream_repo, w.conclusion IS 'success', w.conclusion IS 'failure', w.conclusion IS 'timed_out',
           w.conclusion IS 'cancelled', 1, coalesce(w.duration_seconds, 0), w.duration_seconds IS NOT NULL,
           w.effective_started_at
    FROM win CROSS JOIN oot_workflow_job w INDEXED BY job_window
    WHERE w.effective_started_at > win.since AND w.effective_started_at < date(win.since, '+1 day')
      AND w.effective_started_at <= win.until
      AND w.status = 'completed' AND w.pr_number > 0
    UNION ALL
    -- the last, partial day: up to :now
    SELECT w.downstream_repo, w.conclusion IS 'success', w.conclusion IS 'failure', w.conclusion IS 'timed_out',
           w.conclusion IS 'cancelled', 1, coalesce(w.duration_seconds, 0), w.duration_seconds IS NOT NULL,
           w.effective_started_at
    FROM win CROSS JOIN oot_workflow_job w INDEXED BY job_window
    WHERE w.effective_started_at >= substr(win.until, 1, 10) AND w.effective_started_at <= win.until
      AND substr(win.until, 1, 10) > substr(win.since, 1, 10)
      AND w.status = 'completed' AND w.pr_number > 0
)
SELECT p.repo,
       coalesce(b.level, '') AS downstream_repo_level,
       sum(p.successes) AS successes,
       sum(p.failures) AS failures,
       sum(p.timed_out) AS timed_out,
       sum(p.cancelled) AS cancelled,
       sum(p.total) AS total,
       1.0 * sum(p.successes) / sum(p.total) AS pass_rate,
       CASE WHEN sum(p.duration_n) > 0 THEN total(p.duration_sum) / sum(p.duration_n) END AS avg_duration_s,
       max(p.last_run) AS last_run
FROM parts p
LEFT JOIN site_backends b ON b.repo = p.repo
GROUP BY p.repo
HAVING sum(p.total) > 0
ORDER BY pass_rate ASC, p.repo ASC
