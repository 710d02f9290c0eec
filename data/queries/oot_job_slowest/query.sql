-- The slowest testcases of one job (known times only).
SELECT ordinal, suite, classname, name, outcome, time_seconds
FROM junit_testcases
WHERE dynamoKey = :key AND time_seconds IS NOT NULL
ORDER BY time_seconds DESC, ordinal
LIMIT :limit
