-- PRs whose failures may read differently because of a run that changed since the last published
-- build (site_pending), on the same backend (docs/classification.md):
--   * a trunk run (push, nightly, periodic): the PRs based on its SHA, and those whose failed jobs
--     started within 24 h after it ("the latest trunk run before the PR's job");
--   * a failed PR job: the other PRs whose failed jobs started within 24 h after it ("failed on 3
--     other PRs in the 24 h before").
-- An incremental build re-renders their pages. Flaky evidence from other PRs' runs (14 days) is
-- not followed: those pages catch up when they change or on a full build.
SELECT DISTINCT p.pr_number
FROM site_pending s
CROSS JOIN oot_workflow_job t ON t.dynamoKey = s.dynamoKey
CROSS JOIN oot_workflow_job p INDEXED BY job_repo_started ON p.downstream_repo = t.downstream_repo
WHERE ((t.pr_number = 0 AND t.event_type IN ('push', 'nightly', 'periodic'))
       OR (t.pr_number > 0 AND t.status = 'completed' AND t.conclusion IN ('failure', 'timed_out')))
  AND p.pr_number > 0 AND p.pr_number != t.pr_number
  AND p.status = 'completed' AND p.conclusion IN ('failure', 'timed_out')
  AND ((t.pr_number = 0 AND p.base_sha = t.pytorch_head_sha)
       OR (p.effective_started_at >= t.effective_started_at
           AND p.effective_started_at < strftime('%Y-%m-%dT%H:%M:%f', t.effective_started_at, '+1 day') || '000Z'))
ORDER BY 1 DESC
LIMIT :limit
