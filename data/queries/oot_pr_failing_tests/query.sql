-- Failing tests of every job of PR :pr (from harvested JUnit), for the PR page and comment, by
-- their identity (classname, or the suite when it is empty, + name; docs/junit.md), so two tests
-- of the same name in different files read apart.
SELECT t.dynamoKey, CASE WHEN t.classname = '' THEN t.suite ELSE t.classname END AS classname, t.name, t.outcome
FROM oot_workflow_job j
JOIN junit_testcases t INDEXED BY junit_testcases_failing ON t.dynamoKey = j.dynamoKey
WHERE j.pr_number = :pr AND t.outcome IN ('failure', 'error')
ORDER BY t.dynamoKey, t.ordinal
