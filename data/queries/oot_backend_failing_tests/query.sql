-- Test identities (classname, or the suite when it is empty, + name; docs/junit.md) of
-- :repo that failed (or were flaky) in reports of jobs started in the last :days days
-- before :now (by effective start: started_at, else completed_at), most recently failing first: the tests that get a history page. Driven from the
-- backend's recent jobs (index on downstream_repo, effective_started_at) and the partial index of their
-- failing or flaky testcases, so the cost follows the window's failures.
SELECT CASE WHEN tc.classname = '' THEN tc.suite ELSE tc.classname END AS classname, tc.name, sum(tc.outcome IN ('failure', 'error')) AS failures,
       max(j.effective_started_at) AS last_failed
FROM oot_workflow_job j
JOIN junit_testcases tc INDEXED BY junit_testcases_notable ON tc.dynamoKey = j.dynamoKey
WHERE j.downstream_repo = :repo
  AND j.effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z'
  AND j.effective_started_at <= :now
  AND (tc.outcome IN ('failure', 'error') OR tc.flaky = 1) AND tc.name != ''
GROUP BY 1, tc.name
ORDER BY last_failed DESC, 1, tc.name
LIMIT :limit
