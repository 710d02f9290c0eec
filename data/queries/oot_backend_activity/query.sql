-- When each backend last sent anything (any status, any event type): for the stale marker.
SELECT downstream_repo AS repo, max(max(coalesce(started_at, ''), coalesce(completed_at, ''))) AS last_activity
FROM oot_workflow_job
GROUP BY downstream_repo
