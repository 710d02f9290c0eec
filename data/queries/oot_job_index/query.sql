-- Every job execution in order of first appearance, for assigning stable drill-down paths.
SELECT dynamoKey, downstream_repo, check_run_id
FROM oot_workflow_job
ORDER BY rowid
