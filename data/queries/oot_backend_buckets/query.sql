-- The pages (buckets of :per_page PRs by order of first appearance) a backend's matrix has,
-- newest first, with the PR number range of each.
SELECT (seq - 1) / :per_page + 1 AS bucket, count(*) AS prs, min(pr_number) AS first_pr, max(pr_number) AS last_pr
FROM site_backend_prs
WHERE repo = :repo
GROUP BY bucket
ORDER BY bucket DESC
