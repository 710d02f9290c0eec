-- Jobs still in progress that crossed the 6-hour mark (the relay's zombie timeout) between the
-- previous build (:since) and this one (:now): their PR pages and matrix cells now say "lost",
-- so an incremental build re-renders them. Uses the effective_started_at index (job_window).
SELECT DISTINCT j.downstream_repo AS repo, j.pr_number, coalesce(p.seq, 0) AS seq
FROM oot_workflow_job j
LEFT JOIN site_backend_prs p ON p.repo = j.downstream_repo AND p.pr_number = j.pr_number
WHERE j.status = 'in_progress'
  AND j.effective_started_at > strftime('%Y-%m-%dT%H:%M:%f', :since, '-6 hours') || '000Z'
  AND j.effective_started_at <= strftime('%Y-%m-%dT%H:%M:%f', :now, '-6 hours') || '000Z'
