-- Every run of one workflow + job on :repo, newest first (PRs, pushes, nightly and periodic
-- runs): the evidence for classifying a job that failed without a failing test
-- (docs/classification.md). Walks the backend's jobs by start time (job_repo_started).
SELECT dynamoKey, pr_number, pytorch_head_sha, event_type, workflow_name, job_name, run_attempt, status,
       conclusion, effective_started_at AS started_at
FROM oot_workflow_job INDEXED BY job_repo_started
WHERE downstream_repo = :repo AND workflow_name = :workflow AND job_name = :job
ORDER BY effective_started_at DESC
LIMIT :limit
