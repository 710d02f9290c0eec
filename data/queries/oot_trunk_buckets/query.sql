-- The older pages of the trunk grid (buckets of :per_page upstream commits by order of first
-- appearance), newest first: how many commits each holds and how many of those are on the
-- landing page instead (the :per_page with the latest first run, as oot_trunk_landing).
WITH landing AS (
    SELECT sha
    FROM site_trunk_commits
    ORDER BY first_run DESC, seq DESC
    LIMIT :per_page
)
SELECT (seq - 1) / :per_page + 1 AS bucket, count(*) AS commits, sum(sha IN landing) AS on_landing
FROM site_trunk_commits
GROUP BY bucket
ORDER BY bucket DESC
