-- The latest :per_backend executions of one test (classname, or the suite when it is empty, +
-- name) on every backend, newest first within each backend: the test's page across backends
-- (/tests/<test-id>/, docs/classification.md). Read from the testcase identity index, so the
-- cost is this test's executions.
WITH runs AS (
    SELECT j.downstream_repo, j.downstream_repo_level, j.dynamoKey, j.pr_number, j.pytorch_head_sha, j.event_type,
           j.workflow_name, j.job_name, j.run_attempt, j.effective_started_at AS started_at, tc.ordinal, tc.outcome,
           tc.flaky,
           row_number() OVER (
               PARTITION BY j.downstream_repo ORDER BY j.effective_started_at DESC, j.run_attempt DESC, tc.ordinal
           ) AS n
    FROM junit_testcases tc
    CROSS JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
    WHERE tc.name = :name AND (tc.classname = :classname OR (tc.classname = '' AND tc.suite = :classname))
)
SELECT downstream_repo, downstream_repo_level, dynamoKey, pr_number, pytorch_head_sha, event_type, workflow_name,
       job_name, run_attempt, started_at, ordinal, outcome, flaky
FROM runs
WHERE n <= :per_backend
ORDER BY downstream_repo, n
