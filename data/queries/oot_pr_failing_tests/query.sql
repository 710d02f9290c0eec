-- Failing tests of every job of PR :pr (from harvested JUnit), for the PR page, its
-- classification and the comment, by their identity (classname, or the suite when it is empty, +
-- name; docs/junit.md), so two tests of the same name in different files read apart.
-- passed_in_report: the same identity also passed in the same report (flakefinder or `--count`
-- runs execute a test several times; docs/classification.md, flaky rule 2).
SELECT t.dynamoKey, CASE WHEN t.classname = '' THEN t.suite ELSE t.classname END AS classname, t.name, t.outcome,
       EXISTS (
           SELECT 1 FROM junit_testcases p
           WHERE p.dynamoKey = t.dynamoKey AND p.name = t.name AND p.classname = t.classname
             AND p.suite = t.suite AND p.outcome = 'passed'
       ) AS passed_in_report
FROM oot_workflow_job j
JOIN junit_testcases t INDEXED BY junit_testcases_failing ON t.dynamoKey = j.dynamoKey
WHERE j.pr_number = :pr AND t.outcome IN ('failure', 'error')
ORDER BY t.dynamoKey, t.ordinal
