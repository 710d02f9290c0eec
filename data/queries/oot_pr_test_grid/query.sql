-- For every test that failed anywhere on PR :pr, its executions on every backend of the PR:
-- the test × backend grid of the PR page.
WITH failing AS (
    SELECT DISTINCT tc.classname, tc.name
    FROM junit_testcases tc JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
    WHERE j.pr_number = :pr AND j.pr_number > 0 AND tc.outcome IN ('failure', 'error') AND tc.name != ''
    LIMIT 200
)
SELECT f.classname, f.name, j.downstream_repo, j.pytorch_head_sha, j.dynamoKey, j.run_attempt,
       coalesce(j.started_at, j.completed_at) AS started_at, tc.outcome, tc.ordinal
FROM failing f
JOIN junit_testcases tc ON tc.classname = f.classname AND tc.name = f.name
JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey AND j.pr_number = :pr
ORDER BY f.classname, f.name, j.downstream_repo
