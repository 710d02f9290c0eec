-- Every job with a harvested report (a drill-down page), in order of first appearance; a full
-- build renders them all.
SELECT r.dynamoKey
FROM junit_reports r
JOIN oot_workflow_job j ON j.dynamoKey = r.dynamoKey
ORDER BY j.rowid
