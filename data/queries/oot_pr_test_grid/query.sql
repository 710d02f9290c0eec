-- For every test that failed anywhere on PR :pr, its executions on every backend of the PR:
-- the test × backend grid of the PR page. Only each job's latest attempt counts (a rerun that
-- passed replaces the failure). Driven from the PR's jobs (index on pr_number) and
-- their testcases (primary key), never from a test's whole history.
WITH jobs AS (
    SELECT dynamoKey, downstream_repo, pytorch_head_sha, workflow_name, job_name, run_attempt,
           coalesce(started_at, completed_at) AS started_at,
           max(run_attempt) OVER (PARTITION BY downstream_repo, workflow_name, job_name, pytorch_head_sha) AS latest_attempt
    FROM oot_workflow_job
    WHERE pr_number = :pr AND pr_number > 0
),
cases AS MATERIALIZED (
    SELECT CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END AS classname, tc.name, tc.outcome, tc.ordinal,
           j.workflow_name, j.job_name, j.downstream_repo, j.pytorch_head_sha, j.dynamoKey, j.run_attempt, j.started_at
    FROM jobs j
    JOIN junit_testcases tc ON tc.dynamoKey = j.dynamoKey
    WHERE j.run_attempt = j.latest_attempt AND tc.name != ''
),
failing AS (
    SELECT DISTINCT classname, name FROM cases WHERE outcome IN ('failure', 'error')
    ORDER BY classname, name
    LIMIT 200
)
SELECT f.classname, f.name, c.downstream_repo, c.pytorch_head_sha, c.dynamoKey, c.run_attempt, c.started_at,
       c.outcome, c.ordinal, c.workflow_name, c.job_name
FROM failing f
JOIN cases c ON c.classname = f.classname AND c.name = f.name
ORDER BY f.classname, f.name, c.downstream_repo
