-- Every backend that ever reported, in order of first appearance (so page paths stay stable),
-- with its most recent level, how many PRs it ran on, and its scheduled runs by kind.
SELECT downstream_repo AS repo,
       (SELECT j2.downstream_repo_level FROM oot_workflow_job j2
         WHERE j2.downstream_repo = j.downstream_repo AND j2.downstream_repo_level != ''
         ORDER BY j2.started_at DESC LIMIT 1) AS downstream_repo_level,
       min(rowid) AS first_seen,
       count(DISTINCT CASE WHEN pr_number > 0 THEN pr_number END) AS prs,
       sum(event_type = 'nightly') AS nightly_jobs,
       sum(event_type = 'periodic') AS periodic_jobs
FROM oot_workflow_job j
GROUP BY downstream_repo
ORDER BY first_seen
