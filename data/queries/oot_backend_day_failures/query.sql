-- Issue 16, the trends page's day rows: per UTC day of the :days days that end with the day of
-- :now, the backend's latest :per_day completed PR jobs that failed or timed out (every attempt,
-- as the daily rollup counts them), newest day first, then newest job first.
SELECT day, dynamoKey, workflow_name, job_name, pr_number, conclusion, workflow_run_url
FROM (
    SELECT substr(effective_started_at, 1, 10) AS day, dynamoKey, workflow_name, job_name, pr_number, conclusion,
           workflow_run_url,
           row_number() OVER (PARTITION BY substr(effective_started_at, 1, 10)
                              ORDER BY effective_started_at DESC, dynamoKey) AS rank
    FROM oot_workflow_job INDEXED BY job_repo_started
    WHERE downstream_repo = :repo AND effective_started_at >= date(:now, '-' || (:days - 1) || ' days')
      AND status = 'completed' AND pr_number > 0 AND conclusion IN ('failure', 'timed_out')
)
WHERE rank <= :per_day
ORDER BY day DESC, rank
