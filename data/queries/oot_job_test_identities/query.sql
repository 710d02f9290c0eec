-- The test identities (classname + name) in one job's report: an incremental build re-renders
-- the history pages of the backend's failing tests among them.
SELECT DISTINCT CASE WHEN classname = '' THEN suite ELSE classname END AS classname, name
FROM junit_testcases
WHERE dynamoKey = :key AND name != ''
