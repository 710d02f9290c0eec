-- Job-level flaky evidence: a job (same PR, head SHA, workflow and job name) that failed or timed
-- out on one attempt and passed on a later attempt, in the :days days before :now. Driven from
-- the partial index of reruns (job_reruns), so only reruns are read, not every job of the window.
SELECT p.pr_number, p.pytorch_head_sha, p.workflow_name, p.job_name,
       f.dynamoKey AS failed_key, f.run_attempt AS failed_attempt, f.conclusion AS failed_conclusion,
       f.workflow_run_url AS failed_run_url,
       p.dynamoKey AS passed_key, p.run_attempt AS passed_attempt, p.workflow_run_url AS passed_run_url,
       p.effective_started_at AS started_at
FROM oot_workflow_job p INDEXED BY job_reruns
JOIN oot_workflow_job f
  ON f.downstream_repo = p.downstream_repo AND f.pr_number = p.pr_number
 AND f.pytorch_head_sha = p.pytorch_head_sha AND f.workflow_name = p.workflow_name
 AND f.job_name = p.job_name AND f.run_attempt < p.run_attempt
WHERE p.downstream_repo = :repo AND p.run_attempt > 1
  AND p.status = 'completed' AND p.conclusion = 'success'
  AND f.status = 'completed' AND f.conclusion IN ('failure', 'timed_out')
  AND p.effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
ORDER BY p.effective_started_at DESC
LIMIT 200
