-- Every execution of one test (classname, or the suite when it is empty, + name) in :repo's harvested reports, newest first.
-- Read from the testcase identity index, within :repo's key range: every dynamoKey starts with the
-- verified repo and a slash (spec §4.1), so `'<repo>/' < dynamoKey < '<repo>0'` ('0' follows '/')
-- holds exactly this backend's rows, and the cost is this test's executions here, not the
-- backend's jobs (probing the index once per job was 8 ms a page at 2,000 jobs a backend).
SELECT j.dynamoKey, j.pr_number, j.pr_title, j.pytorch_head_sha, j.event_type, j.workflow_name, j.job_name,
       j.check_run_id, j.run_attempt, j.conclusion, j.effective_started_at AS started_at,
       tc.ordinal, tc.outcome, tc.flaky, tc.reruns, tc.time_seconds, tc.message
FROM junit_testcases tc
CROSS JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
WHERE tc.name = :name AND (tc.classname = :classname OR (tc.classname = '' AND tc.suite = :classname))
  AND tc.dynamoKey > :repo || '/' AND tc.dynamoKey < :repo || '0'
  AND j.downstream_repo = :repo
ORDER BY j.effective_started_at DESC, j.run_attempt DESC, tc.ordinal
LIMIT :limit
