-- Failing test names of every job of PR :pr (from harvested JUnit), for the PR page and comment.
SELECT t.dynamoKey, t.classname, t.name, t.outcome
FROM oot_workflow_job j
JOIN junit_testcases t INDEXED BY junit_testcases_failing ON t.dynamoKey = j.dynamoKey
WHERE j.pr_number = :pr AND t.outcome IN ('failure', 'error')
ORDER BY t.dynamoKey, t.ordinal
