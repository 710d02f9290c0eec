-- Failing test names of every job of PR :pr (from harvested JUnit), for the PR page and comment.
SELECT t.dynamoKey, t.classname, t.name, t.outcome
FROM junit_testcases t
JOIN oot_workflow_job j ON j.dynamoKey = t.dynamoKey
WHERE j.pr_number = :pr AND t.outcome IN ('failure', 'error')
ORDER BY t.dynamoKey, t.ordinal
