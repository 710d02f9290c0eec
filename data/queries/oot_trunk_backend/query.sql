-- One backend's runs on upstream commits (pushes to main, nightly, periodic; spec §14.3) for its
-- column of the trunk grid expanded into its jobs (issue 18): its latest :limit upstream commits
-- with a run in the :days days before :now (by effective start), in the grid's order (first
-- run, then first appearance, newest first), each commit's runs newest first. Reads the
-- backend's scheduled runs through job_scheduled, then each commit's through job_trunk_sha.
WITH commits AS (
    SELECT c.sha, c.seq, c.first_run
    FROM site_trunk_commits c
    WHERE c.sha IN (
        SELECT pytorch_head_sha
        FROM oot_workflow_job INDEXED BY job_scheduled
        WHERE downstream_repo = :repo AND event_type IN ('nightly', 'periodic', 'push')
          AND effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :now, '-' || :days || ' days') || '000Z')
    ORDER BY c.first_run DESC, c.seq DESC
    LIMIT :limit
)
SELECT j.dynamoKey, j.downstream_repo, j.downstream_repo_level, j.upstream_repo, j.pr_number, j.pytorch_head_sha,
       j.pr_title, j.pr_author, j.event_type, j.workflow_name, j.job_name, j.check_run_id, j.run_id, j.run_attempt,
       j.status, j.conclusion, j.started_at, j.completed_at, j.duration_seconds, j.total_tests, j.passed_tests,
       j.failed_tests, j.skipped_tests, j.workflow_run_url, j.artifact_url, j.queue_time, j.execution_time,
       j.push_ref, j.commit_title, j.commit_author, j.base_sha
FROM commits
JOIN oot_workflow_job j INDEXED BY job_trunk_sha
  ON j.pytorch_head_sha = commits.sha AND j.event_type IN ('nightly', 'periodic', 'push') AND j.downstream_repo = :repo
ORDER BY commits.first_run DESC, commits.seq DESC, j.effective_started_at DESC, j.dynamoKey
