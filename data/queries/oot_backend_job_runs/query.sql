-- Per workflow + job of :repo, the upstream SHAs it completed a run at (and its completed runs,
-- every attempt) in the :days days before :now, PRs and trunk runs alike: the denominators of
-- the flaky page's rates ("flaky at 3 of 40 SHAs"). Walks the backend's jobs of the window
-- (job_repo_started), as oot_backend_flaky_tests does.
SELECT workflow_name, job_name, count(DISTINCT pytorch_head_sha) AS shas, count(*) AS runs
FROM oot_workflow_job INDEXED BY job_repo_started
WHERE downstream_repo = :repo AND status = 'completed'
  AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
GROUP BY workflow_name, job_name
ORDER BY workflow_name, job_name
