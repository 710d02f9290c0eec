-- Every PR with at least one job, newest activity first.
SELECT pr_number, max(coalesce(started_at, completed_at)) AS last_started
FROM oot_workflow_job
WHERE pr_number > 0
GROUP BY pr_number
ORDER BY last_started DESC
