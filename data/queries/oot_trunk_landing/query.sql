-- The upstream commits on the trunk grid's landing page /oot/trunk/ (issue 18, spec §9.4): the
-- :per_page whose first run is the latest (ties: the later first appearance first), with the
-- sequence number (order of first appearance) that puts each on an older page. The older pages
-- leave these out (oot_trunk_page), so every commit is on exactly one page. Reads the
-- site_trunk_commits_order index.
SELECT sha, seq
FROM site_trunk_commits
ORDER BY first_run DESC, seq DESC
LIMIT :per_page
