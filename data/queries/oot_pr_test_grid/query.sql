-- For every test that failed anywhere on PR :pr, its executions on every backend of the PR:
-- the test × backend grid of the PR page. Driven from the PR's jobs (index on pr_number) and
-- their testcases (primary key), never from a test's whole history.
WITH cases AS MATERIALIZED (
    SELECT tc.classname, tc.name, tc.outcome, tc.ordinal, j.downstream_repo, j.pytorch_head_sha, j.dynamoKey,
           j.run_attempt, coalesce(j.started_at, j.completed_at) AS started_at
    FROM oot_workflow_job j
    JOIN junit_testcases tc ON tc.dynamoKey = j.dynamoKey
    WHERE j.pr_number = :pr AND j.pr_number > 0 AND tc.name != ''
),
failing AS (
    SELECT DISTINCT classname, name FROM cases WHERE outcome IN ('failure', 'error')
    ORDER BY classname, name
    LIMIT 200
)
SELECT f.classname, f.name, c.downstream_repo, c.pytorch_head_sha, c.dynamoKey, c.run_attempt, c.started_at,
       c.outcome, c.ordinal
FROM failing f
JOIN cases c ON c.classname = f.classname AND c.name = f.name
ORDER BY f.classname, f.name, c.downstream_repo
