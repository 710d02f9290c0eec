-- Per-backend stat cards (TI-HEAD crcr_backend_summary, spec §8.2): completed PR jobs of :repo
-- that started (else completed) in the :days days before :now, every attempt counted.
SELECT count(*) AS total_jobs,
       coalesce(sum(conclusion IS 'success'), 0) AS successes,
       coalesce(sum(conclusion IS 'failure'), 0) AS failures,
       coalesce(sum(conclusion IS 'timed_out'), 0) AS timed_out,
       coalesce(sum(conclusion IS 'cancelled'), 0) AS cancelled,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(conclusion IS 'success') / count(*) ELSE 0 END AS pass_rate,
       count(DISTINCT pr_number) AS total_prs,
       avg(queue_time) AS avg_queue_time_s,
       avg(execution_time) AS avg_exec_time_s,
       CASE WHEN count(*) > 0 THEN 1.0 * sum(conclusion IS 'timed_out') / count(*) ELSE 0 END AS timeout_rate
FROM oot_workflow_job
WHERE downstream_repo = :repo
  AND status = 'completed'
  AND pr_number > 0
  AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
  AND effective_started_at <= :now
