-- For every test that failed anywhere on PR :pr, its executions on every backend of the PR:
-- the test × backend grid of the PR page. Only each job's latest attempt counts (a rerun that
-- passed replaces the failure). The failing tests come from the partial index of failing
-- testcases; each one's executions from the identity index, kept to the PR's latest attempts.
WITH jobs AS (
    SELECT dynamoKey, downstream_repo, pytorch_head_sha, workflow_name, job_name, run_attempt,
           effective_started_at AS started_at,
           max(run_attempt) OVER (PARTITION BY downstream_repo, workflow_name, job_name, pytorch_head_sha) AS latest_attempt
    FROM oot_workflow_job
    WHERE pr_number = :pr AND pr_number > 0
),
latest AS MATERIALIZED (
    SELECT * FROM jobs WHERE run_attempt = latest_attempt
),
failing AS (
    SELECT DISTINCT CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END AS classname, tc.name
    FROM latest j
    JOIN junit_testcases tc INDEXED BY junit_testcases_failing ON tc.dynamoKey = j.dynamoKey
    WHERE tc.outcome IN ('failure', 'error') AND tc.name != ''
    ORDER BY 1, 2
    LIMIT 200
)
SELECT f.classname, f.name, j.downstream_repo, j.pytorch_head_sha, j.dynamoKey, j.run_attempt, j.started_at,
       tc.outcome, tc.ordinal, j.workflow_name, j.job_name
FROM failing f
JOIN junit_testcases tc
  ON tc.name = f.name AND (tc.classname = f.classname OR (tc.classname = '' AND tc.suite = f.classname))
JOIN latest j ON j.dynamoKey = tc.dynamoKey
ORDER BY f.classname, f.name, j.downstream_repo
