-- Issue 16, level readiness (RFC-0050 "Evolution Path", spec §10; pytorch/rfcs#102): the figures
-- a backend's promotion and demotion are judged on, over its completed PR jobs (every attempt)
-- that started (else completed) in the :days days before :now.
--   pass rate      successes / completed jobs (the CI job success rate, not a test pass rate);
--   timeout rate   timed out / completed jobs;
--   queue p50      the nearest-rank median of queue_time, seconds (first attempts: ingest drops a
--                  rerun's queue time, spec §4.4);
--   run p50        per PR head (PR number + upstream SHA), its total run time on this backend:
--                  from the first job's dispatch (started_at − queue_time) to the last job's
--                  completion, seconds; the nearest-rank median over the heads.
WITH jobs AS MATERIALIZED (
    SELECT conclusion, queue_time, pr_number, pytorch_head_sha, started_at, completed_at
    FROM oot_workflow_job INDEXED BY job_repo_started
    WHERE downstream_repo = :repo AND status = 'completed' AND pr_number > 0
      AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
      AND effective_started_at <= :now
),
queue AS (
    SELECT queue_time AS v, row_number() OVER (ORDER BY queue_time) AS rank, count(*) OVER () AS n
    FROM jobs WHERE queue_time IS NOT NULL
),
heads AS (
    SELECT (max(julianday(completed_at)) - min(julianday(started_at) - coalesce(queue_time, 0) / 86400.0))
           * 86400.0 AS v
    FROM jobs
    WHERE started_at IS NOT NULL AND completed_at IS NOT NULL
    GROUP BY pr_number, pytorch_head_sha
),
runs AS (
    SELECT v, row_number() OVER (ORDER BY v) AS rank, count(*) OVER () AS n FROM heads
)
SELECT (SELECT count(*) FROM jobs) AS total_jobs,
       (SELECT count(*) FROM jobs WHERE conclusion = 'success') AS successes,
       (SELECT count(*) FROM jobs WHERE conclusion = 'timed_out') AS timed_out,
       (SELECT count(*) FROM queue) AS queued_jobs,
       (SELECT v FROM queue WHERE rank = (n + 1) / 2) AS queue_p50_s,
       (SELECT count(*) FROM runs) AS pr_heads,
       (SELECT v FROM runs WHERE rank = (n + 1) / 2) AS run_p50_s
