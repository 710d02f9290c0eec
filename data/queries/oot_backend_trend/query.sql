-- Issue 16: the backend trend panel, one row per UTC day of the :days days that end with the day
-- of :now, oldest first, from the daily rollup site_daily (completed PR jobs, every attempt, by
-- the day they started, else completed). A day without a completed job has total 0 and NULL
-- rates and medians (a gap in the chart, not a zero). Medians are nearest-rank, in seconds.
WITH RECURSIVE days(day, n) AS (
    SELECT date(:now, '-' || (:days - 1) || ' days'), 1
    UNION ALL
    SELECT date(day, '+1 day'), n + 1 FROM days WHERE n < :days
)
SELECT d.day,
       coalesce(s.total, 0) AS total,
       coalesce(s.successes, 0) AS successes,
       coalesce(s.failures, 0) AS failures,
       coalesce(s.timed_out, 0) AS timed_out,
       coalesce(s.cancelled, 0) AS cancelled,
       CASE WHEN s.total > 0 THEN 1.0 * s.successes / s.total END AS pass_rate,
       s.queue_p50 AS queue_p50_s,
       s.duration_p50 AS duration_p50_s
FROM days d
LEFT JOIN site_daily s ON s.repo = :repo AND s.day = d.day
ORDER BY d.day
