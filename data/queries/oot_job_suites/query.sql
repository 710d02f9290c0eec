-- Per-suite totals of one job, derived from its testcases (declared suite counts are not trusted).
SELECT suite,
       count(*) AS tests,
       sum(outcome = 'passed') AS passed,
       sum(outcome = 'failure') AS failures,
       sum(outcome = 'error') AS errors,
       sum(outcome = 'skipped') AS skipped,
       sum(time_seconds) AS time_seconds
FROM junit_testcases
WHERE dynamoKey = :key
GROUP BY suite
ORDER BY sum(outcome IN ('failure', 'error')) DESC, suite
LIMIT 500
