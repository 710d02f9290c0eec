-- The older pages (buckets of :per_page PRs by order of first appearance) a backend's matrix
-- has, newest first: how many PRs each holds, how many of those are on the landing page instead
-- (the :per_page with the latest activity, as oot_backend_landing), and the PR number range.
WITH landing AS (
    SELECT pr_number
    FROM site_backend_prs
    WHERE repo = :repo
    ORDER BY last_activity DESC, pr_number DESC
    LIMIT :per_page
)
SELECT (seq - 1) / :per_page + 1 AS bucket, count(*) AS prs, sum(pr_number IN landing) AS on_landing,
       min(pr_number) AS first_pr, max(pr_number) AS last_pr
FROM site_backend_prs
WHERE repo = :repo
GROUP BY bucket
ORDER BY bucket DESC
