-- The PRs on a backend's landing page: the :per_page with the latest activity (ties: the higher
-- PR number first), with the sequence number (order of first appearance) that puts each in an
-- older page. The same order as oot_backend_dashboard's page at offset 0; the older pages leave
-- these PRs out (oot_backend_bucket), so every PR is on exactly one page. Reads the
-- site_backend_prs_activity index.
SELECT pr_number, seq
FROM site_backend_prs
WHERE repo = :repo
ORDER BY last_activity DESC, pr_number DESC
LIMIT :per_page
