-- Every backend that ever reported, in order of first appearance (so page paths stay stable),
-- with its most recent level.
SELECT downstream_repo AS repo,
       (SELECT j2.downstream_repo_level FROM oot_workflow_job j2
         WHERE j2.downstream_repo = j.downstream_repo AND j2.downstream_repo_level != ''
         ORDER BY j2.started_at DESC LIMIT 1) AS downstream_repo_level,
       min(rowid) AS first_seen,
       sum(event_type IN ('nightly', 'periodic')) AS scheduled_jobs
FROM oot_workflow_job j
GROUP BY downstream_repo
ORDER BY first_seen
