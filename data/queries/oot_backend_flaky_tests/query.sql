-- Test-level flaky evidence of :repo over the :days days before :now:
--  'rerun'    a testcase that passed after failed attempts within one report (rerun elements,
--             Surefire flakyFailure, or repeated testcases with mixed outcomes);
--  'same_sha' a test that failed in one job and passed in another job of the same head SHA.
-- With the failing job's workflow, job name and effective start (the flaky page groups rows by
-- test and rates them against that job's runs). Driven from the backend's jobs in the window
-- (index on downstream_repo, effective_started_at) and, per job, the partial indexes of its
-- failing and flaky testcases: the cost follows the window's failures, not its testcases or the
-- history.
WITH recent AS (
    SELECT dynamoKey, pr_number, pytorch_head_sha, workflow_name, job_name, effective_started_at
    FROM oot_workflow_job
    WHERE downstream_repo = :repo AND status = 'completed'
      AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
      AND dynamoKey IN (SELECT dynamoKey FROM junit_reports)
),
failing AS (
    -- SQLite takes the bare columns (workflow, job, start) from the row of min(dynamoKey).
    SELECT CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END AS classname, tc.name, r.pytorch_head_sha, r.pr_number,
           min(tc.dynamoKey) AS failed_key, r.workflow_name, r.job_name, r.effective_started_at AS started_at
    FROM recent r JOIN junit_testcases tc INDEXED BY junit_testcases_failing ON tc.dynamoKey = r.dynamoKey
    WHERE tc.outcome IN ('failure', 'error') AND tc.name != ''
    GROUP BY 1, 2, 3, 4
),
same_sha AS (
    SELECT f.classname, f.name, f.pytorch_head_sha, f.pr_number, f.failed_key, min(p.dynamoKey) AS passed_key,
           f.workflow_name, f.job_name, f.started_at
    FROM failing f
    JOIN recent pj ON pj.pytorch_head_sha = f.pytorch_head_sha AND pj.dynamoKey != f.failed_key
    JOIN junit_testcases p ON p.dynamoKey = pj.dynamoKey AND p.name = f.name
     AND (CASE WHEN p.classname = '' THEN p.suite ELSE p.classname END) = f.classname
    WHERE p.outcome = 'passed'
    GROUP BY 1, 2, 3, 4, 5
),
reruns AS (
    SELECT CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END AS classname, tc.name, r.pytorch_head_sha, r.pr_number,
           tc.dynamoKey AS failed_key, tc.dynamoKey AS passed_key, r.workflow_name, r.job_name,
           r.effective_started_at AS started_at
    FROM recent r JOIN junit_testcases tc INDEXED BY junit_testcases_flaky ON tc.dynamoKey = r.dynamoKey
    WHERE tc.flaky = 1 AND tc.outcome = 'passed'
    GROUP BY 1, 2, 3, 4, 5
)
SELECT 'rerun' AS evidence, * FROM reruns
UNION ALL
SELECT 'same_sha' AS evidence, * FROM same_sha
ORDER BY pr_number DESC, classname, name
LIMIT 500
