-- Tests of :repo that failed, errored or were flaky in any harvested report, most recently
-- failing first: the tests that get a history page.
SELECT tc.classname, tc.name, sum(tc.outcome IN ('failure', 'error')) AS failures,
       max(coalesce(j.started_at, j.completed_at)) AS last_failed
FROM junit_testcases tc
JOIN oot_workflow_job j ON j.dynamoKey = tc.dynamoKey
WHERE j.downstream_repo = :repo AND (tc.outcome IN ('failure', 'error') OR tc.flaky = 1) AND tc.name != ''
GROUP BY tc.classname, tc.name
ORDER BY last_failed DESC, tc.classname, tc.name
LIMIT :limit
