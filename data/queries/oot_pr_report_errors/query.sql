-- Jobs of PR :pr whose JUnit report could not be read (any harvest state but ok), with the
-- harvest's reason: such a failure is unstable, not new (docs/classification.md).
SELECT r.dynamoKey, r.state, r.error
FROM oot_workflow_job j
JOIN junit_reports r ON r.dynamoKey = j.dynamoKey
WHERE j.pr_number = :pr AND j.pr_number > 0 AND r.state != 'ok'
ORDER BY r.dynamoKey
