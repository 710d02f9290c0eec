-- The testcases of one job worth listing: errors and failures first, then flaky passes, then
-- skipped, in document order within each group; `ordinal` is the permalink anchor.
SELECT ordinal, suite, classname, name, file, outcome, flaky, reruns, time_seconds, message, details,
       stdout, stdout_bytes, stderr, stderr_bytes
FROM junit_testcases
WHERE dynamoKey = :key AND (outcome != 'passed' OR flaky = 1)
ORDER BY CASE outcome WHEN 'error' THEN 0 WHEN 'failure' THEN 1 WHEN 'passed' THEN 2 ELSE 3 END, ordinal
LIMIT :limit
