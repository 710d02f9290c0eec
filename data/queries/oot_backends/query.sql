-- Every backend that ever reported, in order of first appearance (so page paths stay stable),
-- with the level of its latest job, how many PRs it ran on, its kinds of commit runs (trunk,
-- nightly, periodic) and its last activity. Reads the build's bookkeeping (site_backends, kept by the index stage), never the
-- whole job table, so it costs the same at any history size.
SELECT b.repo,
       b.level AS downstream_repo_level,
       b.first_seen,
       (SELECT count(*) FROM site_backend_prs p WHERE p.repo = b.repo) AS prs,
       b.nightly AS nightly_jobs,
       b.periodic AS periodic_jobs,
       b.trunk AS trunk_jobs,
       b.last_activity
FROM site_backends b
ORDER BY b.first_seen
