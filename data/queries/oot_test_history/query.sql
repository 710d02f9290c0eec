-- Every execution of one test (classname, or the suite when it is empty, + name) in :repo's harvested reports, newest first.
SELECT j.dynamoKey, j.pr_number, j.pr_title, j.pytorch_head_sha, j.event_type, j.workflow_name, j.job_name,
       j.check_run_id, j.run_attempt, j.conclusion, j.effective_started_at AS started_at,
       tc.ordinal, tc.outcome, tc.flaky, tc.reruns, tc.time_seconds, tc.message
FROM junit_testcases tc
JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
WHERE tc.name = :name AND (tc.classname = :classname OR (tc.classname = '' AND tc.suite = :classname))
  AND j.downstream_repo = :repo
ORDER BY j.effective_started_at DESC, j.run_attempt DESC, tc.ordinal
LIMIT :limit
