-- PRs whose failures may read differently because a trunk run (push, nightly, periodic) of the
-- same backend changed since the last published build (site_pending): the PRs based on that
-- trunk SHA, and those whose failed jobs started within 24 h after it ("the latest trunk run
-- before the PR's job", docs/classification.md). An incremental build re-renders their pages.
SELECT DISTINCT p.pr_number
FROM site_pending s
CROSS JOIN oot_workflow_job t ON t.dynamoKey = s.dynamoKey
CROSS JOIN oot_workflow_job p INDEXED BY job_repo_started ON p.downstream_repo = t.downstream_repo
WHERE t.pr_number = 0 AND t.event_type IN ('push', 'nightly', 'periodic')
  AND p.pr_number > 0 AND p.status = 'completed' AND p.conclusion IN ('failure', 'timed_out')
  AND (p.base_sha = t.pytorch_head_sha
       OR (p.effective_started_at >= t.effective_started_at
           AND p.effective_started_at < strftime('%Y-%m-%dT%H:%M:%f', t.effective_started_at, '+1 day') || '000Z'))
ORDER BY 1 DESC
LIMIT :limit
